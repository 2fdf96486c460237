import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../test/helpers/server-process.js';
import { buildMessages, RECIPIENT, SENDER, type BenchMessage } from './ingest/bench-messages.js';
import { startCongVan } from './ingest/congvan-server.js';
import { InboxPoller } from './ingest/inbox-poller.js';
import { describeMachine } from './ingest/machine-info.js';
import { MaildirPoller } from './ingest/maildir-poller.js';
import { CONNECTIONS, measureServer, type MeasureOptions, type MessageSets, type ServerReport } from './ingest/measure-server.js';
import { readProcessFamilyPssBytes, readVmRssBytes } from './ingest/memory-sampler.js';
import { parseBenchOptions, USAGE, type BenchOptions } from './ingest/options.js';
import { checkPaddedFixtures } from './ingest/pdf-check.js';
import { readProcessCpuMs } from './ingest/process-cpu.js';
import { startPostfixPeer } from './ingest/postfix-peer.js';
import { evaluateTargets, formatTable, type RunReport } from './ingest/run-report.js';
import { describeDistribution } from './ingest/statistics.js';
import { fileDate, log, runBenchScript, type Cleanups } from './bench-script.js';

const WARM_UP_MESSAGES = 5;
const POLL_COST_SAMPLES = 200;
const FIXTURES_DIR = path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'documents');

const cleanups: Cleanups = [];

async function main(): Promise<void> {
  const options = parseBenchOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }

  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!;
  log('checking that padded PDFs keep their first-page text');
  await checkPaddedFixtures(FIXTURES_DIR);

  const sets = await buildMessageSets(options);
  const measureOptions: MeasureOptions = {
    envelope: { from: SENDER, to: [RECIPIENT] },
    ratePerSecond: options.rate,
    drainTimeoutMs: options.drainTimeout * 1000,
    pollIntervalMs: options.pollInterval,
    log,
  };
  const servers: RunReport['servers'] = {};
  let postfixVersion: string | null = null;

  if (options.only !== 'congvan') {
    const result = await measurePostfix(sets, measureOptions);
    servers.postfix = result.report;
    postfixVersion = result.version;
  }
  if (options.only !== 'postfix') {
    servers.congvan = await measureCongVan(sets, measureOptions);
  }

  const measured = [...sets.throughput, ...sets.paced];
  const report: RunReport = {
    benchmark: 'ingest',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: {
      messages: options.messages,
      pacedMessages: options.pacedMessages,
      ratePerSecond: options.rate,
      seed: options.seed,
      connections: CONNECTIONS,
      pollIntervalMs: options.pollInterval,
      only: options.only ?? null,
    },
    machine: describeMachine(REPOSITORY_ROOT, postfixVersion),
    loadAverage: { atStart: loadAtStart, atEnd: os.loadavg()[0]! },
    sizes: {
      pdfBytes: describeDistribution(measured.map((message) => message.pdfBytes)),
      messageBytes: describeDistribution(measured.map((message) => message.wire.length)),
    },
    servers,
    targets: evaluateTargets(servers, options.rate),
  };

  const output = options.output ?? path.join(REPOSITORY_ROOT, 'bench', 'results', `ingest-${fileDate(startedAt)}.json`);
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(output, `${compactTriples(JSON.stringify(report, null, 2))}\n`);

  process.stdout.write(`\n${formatTable(report)}\n\nResults written to ${output}\n`);
}

async function buildMessageSets(options: BenchOptions): Promise<MessageSets> {
  // A run id in every token and Message-ID keeps the messages of different runs apart, in server logs for example.
  const runId = Date.now().toString(36).slice(-6);
  const build = (count: number, seed: number, setLetter: string) => buildMessages({ count, seed, runId, setLetter, fixturesDir: FIXTURES_DIR });

  log(`building ${WARM_UP_MESSAGES} + ${options.messages} + ${options.pacedMessages} messages (seed ${options.seed})`);
  const sets = {
    warmUp: await build(WARM_UP_MESSAGES, options.seed + 2, 'w'),
    throughput: await build(options.messages, options.seed, 't'),
    paced: await build(options.pacedMessages, options.seed + 1, 'p'),
  };
  log(`built ${(totalBytes(sets.throughput) + totalBytes(sets.paced)) / 1e6} MB of messages`);

  return sets;
}

async function measurePostfix(sets: MessageSets, options: MeasureOptions): Promise<{ report: ServerReport; version: string }> {
  log('starting the Postfix peer');
  const peer = await startPostfixPeer(RECIPIENT);
  const stop = () => peer.stop();
  cleanups.push(stop);

  try {
    const report = await measureServer(
      {
        label: `Postfix ${peer.version}`,
        smtpPort: peer.port,
        watcher: new MaildirPoller(peer.maildirNewPath, options.pollIntervalMs),
        memoryMeasure: 'sum of Pss over the master daemon and its child processes',
        readMemoryBytes: () => {
          const pid = peer.masterPid();
          return pid === null ? null : readProcessFamilyPssBytes(pid);
        },
        describe: () => peer.logTail(),
      },
      sets,
      options,
    );

    return { report, version: peer.version };
  } finally {
    await stop();
    cleanups.splice(cleanups.indexOf(stop), 1);
  }
}

async function measureCongVan(sets: MessageSets, options: MeasureOptions): Promise<ServerReport> {
  log('starting Công Văn');
  const congvan = await startCongVan(RECIPIENT);
  const stop = async () => {
    await congvan.server.stop();
  };
  cleanups.push(stop);

  try {
    const poller = new InboxPoller(congvan.clerk, options.pollIntervalMs);
    const report = await measureServer(
      {
        label: 'Công Văn',
        smtpPort: congvan.server.smtpPort,
        watcher: poller,
        memoryMeasure: `VmRSS of the server process (pid ${congvan.pid})`,
        readMemoryBytes: () => readVmRssBytes(congvan.pid),
        describe: () => congvan.server.output().split('\n').slice(-40).join('\n'),
      },
      sets,
      options,
    );
    report.polling.serverCpuMsPerPoll = await poller.measurePollCpuMs(POLL_COST_SAMPLES, () => readProcessCpuMs(congvan.pid));

    return report;
  } finally {
    await stop();
    cleanups.splice(cleanups.indexOf(stop), 1);
  }
}


function totalBytes(messages: BenchMessage[]): number {
  return messages.reduce((sum, message) => sum + message.wire.length, 0);
}

// Puts each per-message triple on one line, which keeps a 2,000-message results file readable.
function compactTriples(json: string): string {
  return json.replace(/\[\s+(-?[\d.]+|null),\s+(-?[\d.]+|null),\s+(-?[\d.]+|null)\s+\]/g, '[$1, $2, $3]');
}

runBenchScript('bench:ingest', cleanups, main);
