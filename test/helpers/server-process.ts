import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTestDatabase } from './test-database.js';

export const REPOSITORY_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface DemoLogin {
  login: string;
  password: string;
  roles: string;
  organizationName: string;
}

export interface ServerProcess {
  baseUrl: string;
  smtpPort: number;
  submissionPort: number;
  dataDir: string;
  /** The variables that point a command at this server's data: its folder and database. */
  env: Record<string, string>;
  logins: DemoLogin[];
  output: () => string;
  stop(): Promise<number | null>;
  /** Kills the process with SIGKILL, as a crash would, and leaves its data in place. */
  kill(): Promise<void>;
}

/**
 * Starts `./congvan serve --demo` as a real process on free loopback ports with a fresh data
 * folder, and resolves once /api/v1/health returns 200.
 */
export async function startServerProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const dataDir = env.CONGVAN_DATA_DIR ?? mkdtempSync(path.join(tmpdir(), 'congvan-test-'));
  const database = env.CONGVAN_DATABASE_URL ? null : await createTestDatabase();
  const dataEnv = { CONGVAN_DATA_DIR: dataDir, ...database?.env, ...pickDataVariables(env) };
  const child = spawn(path.join(REPOSITORY_ROOT, 'congvan'), ['serve', '--demo'], {
    cwd: dataDir,
    env: {
      ...process.env,
      CONGVAN_HTTP_PORT: '0',
      CONGVAN_SMTP_PORT: '0',
      CONGVAN_SUBMISSION_PORT: '0',
      CONGVAN_HTTP_HOST: '127.0.0.1',
      CONGVAN_SMTP_HOST: '127.0.0.1',
      CONGVAN_HOSTNAME: 'localhost',
      CONGVAN_LOG_LEVEL: 'warn',
      CONGVAN_LOG_FORMAT: 'json',
      // Benchmarks start servers outside vitest, so the no-DNS default is set here as well.
      CONGVAN_DNS_SERVERS: 'none',
      ...dataEnv,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });

  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));

  const ports = await waitFor(child, () => {
    const http = /Web and API: http:\/\/[^:]+:(\d+)\//.exec(stdout);
    const smtp = /SMTP \(inbound\): port (\d+)/.exec(stdout);
    const submission = /SMTP \(submission[^)]*\): port (\d+)/.exec(stdout);
    return http && smtp && submission ? { http: Number(http[1]), smtp: Number(smtp[1]), submission: Number(submission[1]) } : null;
  }, () => `stdout:\n${stdout}\nstderr:\n${stderr}`);

  const baseUrl = `http://127.0.0.1:${ports.http}`;
  const health = await fetch(`${baseUrl}/api/v1/health`);
  if (health.status !== 200) throw new Error(`health answered ${health.status}`);

  return {
    baseUrl,
    smtpPort: ports.smtp,
    submissionPort: ports.submission,
    dataDir,
    env: dataEnv,
    logins: parseDemoLogins(stdout),
    output: () => `stdout:\n${stdout}\nstderr:\n${stderr}`,
    stop: async () => {
      const code = await stopProcess(child, env.CONGVAN_DATA_DIR ? null : dataDir);
      await database?.drop();
      return code;
    },
    kill: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;

      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    },
  };
}

function pickDataVariables(env: Record<string, string>): Record<string, string> {
  const names = ['CONGVAN_DATABASE_URL', 'CONGVAN_BLOB_STORE'];
  return Object.fromEntries(Object.entries(env).filter(([name]) => names.includes(name)));
}

function parseDemoLogins(stdout: string): DemoLogin[] {
  const logins: DemoLogin[] = [];
  for (const line of stdout.split('\n')) {
    const match = /^ {2}(\S+)\s+(\S{10,})\s{2}(\S+)\s+(.+)$/.exec(line);
    if (match) logins.push({ login: match[1]!, password: match[2]!, roles: match[3]!, organizationName: match[4]!.trim() });
  }
  return logins;
}

async function waitFor<T>(child: ChildProcess, probe: () => T | null, describe: () => string, timeoutMs = 60_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = probe();
    if (value) return value;
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}\n${describe()}`);
    if (Date.now() - started > timeoutMs) throw new Error(`server did not start in ${timeoutMs} ms\n${describe()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

function stopProcess(child: ChildProcess, dataDirToRemove: string | null): Promise<number | null> {
  return new Promise((resolve) => {
    const finish = (code: number | null) => {
      if (dataDirToRemove) rmSync(dataDirToRemove, { recursive: true, force: true });
      resolve(code);
    };
    if (child.exitCode !== null) return finish(child.exitCode);
    const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
    child.once('exit', (code) => {
      clearTimeout(timer);
      finish(code);
    });
    child.kill('SIGTERM');
  });
}
