import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { REPOSITORY_ROOT } from '../../test/helpers/server-process.js';

const run = promisify(execFile);

export interface PostgresCluster {
  /** URL of the `congvan` role, which may create databases. The servers connect with it. */
  url: string;
  /** URL of the `postgres` superuser, for settings and pg_stat_activity. */
  superuserUrl: string;
  version: string;
  /** Settings that decide what a commit costs, as `SHOW` prints them. */
  durability: { fsync: string; synchronousCommit: string; fullPageWrites: string };
  /** Process id of the postmaster, or null once the cluster has stopped. */
  postmasterPid(): number | null;
  /** Creates an empty database owned by `congvan` and returns its URL. */
  createDatabase(name: string): Promise<string>;
  dropDatabase(name: string): Promise<void>;
  /** Stops the cluster and removes its folder. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts a throwaway PostgreSQL cluster on a free 127.0.0.1 port with `.ci/start-postgres`, in a
 * temporary folder. That script starts the server with fsync, synchronous_commit and
 * full_page_writes off for test speed. With `durable` the cluster is restarted without those
 * three options, so they are back at PostgreSQL's defaults (on) and a commit waits for the
 * disk, as a SQLite commit with synchronous=FULL does.
 */
export async function startPostgresCluster(options: { durable: boolean }): Promise<PostgresCluster> {
  const folder = mkdtempSync(path.join(tmpdir(), 'congvan-bench-pg-'));
  const port = await freeLoopbackPort();
  let running = false;

  const stop = async () => {
    if (running) {
      await runAsClusterOwner(path.join(await serverBinFolder(), 'pg_ctl'), ['-D', folder, '-m', 'fast', '-w', 'stop']).catch(() => undefined);
      running = false;
    }
    rmSync(folder, { recursive: true, force: true });
  };

  try {
    const started = await run(path.join(REPOSITORY_ROOT, '.ci', 'start-postgres'), [folder, String(port)]);
    running = true;
    const url = started.stdout.trim().split('\n').pop()!;
    const superuser = new URL(url);
    superuser.username = 'postgres';
    const superuserUrl = superuser.toString();

    if (options.durable) await restartWithDefaultDurability(folder, port);
    const settings = await query<{ fsync: string; synchronous_commit: string; full_page_writes: string; server_version: string }>(
      superuserUrl,
      `select current_setting('fsync') as fsync, current_setting('synchronous_commit') as synchronous_commit,
              current_setting('full_page_writes') as full_page_writes, current_setting('server_version') as server_version`,
    );
    const setting = settings[0]!;

    return {
      url,
      superuserUrl,
      version: setting.server_version,
      durability: { fsync: setting.fsync, synchronousCommit: setting.synchronous_commit, fullPageWrites: setting.full_page_writes },
      postmasterPid: () => (running ? readPostmasterPid(folder) : null),
      createDatabase: async (name) => {
        await query(url, `create database ${name}`);
        const database = new URL(url);
        database.pathname = `/${name}`;
        return database.toString();
      },
      // As the superuser, because FORCE must be allowed to end every session on the database, autovacuum's included.
      dropDatabase: async (name) => {
        await query(superuserUrl, `drop database if exists ${name} with (force)`);
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Runs one statement on a fresh connection and returns its rows. */
export async function query<Row>(url: string, text: string, values: unknown[] = []): Promise<Row[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query(text, values);
    return result.rows as Row[];
  } finally {
    await client.end();
  }
}

// Options on the server's command line win over postgresql.conf and ALTER SYSTEM, so turning
// the script's fsync=off back on takes a restart with the other options of the script only.
async function restartWithDefaultDurability(folder: string, port: number): Promise<void> {
  const pgCtl = path.join(await serverBinFolder(), 'pg_ctl');
  const serverOptions = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories='${folder}' -c max_connections=300`;

  await runAsClusterOwner(pgCtl, ['-D', folder, '-m', 'fast', '-w', 'stop']);
  await runAsClusterOwner(pgCtl, ['-D', folder, '-l', path.join(folder, 'server.log'), '-w', '-o', serverOptions, 'start']);
}

function readPostmasterPid(folder: string): number | null {
  try {
    return Number(readFileSync(path.join(folder, 'postmaster.pid'), 'utf8').split('\n')[0]);
  } catch {
    return null;
  }
}

// The newest installed server, as `.ci/start-postgres` picks it.
async function serverBinFolder(): Promise<string> {
  const { stdout } = await run('bash', ['-c', 'ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1']);
  return stdout.trim();
}

// initdb and pg_ctl refuse to run as root, so `.ci/start-postgres` starts the cluster as the postgres account when run by root.
function runAsClusterOwner(command: string, args: string[]): Promise<unknown> {
  if (process.getuid?.() === 0) return run('runuser', ['-u', 'postgres', '--', command, ...args]);
  return run(command, args);
}

function freeLoopbackPort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
