import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'csv-parse/sync';
import { REPOSITORY_ROOT, type ServerProcess } from '../../test/helpers/server-process.js';

const run = promisify(execFile);

const PROVINCE_CODE = '000.00.00.H36';
// The demo province numbers its communes 01…99 in the made-up block 90; the benchmark's
// organizations take blocks 91, 92 … in the same simulated shape of QCVN 102:2016/BTTTT.
const FIRST_BLOCK = 91;
const CODES_PER_BLOCK = 99;

export interface BenchOrganization {
  code: string;
  name: string;
  shortName: string;
  address: string;
  /** Login of the organization's clerk, created only for the organizations that check their inbox. */
  clerkLogin: string;
}

/** Describes `count` commune-level committees under the demo province, with addresses at `domain`. */
export function benchOrganizations(count: number, domain: string): BenchOrganization[] {
  return Array.from({ length: count }, (_, index) => {
    const block = FIRST_BLOCK + Math.floor(index / CODES_PER_BLOCK);
    const number = String((index % CODES_PER_BLOCK) + 1).padStart(2, '0');
    const serial = String(index + 1).padStart(3, '0');

    return {
      code: `000.${number}.${block}.H36`,
      name: `Ủy ban nhân dân xã Thử Nghiệm ${serial}`,
      shortName: `UBND xã Thử Nghiệm ${serial}`,
      address: `vanthu.tn${serial}@${domain}`,
      clerkLogin: `vanthu.tn${serial}`,
    };
  });
}

/** Picks `count` organizations spread evenly over the list, the first included. */
export function spreadSample<T>(items: T[], count: number): T[] {
  return Array.from({ length: count }, (_, index) => items[Math.floor((index * items.length) / count)]!);
}

/**
 * Imports the organizations and a clerk for each of `clerks` into a running server with
 * `./congvan directory import`, and returns each clerk's login with the generated password.
 */
export async function importBenchDirectory(server: ServerProcess, organizations: BenchOrganization[], clerks: BenchOrganization[]): Promise<{ login: string; password: string }[]> {
  const folder = mkdtempSync(path.join(tmpdir(), 'congvan-bench-directory-'));

  try {
    const organizationsFile = path.join(folder, 'organizations.csv');
    const organizationRows = organizations.map((organization) => [organization.code, organization.name, organization.shortName, 'commune', PROVINCE_CODE, organization.address]);
    writeFileSync(organizationsFile, toCsv(['code', 'name', 'short_name', 'kind', 'parent_code', 'addresses'], organizationRows));
    await importCsv(server, organizationsFile);
    if (clerks.length === 0) return [];

    const usersFile = path.join(folder, 'users.csv');
    const userRows = clerks.map((organization) => [organization.clerkLogin, `Văn thư ${organization.name}`, organization.code, 'clerk', '']);
    writeFileSync(usersFile, toCsv(['login', 'full_name', 'organization_code', 'roles', 'email'], userRows));

    return parseCredentials(await importCsv(server, usersFile));
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

/** Reads the primary address of every organization of a server that ends in `@domain`, through `./congvan directory export`. */
export async function exportAddresses(server: ServerProcess, domain: string): Promise<string[]> {
  const { stdout } = await runCongvan(server, ['directory', 'export', 'organizations']);
  const rows = parse(stdout, { columns: true, bom: true, skip_empty_lines: true }) as { addresses: string }[];

  return rows.flatMap((row) => {
    const primary = row.addresses
      .split(';')
      .map((address) => address.trim())
      .find((address) => address.endsWith(`@${domain}`));

    return primary ? [primary] : [];
  });
}

async function importCsv(server: ServerProcess, file: string): Promise<string> {
  const { stdout } = await runCongvan(server, ['directory', 'import', file]);

  return stdout;
}

async function runCongvan(server: ServerProcess, args: string[]): Promise<{ stdout: string }> {
  try {
    return await run(path.join(REPOSITORY_ROOT, 'congvan'), args, { env: { ...process.env, ...server.env, CONGVAN_LOG_LEVEL: 'warn' }, maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const failure = error as Error & { stdout?: string; stderr?: string };
    throw new Error(`./congvan ${args.join(' ')} failed: ${failure.message}\n${failure.stdout ?? ''}${failure.stderr ?? ''}`);
  }
}

// The import prints each new user's password once, on a line "  LOGIN  PASSWORD".
function parseCredentials(output: string): { login: string; password: string }[] {
  const start = output.indexOf('Passwords of the new users');
  if (start < 0) return [];

  return output
    .slice(start)
    .split('\n')
    .slice(1)
    .flatMap((line) => {
      const match = /^ {2}(\S+)\s+(\S+)$/.exec(line);
      return match ? [{ login: match[1]!, password: match[2]! }] : [];
    });
}

function toCsv(header: string[], rows: string[][]): string {
  const quote = (cell: string) => (/[",\r\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell);

  return `${[header, ...rows].map((row) => row.map(quote).join(',')).join('\n')}\n`;
}
