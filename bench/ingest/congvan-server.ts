import { readdirSync, readFileSync, readlinkSync, realpathSync } from 'node:fs';
import { ApiClient } from '../../test/helpers/api-client.js';
import { clerkLoginFor } from '../../test/helpers/directory-lookup.js';
import { startServerProcess, type ServerProcess } from '../../test/helpers/server-process.js';

export interface CongVanUnderTest {
  server: ServerProcess;
  /** Process id of the Node.js process that runs the server (the `congvan` script execs into it). */
  pid: number;
  /** A session of the clerk of the organization that owns the recipient address. */
  clerk: ApiClient;
}

/**
 * Starts `./congvan serve --demo` on free loopback ports with a fresh data folder and logs in the
 * recipient's clerk. `env` adds server variables, such as CONGVAN_DATABASE_URL.
 */
export async function startCongVan(recipient: string, env: Record<string, string> = {}): Promise<CongVanUnderTest> {
  const server = await startServerProcess(env);

  try {
    const pid = findServerPid(server.dataDir);
    const login = clerkLoginFor(server, recipient);
    const clerk = await ApiClient.login(server.baseUrl, login.login, login.password);

    return { server, pid, clerk };
  } catch (error) {
    await server.stop();
    throw error;
  }
}

// NOTE: ServerProcess does not expose the child's pid. The server is found instead as the
// process that works in its fresh data folder, where the helper starts it, with "serve" in its
// command line.
export function findServerPid(dataDir: string): number {
  const folder = realpathSync(dataDir);
  const matches: number[] = [];

  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readlinkSync(`/proc/${entry}/cwd`) !== folder) continue;
      const commandLine = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
      if (commandLine.includes('serve')) matches.push(Number(entry));
    } catch {
      // The process exited, or its links are not readable.
    }
  }

  if (matches.length !== 1) {
    throw new Error(`found ${matches.length} server processes working in ${dataDir} (${matches.join(', ')}), expected 1`);
  }

  return matches[0]!;
}
