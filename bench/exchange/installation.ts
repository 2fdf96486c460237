import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ApiClient } from '../../test/helpers/api-client.js';
import { startServerProcess, type ServerProcess } from '../../test/helpers/server-process.js';
import { findServerPid } from '../ingest/congvan-server.js';

/** The clerk of the Office of the Provincial People's Committee in the demo province, who sends every dispatch. */
export const SENDER_LOGIN = 'vanthu.vp';

export interface Installation {
  server: ServerProcess;
  /** Process id of the Node.js process that runs the server. */
  pid: number;
  /** The SQLite database file, which the benchmark reads read-only to count registrations. */
  databasePath: string;
  sender: ApiClient;
  /** Stops the server and removes its data folder. Safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts `./congvan serve --demo` with a fresh data folder and the embedded SQLite database, and
 * logs in the sending clerk. `env` adds server variables such as CONGVAN_DEMO_DOMAIN.
 */
export async function startInstallation(label: string, env: Record<string, string> = {}): Promise<Installation> {
  const dataDir = mkdtempSync(path.join(tmpdir(), `congvan-bench-${label}-`));
  const databasePath = path.join(dataDir, 'congvan.sqlite');
  // An explicit SQLite URL keeps the run on the embedded database even when CONGVAN_TEST_ENGINE=postgres is set.
  let server: ServerProcess | null = null;
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };

  try {
    server = await startServerProcess({ CONGVAN_DATA_DIR: dataDir, CONGVAN_DATABASE_URL: `sqlite:${databasePath}`, ...env });
    const pid = findServerPid(dataDir);
    const sender = await loginAs(server, SENDER_LOGIN);

    return { server, pid, databasePath, sender, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Logs in a demo user with the password the server printed at its first start. */
export async function loginAs(server: ServerProcess, login: string): Promise<ApiClient> {
  const printed = server.logins.find((candidate) => candidate.login === login);
  if (!printed) throw new Error(`the server printed no password for ${login}`);

  return ApiClient.login(server.baseUrl, login, printed.password);
}
