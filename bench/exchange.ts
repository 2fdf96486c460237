import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPOSITORY_ROOT } from '../test/helpers/server-process.js';
import { buildPaddedPdf } from './exchange/dispatch-request.js';
import { measureCongVanFanOut } from './exchange/fan-out-congvan.js';
import { measurePostfixFanOut, type PostfixFanOutReport } from './exchange/fan-out-postfix.js';
import { parseExchangeOptions, USAGE, type ExchangeOptions } from './exchange/options.js';
import { measureRemoteDelivery } from './exchange/remote-delivery.js';
import type { RemoteReport } from './exchange/remote-summary.js';
import { evaluateTargets, formatTable, type ExchangeReport } from './exchange/report.js';
import { describeMachine } from './ingest/machine-info.js';
import { postfixVersion } from './ingest/postfix-peer.js';
import { fileDate, log, runBenchScript, type Cleanups } from './bench-script.js';

const FIXTURES_DIR = path.join(REPOSITORY_ROOT, 'test', 'fixtures', 'documents');

const cleanups: Cleanups = [];

async function main(): Promise<void> {
  const options = parseExchangeOptions(process.argv.slice(2));
  if (options.help) {
    process.stdout.write(USAGE);
    return;
  }

  const startedAt = new Date();
  const loadAtStart = os.loadavg()[0]!;
  // A run id in every subject and file name keeps the documents of different runs apart.
  const runId = `bx${Date.now().toString(36).slice(-6)}`;

  const fanOut = options.only === 'remote' ? null : await runFanOut(options, runId);
  const remote: RemoteReport[] = [];
  if (options.only !== 'fan-out') {
    const pdf = buildPaddedPdf(FIXTURES_DIR, options.remotePdfKib, options.seed + 1);
    for (const recipientsPerDispatch of options.recipientsPerDispatch) {
      const variant = { deliveries: options.deliveries, recipientsPerDispatch, sendConcurrency: options.sendConcurrency, pdf, runId, drainTimeoutMs: options.drainTimeout * 1000, log };
      remote.push(await measureRemoteDelivery(variant, cleanups));
    }
  }

  const report: ExchangeReport = {
    benchmark: 'exchange',
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    options: { ...options, help: undefined },
    machine: describeMachine(REPOSITORY_ROOT, fanOut?.postfix?.version ?? null),
    loadAverage: { atStart: loadAtStart, atEnd: os.loadavg()[0]! },
    fanOut,
    remote,
    targets: evaluateTargets({ fanOut, remote }),
  };

  const output = options.output ?? path.join(REPOSITORY_ROOT, 'bench', 'results', `exchange-${fileDate(startedAt)}.json`);
  mkdirSync(path.dirname(output), { recursive: true });
  writeFileSync(output, `${compactTimeline(JSON.stringify(report, null, 2))}\n`);

  process.stdout.write(`\n${formatTable(report)}\n\nResults written to ${output}\n`);
}

async function runFanOut(options: ExchangeOptions, runId: string): Promise<ExchangeReport['fanOut']> {
  const pdf = buildPaddedPdf(FIXTURES_DIR, options.fanOutPdfKib, options.seed);
  const fanOutOptions = { organizations: options.organizations, rounds: options.rounds, clerks: options.clerks, pdf, runId, log };

  let postfix: PostfixFanOutReport | null = null;
  const postfixSkipped = options.skipPostfix ? '--skip-postfix was given' : postfixUnavailable();
  if (postfixSkipped) log(`fan-out: skipping the Postfix peer: ${postfixSkipped}`);
  else postfix = await measurePostfixFanOut({ mailboxes: options.organizations, rounds: options.rounds, pdf, runId, log }, cleanups);

  const congvan = await measureCongVanFanOut(fanOutOptions, cleanups);

  return { congvan, postfix, postfixSkipped };
}

// Returns why the Postfix peer cannot run here, or null when it can.
function postfixUnavailable(): string | null {
  try {
    postfixVersion();
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  if (process.getuid?.() !== 0) return 'the Postfix peer needs root, because Postfix starts its daemons as the postfix user';

  return null;
}


// Puts each timeline point on one line, which keeps the results file readable.
function compactTimeline(json: string): string {
  return json.replace(/\[\s+(-?[\d.]+),\s+(-?[\d.]+),\s+(-?[\d.]+),\s+(-?[\d.]+)\s+\]/g, '[$1, $2, $3, $4]');
}

runBenchScript('bench:exchange', cleanups, main);
