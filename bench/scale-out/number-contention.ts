import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { REPOSITORY_ROOT } from '../../test/helpers/server-process.js';
import { openDatabase } from '../../src/platform/database/connection.js';
import { migrateToLatest } from '../../src/platform/database/migrate.js';
import { describeDistribution, type Distribution } from '../ingest/statistics.js';
import { ownCpuMs, readMachineCpuMs, readProcessTreeCpuMs, summarizeCpu, type CpuShare } from './cpu-time.js';
import type { WriterOutput } from './number-writer.js';
import { round, roundDistribution } from './rounding.js';

const WRITER_SCRIPT = path.join(REPOSITORY_ROOT, 'bench', 'scale-out', 'number-writer.ts');
const TSX_LOADER = `file://${path.join(REPOSITORY_ROOT, 'node_modules', 'tsx', 'dist', 'loader.mjs')}`;
const ORGANIZATION_ID = 'bench-contention-org';
const REGISTER_YEAR = 2026;
const READY_TIMEOUT_MS = 60_000;

export interface ContentionOptions {
  label: string;
  /** An empty database, which this function migrates. */
  databaseUrl: string;
  /** Data folder for the writers' configuration. Only SQLite writes to it. */
  dataDir: string;
  writers: number;
  numbersPerWriter: number;
  /** Process id of the PostgreSQL postmaster, whose CPU time is counted, or null for SQLite. */
  postgresPid: number | null;
}

export interface ContentionReport {
  label: string;
  writers: number;
  numbers: number;
  failedTransactions: number;
  errors: Record<string, number>;
  /** From the first writer's start to the last writer's finish. */
  seconds: number;
  numbersPerSecond: number;
  /** Per number, from the start of its transaction to the commit. */
  latencyMs: Distribution;
  /** Per writer, from its start to its last commit. A wide spread means that some writers were starved. */
  writerSeconds: number[];
  check: { exactSeries: boolean; duplicates: number; missing: number; counterLastNumber: number | null };
  cpu: CpuShare;
}

/**
 * Measures `writers` processes that take incoming register numbers for one organization at the
 * same time, each number in its own transaction, and checks that the numbers are 1..N.
 */
export async function measureNumberContention(options: ContentionOptions): Promise<ContentionReport> {
  const handle = openDatabase(options.databaseUrl, { poolMax: 2 });
  const writers: Writer[] = [];
  try {
    await migrateToLatest(handle);

    for (let index = 0; index < options.writers; index++) writers.push(startWriter(options));
    await Promise.all(writers.map((writer) => writer.ready));

    const machineBefore = readMachineCpuMs();
    const postgresBefore = options.postgresPid === null ? null : readProcessTreeCpuMs(options.postgresPid);
    const benchBefore = ownCpuMs();
    for (const writer of writers) writer.child.stdin!.write('go\n');

    const outputs = await Promise.all(writers.map((writer) => writer.output));
    const machineAfter = readMachineCpuMs();
    const postgresAfter = options.postgresPid === null ? null : readProcessTreeCpuMs(options.postgresPid);

    const numbers = outputs.flatMap((output) => output.numbers);
    const startedAtMs = Math.min(...outputs.map((output) => output.startedAtMs));
    const finishedAtMs = Math.max(...outputs.map((output) => output.finishedAtMs));
    const wallMs = finishedAtMs - startedAtMs;
    const errors = mergeCounts(outputs.map((output) => output.errors));
    const counter = await handle.db
      .selectFrom('register_counters')
      .select('last_number')
      .where('organization_id', '=', ORGANIZATION_ID)
      .where('direction', '=', 'incoming')
      .where('year', '=', REGISTER_YEAR)
      .executeTakeFirst();

    const byProcessMs: Record<string, number> = {
      writers: outputs.reduce((sum, output) => sum + output.cpuMs, 0),
      benchmark: ownCpuMs() - benchBefore,
    };
    if (postgresBefore !== null && postgresAfter !== null) byProcessMs.postgres = postgresAfter - postgresBefore;

    return {
      label: options.label,
      writers: options.writers,
      numbers: numbers.length,
      failedTransactions: Object.values(errors).reduce((sum, count) => sum + count, 0),
      errors,
      seconds: round(wallMs / 1000, 2),
      numbersPerSecond: round(numbers.length / (wallMs / 1000)),
      writerSeconds: outputs.map((output) => round((output.finishedAtMs - output.startedAtMs) / 1000, 2)).sort((a, b) => a - b),
      latencyMs: roundDistribution(describeDistribution(outputs.flatMap((output) => output.latenciesMs)), 2),
      check: { ...checkSeries(numbers), counterLastNumber: counter?.last_number ?? null },
      cpu: summarizeCpu(wallMs, byProcessMs, machineBefore, machineAfter),
    };
  } finally {
    for (const writer of writers) {
      if (writer.child.exitCode === null) writer.child.kill('SIGKILL');
    }
    await handle.close();
  }
}

interface Writer {
  child: ChildProcess;
  ready: Promise<void>;
  output: Promise<WriterOutput>;
}

function startWriter(options: ContentionOptions): Writer {
  const child = spawn(process.execPath, ['--import', TSX_LOADER, WRITER_SCRIPT, ORGANIZATION_ID, String(options.numbersPerWriter), String(REGISTER_YEAR)], {
    cwd: REPOSITORY_ROOT,
    env: { ...process.env, CONGVAN_DATABASE_URL: options.databaseUrl, CONGVAN_DATA_DIR: options.dataDir, CONGVAN_LOG_LEVEL: 'warn', CONGVAN_DATABASE_POOL_MAX: '1' },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const lines = createInterface({ input: child.stdout! });
  const exited = once(child, 'exit') as Promise<[number | null]>;

  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`a number writer did not connect within ${READY_TIMEOUT_MS} ms\n${stderr}`)), READY_TIMEOUT_MS);
    lines.once('line', (line) => {
      clearTimeout(timer);
      if (line === 'ready') resolve();
      else reject(new Error(`a number writer printed "${line}" instead of "ready"\n${stderr}`));
    });
    void exited.then(([code]) => {
      clearTimeout(timer);
      reject(new Error(`a number writer exited with code ${code} before it was ready\n${stderr}`));
    });
  });

  const output = (async () => {
    await ready;
    const [line] = (await once(lines, 'line')) as [string];
    const [code] = await exited;
    if (code !== 0) throw new Error(`a number writer exited with code ${code}\n${stderr}`);
    return JSON.parse(line) as WriterOutput;
  })();
  // The caller awaits `ready` first. When that fails, this promise fails too, and it must not be reported as unhandled.
  output.catch(() => undefined);

  return { child, ready, output };
}

function checkSeries(numbers: number[]): { exactSeries: boolean; duplicates: number; missing: number } {
  const distinct = new Set(numbers);
  const max = numbers.length === 0 ? 0 : Math.max(...distinct);
  const duplicates = numbers.length - distinct.size;
  const missing = max - distinct.size;

  return { exactSeries: duplicates === 0 && missing === 0, duplicates, missing };
}

function mergeCounts(counts: Record<string, number>[]): Record<string, number> {
  const merged: Record<string, number> = {};
  for (const entry of counts) {
    for (const [key, count] of Object.entries(entry)) merged[key] = (merged[key] ?? 0) + count;
  }
  return merged;
}
