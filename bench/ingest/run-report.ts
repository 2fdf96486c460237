import type { MachineInfo } from './machine-info.js';
import type { ServerReport } from './measure-server.js';
import type { PhaseSummary } from './phase-summary.js';
import type { Distribution } from './statistics.js';

export const MAX_RSS_MIB = 300;
export const MAX_VISIBLE_P95_MS = 2000;

export interface TargetResult {
  target: string;
  measured: string;
  /** null when the run could not decide, for example without the Postfix peer. */
  met: boolean | null;
}

export interface RunReport {
  benchmark: 'ingest';
  startedAt: string;
  finishedAt: string;
  options: { messages: number; pacedMessages: number; ratePerSecond: number; seed: number; connections: number; pollIntervalMs: number; only: string | null };
  machine: MachineInfo;
  /** 1-minute load averages at the start and the end, to show load from other processes on the machine. */
  loadAverage: { atStart: number; atEnd: number };
  sizes: { pdfBytes: Distribution; messageBytes: Distribution };
  servers: { congvan?: ServerReport; postfix?: ServerReport };
  targets: TargetResult[];
}

/** Compares the Công Văn figures with the targets: throughput at least Postfix's, paced p95 under 2 s, VmRSS under 300 MiB. */
export function evaluateTargets(servers: RunReport['servers'], ratePerSecond: number): TargetResult[] {
  const { congvan, postfix } = servers;
  if (!congvan) return [];

  const paced = congvan.paced.acceptedToVisibleMs;
  const throughputRatio = postfix ? congvan.throughput.acceptedPerSecond / postfix.throughput.acceptedPerSecond : null;

  return [
    {
      target: 'Accepted messages per second at least equal to Postfix',
      measured: postfix
        ? `${congvan.throughput.acceptedPerSecond} vs ${postfix.throughput.acceptedPerSecond} per second (ratio ${throughputRatio!.toFixed(2)})`
        : 'no Postfix figure in this run',
      met: throughputRatio === null ? null : throughputRatio >= 1,
    },
    {
      target: `95th percentile of 250 → visible under ${MAX_VISIBLE_P95_MS} ms at ${ratePerSecond} messages per second`,
      measured: `p95 ${paced.p95 ?? 'n/a'} ms over ${paced.count} messages, ${congvan.paced.notVisible} not visible`,
      met: paced.p95 !== null && paced.p95 < MAX_VISIBLE_P95_MS && congvan.paced.notVisible === 0,
    },
    {
      target: `Server VmRSS under ${MAX_RSS_MIB} MiB during the run`,
      measured: `max ${congvan.memory.maxMiB ?? 'n/a'} MiB, median ${congvan.memory.medianMiB ?? 'n/a'} MiB over ${congvan.memory.samples} samples`,
      met: congvan.memory.maxMiB !== null && congvan.memory.maxMiB < MAX_RSS_MIB,
    },
  ];
}

/** Formats the figures of both servers side by side, with the Công Văn / Postfix ratio. */
export function formatTable(report: RunReport): string {
  const { congvan, postfix } = report.servers;
  const rows: string[][] = [['', 'Công Văn', postfix?.label ?? 'Postfix', 'CV / Postfix']];
  const add = (label: string, pick: (server: ServerReport) => number | null | undefined, unit = '') => {
    const a = congvan ? pick(congvan) : undefined;
    const b = postfix ? pick(postfix) : undefined;
    rows.push([label, format(a, unit), format(b, unit), typeof a === 'number' && typeof b === 'number' && b !== 0 ? (a / b).toFixed(2) : '']);
  };
  const section = (title: string) => rows.push([title, '', '', '']);
  const phaseRows = (pick: (server: ServerReport) => PhaseSummary) => {
    add('  accepted', (server) => pick(server).accepted);
    add('  accepted per second', (server) => pick(server).acceptedPerSecond);
    add('  end of DATA → 250, median', (server) => pick(server).dataEndTo250Ms.median, ' ms');
    add('  end of DATA → 250, p95', (server) => pick(server).dataEndTo250Ms.p95, ' ms');
    add('  250 → visible, median', (server) => pick(server).acceptedToVisibleMs.median, ' ms');
    add('  250 → visible, p95', (server) => pick(server).acceptedToVisibleMs.p95, ' ms');
    add('  250 → visible, max', (server) => pick(server).acceptedToVisibleMs.max, ' ms');
    add('  not visible at the end', (server) => pick(server).notVisible);
    add('  memory max', (server) => pick(server).memory.maxMiB, ' MiB');
  };

  section(`Throughput: ${report.options.messages} messages, unpaced, ${report.options.connections} connections`);
  phaseRows((server) => server.throughput);
  section(`Paced: ${report.options.pacedMessages} messages at ${report.options.ratePerSecond} per second`);
  phaseRows((server) => server.paced);
  add('  send start behind schedule, p95', (server) => server.paced.pacing?.sendStartDelayMs.p95, ' ms');
  section('Whole run');
  add('  memory max', (server) => server.memory.maxMiB, ' MiB');
  add('  memory median', (server) => server.memory.medianMiB, ' MiB');
  add('  arrival polls', (server) => server.polling.requests);
  add('  arrival poll, mean duration', (server) => roundOrNull(server.polling.meanRequestMs), ' ms');
  add('  server CPU per inbox poll, idle', (server) => roundOrNull(server.polling.serverCpuMsPerPoll ?? null), ' ms');

  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  const lines = rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  '));
  const memoryNote = `Memory: Công Văn ${congvan?.memoryMeasure ?? '-'}; Postfix ${postfix?.memoryMeasure ?? '-'}.`;
  const targets = report.targets.map((target) => `${target.met === null ? 'UNDECIDED' : target.met ? 'MET   ' : 'MISSED'}  ${target.target}: ${target.measured}`);

  return [...lines, '', memoryNote, '', ...targets].join('\n');
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : Math.round(value * 10) / 10;
}

function format(value: number | null | undefined, unit: string): string {
  if (value === undefined) return '-';
  if (value === null) return 'n/a';

  return `${value}${unit}`;
}
