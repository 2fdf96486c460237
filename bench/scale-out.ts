import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { REPOSITORY_ROOT } from '../test/helpers/server-process.js';
import { buildMessages, RECIPIENT, SENDER, type BenchMessage } from './ingest/bench-messages.js';
import { describeMachine } from './ingest/machine-info.js';
import { checkPaddedFixtures } from './ingest/pdf-check.js';
import { describeDistribution } from './ingest/statistics.js';
import { startDeployment, type DeploymentKind } from './scale-out/deployment.js';
import { measureDiskSyncMs } from './scale-out/disk-sync.js';
import { measureIngest, type IngestReport } from './scale-out/measure-ingest.js';
import { measureNumberContention, type ContentionReport } from './scale-out/number-contention.js';
import { parseScaleOutOptions, USAGE, type ScaleOutOptions } from './scale-out/options.js';
import { startPostgresCluster, type PostgresCluster } from './scale-out/postgres-cluster.js';
import { formatTable, type ScaleOutReport } from './scale-out/report.js';
import { fileDate, log, runBenchScript, type Cleanups } from './bench-script.js';

const FIXTURES_DIR = path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'documents');
const CPU_PROFILE_PRELOAD = path.join(REPOSITORY_ROOT, 'bench', 'scale-out', 'cpu-profile-preload.mjs');
const DEPLOYMENTS: DeploymentKind[] = ['sqlite', 'postgres-1-node', 'postgres-2-nodes'];
// Enough warm-up messages for each node of the largest deployment.
const WARM_UP_PER_NODE = 5;
const MAX_NODES = 2;

const cleanups: Cleanups = [];

async function main(): Promise<void> {
  const options = parseScaleOutOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }

  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!;
  log('timing 4 KiB appends with fdatasync in the temporary folder');
  const diskSyncMs = measureDiskSyncMs(os.tmpdir());

  log(`starting a throwaway PostgreSQL cluster (durability: ${options.postgresDurability})`);
  const cluster = await startPostgresCluster({ durable: options.postgresDurability === 'full' });
  const stopCluster = () => cluster.stop();
  cleanups.push(stopCluster);
  log(`PostgreSQL ${cluster.version} on ${new URL(cluster.url).host}, fsync ${cluster.durability.fsync}, synchronous_commit ${cluster.durability.synchronousCommit}`);

  let messageBytes: ScaleOutReport['messageBytes'] = null;
  const ingest: IngestReport[] = [];
  if (options.only !== 'numbers') {
    const sets = await buildMessageSets(options);
    messageBytes = describeDistribution(sets.measured.map((message) => message.wire.length));
    for (const kind of DEPLOYMENTS) ingest.push(await measureDeployment(kind, sets, options, cluster));
  }

  const contention: ContentionReport[] = [];
  if (options.only !== 'ingest') {
    for (const engine of ['sqlite', 'postgres'] as const) {
      for (const writers of [1, options.writers]) {
        // One writer takes as many numbers as all writers together, for the uncontended baseline.
        const numbersPerWriter = writers === 1 ? options.writers * options.numbers : options.numbers;
        contention.push(await measureContention(engine, writers, numbersPerWriter, cluster));
      }
    }
  }

  const report: ScaleOutReport = {
    benchmark: 'scale-out',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: {
      messages: options.messages,
      connections: options.connections,
      writers: options.writers,
      numbersPerWriter: options.numbers,
      seed: options.seed,
      only: options.only ?? null,
      pollIntervalMs: options.pollInterval,
    },
    machine: describeMachine(REPOSITORY_ROOT, null),
    loadAverage: { atStart: loadAtStart, atEnd: os.loadavg()[0]! },
    diskSyncMs,
    postgres: { version: cluster.version, durability: cluster.durability },
    messageBytes,
    ingest,
    contention,
  };

  const output = options.output ?? path.join(REPOSITORY_ROOT, 'bench', 'results', `scale-out-${fileDate(startedAt)}.json`);
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(output, `${JSON.stringify(report, null, 2)}\n`);

  process.stdout.write(`\n${formatTable(report)}\n\nResults written to ${output}\n`);
}

async function buildMessageSets(options: ScaleOutOptions): Promise<{ warmUp: BenchMessage[]; measured: BenchMessage[] }> {
  log('checking that padded PDFs keep their first-page text');
  await checkPaddedFixtures(FIXTURES_DIR);

  // A run id in every token and Message-ID keeps the messages of different runs apart.
  const runId = Date.now().toString(36).slice(-6);
  const build = (count: number, seed: number, setLetter: string) => buildMessages({ count, seed, runId, setLetter, fixturesDir: FIXTURES_DIR });

  log(`building ${WARM_UP_PER_NODE * MAX_NODES} warm-up and ${options.messages} measured messages (seed ${options.seed})`);
  // Each deployment has its own database, so all three receive the same bytes.
  return { warmUp: await build(WARM_UP_PER_NODE * MAX_NODES, options.seed + 2, 'w'), measured: await build(options.messages, options.seed, 't') };
}

async function measureDeployment(kind: DeploymentKind, sets: { warmUp: BenchMessage[]; measured: BenchMessage[] }, options: ScaleOutOptions, cluster: PostgresCluster): Promise<IngestReport> {
  log(`starting ${kind}`);
  const profileEnv: Record<string, string> = options.cpuProfileDir
    ? { NODE_OPTIONS: `--import ${pathToFileURL(CPU_PROFILE_PRELOAD).href}`, CONGVAN_BENCH_CPU_PROFILE_DIR: path.resolve(options.cpuProfileDir, kind) }
    : {};
  const deployment = await startDeployment(kind, RECIPIENT, kind === 'sqlite' ? null : cluster, profileEnv);
  const stop = () => deployment.stop();
  cleanups.push(stop);

  try {
    return await measureIngest(deployment, sets, {
      envelope: { from: SENDER, to: [RECIPIENT] },
      connections: options.connections,
      warmUpPerNode: WARM_UP_PER_NODE,
      pollIntervalMs: options.pollInterval,
      drainTimeoutMs: options.drainTimeout * 1000,
      postgresSuperuserUrl: kind === 'sqlite' ? null : cluster.superuserUrl,
      postgresPid: kind === 'sqlite' ? null : cluster.postmasterPid(),
      log,
    });
  } finally {
    await stop();
    cleanups.splice(cleanups.indexOf(stop), 1);
  }
}

async function measureContention(engine: 'sqlite' | 'postgres', writers: number, numbersPerWriter: number, cluster: PostgresCluster): Promise<ContentionReport> {
  const label = engine === 'sqlite' ? 'SQLite' : 'PostgreSQL';
  const folder = mkdtempSync(path.join(os.tmpdir(), 'congvan-bench-numbers-'));
  const databaseName = `bench_numbers_${writers}_${Date.now().toString(36)}`;
  const databaseUrl = engine === 'sqlite' ? `sqlite:${path.join(folder, 'congvan.sqlite')}` : await cluster.createDatabase(databaseName);

  try {
    log(`${label}: ${writers} writer(s) taking ${numbersPerWriter} register numbers each`);
    const report = await measureNumberContention({
      label,
      databaseUrl,
      dataDir: folder,
      writers,
      numbersPerWriter,
      postgresPid: engine === 'postgres' ? cluster.postmasterPid() : null,
    });
    log(`${label}, ${writers} writer(s): ${report.numbersPerSecond} numbers per second, p95 ${report.latencyMs.p95} ms, exact 1..N: ${report.check.exactSeries}`);

    return report;
  } finally {
    if (engine === 'postgres') await cluster.dropDatabase(databaseName);
    rmSync(folder, { recursive: true, force: true });
  }
}

runBenchScript('bench:scale-out', cleanups, main);
