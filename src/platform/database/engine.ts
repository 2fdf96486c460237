export type Engine = 'sqlite' | 'postgres';

export function engineOf(databaseUrl: string): Engine {
  if (databaseUrl.startsWith('sqlite:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(databaseUrl)) return 'postgres';

  throw new Error(
    `Invalid CONGVAN_DATABASE_URL "${databaseUrl}": use sqlite:/path/to/file.sqlite or postgres://user@host/db.`,
  );
}
