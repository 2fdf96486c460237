import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { REPOSITORY_ROOT, type ServerProcess } from './server-process.js';

const exports = new Map<string, string>();

// The demo directory does not change during a test file, so each export runs once per server.
function exportDirectory(server: ServerProcess, kind: 'organizations' | 'users'): string {
  const key = `${server.dataDir}:${kind}`;
  let csv = exports.get(key);
  if (csv === undefined) {
    csv = execFileSync(path.join(REPOSITORY_ROOT, 'congvan'), ['directory', 'export', kind], {
      env: { ...process.env, ...server.env, CONGVAN_LOG_LEVEL: 'warn' },
      encoding: 'utf8',
    });
    exports.set(key, csv);
  }
  return csv;
}

/** Finds the clerk login of the organization that owns an address, through the real CLI export. */
export function clerkLoginFor(server: ServerProcess, address: string): { login: string; password: string; organizationCode: string } {
  const run = (kind: 'organizations' | 'users') => exportDirectory(server, kind);

  const organizations = parseCsv(run('organizations'));
  const organization = organizations.find((row) => row.addresses!.toLowerCase().split(';').map((item) => item.trim()).includes(address.toLowerCase()));
  if (!organization) throw new Error(`no organization owns ${address}`);

  const users = parseCsv(run('users'));
  const clerk = users.find((row) => row.organization_code === organization.code && row.roles!.split(';').includes('clerk'));
  if (!clerk) throw new Error(`no clerk at ${organization.code}`);

  const login = server.logins.find((candidate) => candidate.login === clerk.login);
  if (!login) throw new Error(`no printed password for ${clerk.login}`);

  return { login: login.login, password: login.password, organizationCode: organization.code! };
}

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true, skip_empty_lines: true }) as Record<string, string>[];
}
