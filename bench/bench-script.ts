import { execFileSync } from 'node:child_process';

import { REPOSITORY_ROOT } from '../test/helpers/server-process.js';

/** Steps that stop servers and remove folders, run in reverse order when a benchmark ends. */
export type Cleanups = (() => Promise<void>)[];

/** Writes a progress line with the time of day to standard error. */
export function log(line: string): void {
  process.stderr.write(`[${new Date().toISOString().slice(11, 19)}] ${line}\n`);
}

/** Formats a date for a results file name: 2026-12-05-0000. */
export function fileDate(date: Date): string {
  return date.toISOString().slice(0, 16).replace('T', '-').replace(':', '');
}

/**
 * Compiles the server into lib/. `./congvan` runs the TypeScript sources through tsx whenever a
 * source file is newer than that build, and under tsx the server uses about 40 MiB more memory,
 * so a benchmark after an edit would otherwise measure a different server.
 */
function buildServer(): void {
  log('compiling the server (npm run build:server)');
  execFileSync('npm', ['run', 'build:server', '--silent'], { cwd: REPOSITORY_ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
}

/**
 * Compiles the server, then runs a benchmark's main function and its cleanups, also on SIGINT
 * and SIGTERM, so that no server or throwaway cluster outlives the run. A failure sets exit code 1.
 */
export function runBenchScript(name: string, cleanups: Cleanups, main: () => Promise<void>): void {
  const runCleanups = async () => {
    for (const cleanup of cleanups.splice(0).reverse()) {
      await cleanup().catch((error: unknown) => log(`cleanup failed: ${error instanceof Error ? error.message : String(error)}`));
    }
  };

  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping the servers`);
      void runCleanups().finally(() => process.exit(130));
    });
  }

  const run = async () => {
    buildServer();
    await main();
  };

  run().then(
    () => runCleanups(),
    async (error: unknown) => {
      await runCleanups();
      process.stderr.write(`${name} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
