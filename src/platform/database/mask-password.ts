/**
 * Replaces the password of a database URL with `***`, so that the URL can be printed or logged.
 * node-postgres also takes a password from a `password` query parameter, so that one is masked too.
 */
export function maskPassword(databaseUrl: string): string {
  let url: URL;
  try {
    url = new URL(databaseUrl);
  } catch {
    return databaseUrl.replace(/\/\/([^/@:]*):[^/@]*@/, '//$1:***@');
  }

  if (!url.password && !url.searchParams.has('password')) return databaseUrl;

  if (url.password) url.password = '***';
  if (url.searchParams.has('password')) url.searchParams.set('password', '***');
  return url.toString();
}
