import type { MachineInfo } from '../ingest/machine-info.js';
import { MAX_RSS_MIB, type TargetResult } from '../ingest/run-report.js';
import type { CongVanFanOutReport } from './fan-out-congvan.js';
import type { PostfixFanOutReport } from './fan-out-postfix.js';
import type { RemoteReport } from './remote-summary.js';

export const MAX_FAN_OUT_MS = 1000;
export const MIN_DELIVERIES_PER_SECOND = 100;

export interface ExchangeReport {
  benchmark: 'exchange';
  startedAt: string;
  finishedAt: string;
  options: Record<string, unknown>;
  machine: MachineInfo;
  /** 1-minute load averages at the start and the end, to show load from other processes on the machine. */
  loadAverage: { atStart: number; atEnd: number };
  fanOut: { congvan: CongVanFanOutReport | null; postfix: PostfixFanOutReport | null; postfixSkipped: string | null } | null;
  /** One entry per variant of recipients per dispatch, each between fresh installations. */
  remote: RemoteReport[];
  targets: TargetResult[];
}

/**
 * Compares the figures with the targets: every fan-out copy registered and seen within 1 s,
 * at least 100 remote deliveries per second, and the sending server's VmRSS under 300 MiB.
 */
export function evaluateTargets(report: Pick<ExchangeReport, 'fanOut' | 'remote'>): TargetResult[] {
  const targets: TargetResult[] = [];
  const fanOut = report.fanOut?.congvan;
  const remote = report.remote;

  if (fanOut) {
    const complete = fanOut.rounds.every((round) => round.registeredOrganizations === fanOut.organizations && round.clerksSeen === fanOut.clerksSampled);
    const slowest = Math.max(...fanOut.rounds.map((round) => round.sendToVisibleMs ?? round.sendToCreatedMs));
    targets.push({
      target: `Fan-out: all ${fanOut.organizations} organizations registered and visible within ${MAX_FAN_OUT_MS} ms of the send request`,
      measured: `request → last sampled clerk sees it: median ${fanOut.sendToVisibleMs.median ?? 'n/a'} ms, max ${slowest} ms over ${fanOut.rounds.length} dispatches; ${complete ? 'every copy registered' : 'copies missing'}`,
      met: complete && slowest <= MAX_FAN_OUT_MS,
    });
  }

  for (const variant of remote) {
    const complete = variant.deliveredInA === variant.deliveries && variant.registeredInB === variant.deliveries;
    const label = `${variant.dispatches} dispatches × ${variant.recipientsPerDispatch}`;
    targets.push({
      target: `Remote (${label}): at least ${MIN_DELIVERIES_PER_SECOND} deliveries per second to a second installation`,
      measured: `${variant.deliveriesPerSecond ?? 'n/a'} per second (${variant.deliveredInA} of ${variant.deliveries} delivered in ${variant.allDeliveredSeconds ?? 'n/a'} s; ${variant.registeredInB} registered in B)`,
      met: complete && variant.deliveriesPerSecond !== null && variant.deliveriesPerSecond >= MIN_DELIVERIES_PER_SECOND,
    });
    const maxMiB = variant.memory.sender.maxMiB;
    targets.push({
      target: `Remote (${label}): sending server's VmRSS under ${MAX_RSS_MIB} MiB during the run`,
      measured: `A max ${maxMiB ?? 'n/a'} MiB, median ${variant.memory.sender.medianMiB ?? 'n/a'} MiB; B max ${variant.memory.receiver.maxMiB ?? 'n/a'} MiB`,
      met: maxMiB !== null && maxMiB < MAX_RSS_MIB,
    });
  }

  return targets;
}

/** Formats the fan-out figures of both servers side by side, the remote figures, and the targets. */
export function formatTable(report: ExchangeReport): string {
  const rows: string[][] = [];
  const congvan = report.fanOut?.congvan ?? null;
  const postfix = report.fanOut?.postfix ?? null;

  if (report.fanOut) {
    rows.push([`Fan-out: one dispatch to ${congvan?.organizations ?? postfix?.mailboxes} recipients, ${congvan?.rounds.length ?? postfix?.rounds.length} rounds`, 'Công Văn', postfix ? `Postfix ${postfix.version}` : 'Postfix', 'CV / Postfix']);
    const pair = (label: string, a: number | null | undefined, b: number | null | undefined) => {
      rows.push([label, show(a, ' ms'), show(b, ' ms'), typeof a === 'number' && typeof b === 'number' && b > 0 ? (a / b).toFixed(2) : '']);
    };
    pair('  request → every copy registered (201), median', congvan?.sendToCreatedMs.median, null);
    pair('  request → all visible, median', congvan?.sendToVisibleMs.median, postfix?.sendToAllDeliveredMs.median);
    pair('  request → all visible, max', congvan?.sendToVisibleMs.max, postfix?.sendToAllDeliveredMs.max);
    pair('  accepted → all delivered, median', null, postfix?.acceptedToAllDeliveredMs.median);
    pair('  warm-up dispatch, request → all visible', congvan ? (congvan.warmUp.sendToVisibleMs ?? congvan.warmUp.sendToCreatedMs) : null, postfix?.warmUp.sendToAllDeliveredMs);
    pair('  server CPU per dispatch, median', congvan?.serverCpuMs.median, null);
    rows.push(['  memory max', show(congvan?.memory.maxMiB, ' MiB'), show(postfix?.memory.maxMiB, ' MiB'), '']);
    if (report.fanOut.postfixSkipped) rows.push([`  Postfix skipped: ${report.fanOut.postfixSkipped}`, '', '', '']);
  }

  if (report.remote.length > 0) {
    rows.push(...remoteRows(report.remote));
  }

  const targets = report.targets.map((target) => `${target.met === null ? 'UNDECIDED' : target.met ? 'MET   ' : 'MISSED'}  ${target.target}: ${target.measured}`);

  return [...alignColumns(rows), '', ...targets].join('\n');
}

// One column per variant, so that one recipient per dispatch and many sit side by side.
function remoteRows(variants: RemoteReport[]): string[][] {
  const rows: string[][] = [[`Remote: ${variants[0]!.deliveries} deliveries, A → B over SMTP`, ...variants.map((variant) => `${variant.dispatches} × ${variant.recipientsPerDispatch}`)]];
  const add = (label: string, pick: (variant: RemoteReport) => string) => rows.push([label, ...variants.map(pick)]);

  add('  dispatches created per second', (variant) => show(variant.sending.dispatchesPerSecond));
  add('  first request → all delivered in A', (variant) => show(variant.allDeliveredSeconds, ' s'));
  add('  deliveries per second', (variant) => show(variant.deliveriesPerSecond));
  add('  first request → all registered in B', (variant) => show(variant.allRegisteredSeconds, ' s'));
  add('  request → delivered, median', (variant) => show(variant.sendToDeliveredMs.median, ' ms'));
  add('  request → delivered, p95', (variant) => show(variant.sendToDeliveredMs.p95, ' ms'));
  add('  request → registered in B, median', (variant) => show(variant.sendToRegisteredMs.median, ' ms'));
  add('  request → registered in B, p95', (variant) => show(variant.sendToRegisteredMs.p95, ' ms'));
  add('  outbound jobs waiting, max', (variant) => show(variant.queue.maxJobsWaiting));
  add('  queue drain after the last 201, per second', (variant) => show(variant.queue.drainPerSecond));
  add('  delayed attempts', (variant) => show(variant.delayedEvents));
  add("  B's SMTP connect → EHLO reply, median", (variant) => show(variant.sessionOpeningMs.median, ' ms'));
  add('  CPU, share of one CPU: A / B', (variant) => `${variant.cpuPercentOfOneCpu.sender}% / ${variant.cpuPercentOfOneCpu.receiver}%`);
  add('  VmRSS max: A / B', (variant) => `${show(variant.memory.sender.maxMiB)} / ${show(variant.memory.receiver.maxMiB)} MiB`);

  return rows;
}

// Pads the first column on the right and the others on the left. Rows may differ in length.
function alignColumns(rows: string[][]): string[] {
  const columns = Math.max(...rows.map((row) => row.length));
  const widths = Array.from({ length: columns }, (_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));

  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ').trimEnd());
}

function show(value: number | null | undefined, unit = ''): string {
  if (value === undefined || value === null) return '-';

  return `${value}${unit}`;
}
