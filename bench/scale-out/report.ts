import type { MachineInfo } from '../ingest/machine-info.js';
import type { Distribution } from '../ingest/statistics.js';
import type { IngestReport } from './measure-ingest.js';
import type { ContentionReport } from './number-contention.js';
import type { PostgresCluster } from './postgres-cluster.js';
import { DEPLOYMENT_LABELS } from './deployment.js';
import { round } from './rounding.js';

export interface ScaleOutReport {
  benchmark: 'scale-out';
  startedAt: string;
  finishedAt: string;
  options: { messages: number; connections: number; writers: number; numbersPerWriter: number; seed: number; only: string | null; pollIntervalMs: number };
  machine: MachineInfo;
  /** 1-minute load averages at the start and the end, to show load from other processes on the machine. */
  loadAverage: { atStart: number; atEnd: number };
  /** One 4 KiB append plus fdatasync in the temporary folder, where every database of the run lives. */
  diskSyncMs: Distribution;
  postgres: { version: string; durability: PostgresCluster['durability'] };
  messageBytes: Distribution | null;
  ingest: IngestReport[];
  contention: ContentionReport[];
}

/** Formats the ingest figures side by side with their ratios, then the register-number contention figures. */
export function formatTable(report: ScaleOutReport): string {
  const sections: string[] = [];

  if (report.ingest.length > 0) sections.push(formatIngest(report));
  if (report.contention.length > 0) sections.push(formatContention(report.contention));
  sections.push(
    `Machine: ${report.machine.logicalCpus} logical CPUs (${report.machine.cpuModel}), shared by the nodes, PostgreSQL and this client. ` +
      `PostgreSQL ${report.postgres.version}, fsync ${report.postgres.durability.fsync}, synchronous_commit ${report.postgres.durability.synchronousCommit}. ` +
      `Disk: 4 KiB append + fdatasync median ${report.diskSyncMs.median} ms, p95 ${report.diskSyncMs.p95} ms. ` +
      `Load average ${report.loadAverage.atStart.toFixed(2)} at the start, ${report.loadAverage.atEnd.toFixed(2)} at the end.`,
  );

  return sections.join('\n\n');
}

function formatIngest(report: ScaleOutReport): string {
  const columns = Object.values(DEPLOYMENT_LABELS).map((label) => report.ingest.find((entry) => entry.deployment === label));
  const rows: string[][] = [[`Ingest: ${report.options.messages} messages, unpaced, ${report.options.connections} connections`, 'SQLite 1', 'PG 1', 'PG 2', 'PG 1/SQLite', 'PG 2/PG 1']];
  const add = (label: string, pick: (entry: IngestReport) => number | string | null | undefined, unit = '', ratios = true) => {
    const values = columns.map((entry) => (entry ? pick(entry) : undefined));
    rows.push([label, ...values.map((value) => format(value, unit)), ratios ? ratio(values[1], values[0]) : '', ratios ? ratio(values[2], values[1]) : '']);
  };
  const cpu = (entry: IngestReport, name: string) => {
    const value = entry.cpu.byProcessMs[name];
    return value === undefined ? null : round(value / 1000, 1);
  };

  add('accepted', (entry) => entry.accepted, '', false);
  add('accepted per second', (entry) => entry.acceptedPerSecond);
  add('end of DATA → 250, median', (entry) => entry.dataEndTo250Ms.median, ' ms');
  add('end of DATA → 250, p95', (entry) => entry.dataEndTo250Ms.p95, ' ms');
  add('all registered after', (entry) => entry.allRegisteredSeconds, ' s');
  add('registered per second, end to end', (entry) => entry.registeredPerSecond);
  add('registered per second, 10% to 90%', (entry) => entry.steadyRegisteredPerSecond);
  add('backlog after the last 250', (entry) => entry.drainAfterLast250Seconds, ' s');
  const mainThread = (entry: IngestReport, name: string) => {
    const value = entry.cpu.mainThreadMs[name];
    return value === undefined ? null : round(value / 1000, 1);
  };
  add('CPU, node 1', (entry) => cpu(entry, 'node 1'), ' s', false);
  add('  of it on the main thread', (entry) => mainThread(entry, 'node 1'), ' s', false);
  add('CPU, node 2', (entry) => cpu(entry, 'node 2'), ' s', false);
  add('  of it on the main thread', (entry) => mainThread(entry, 'node 2'), ' s', false);
  add('CPU, PostgreSQL', (entry) => cpu(entry, 'postgres'), ' s', false);
  add('CPU, this client', (entry) => cpu(entry, 'benchmark'), ' s', false);
  add('server CPU per message (nodes + PostgreSQL)', (entry) => serverCpuPerMessage(entry), ' ms');
  add('CPU, other processes', (entry) => round(entry.cpu.otherProcessesMs / 1000, 1), ' s', false);
  add('machine CPUs busy', (entry) => round(entry.cpu.machineBusyFraction * 100, 0), '%', false);
  add('register numbers exactly 1..N', (entry) => (entry.register.exactSeries ? `yes, N=${entry.register.deliveries}` : `NO (${entry.register.deliveries} of ${entry.register.expected})`), '', false);
  add('  duplicate numbers', (entry) => entry.register.duplicates, '', false);
  add('  missing numbers', (entry) => entry.register.missing, '', false);
  add('  overtaken by a later arrival', (entry) => entry.register.outOfArrivalOrder, '', false);
  add('  largest overtaking', (entry) => entry.register.maxArrivalInversionMs, ' ms', false);
  add('incoming total in the API', (entry) => entry.apiIncomingTotal, '', false);

  const waits = columns
    .filter((entry): entry is IngestReport => entry?.postgresWaits !== null && entry?.postgresWaits !== undefined)
    .flatMap((entry) => [
      `  ${entry.deployment}: ${entry.postgresWaits!.meanActiveSessions.slice(0, 5).map((wait) => `${wait.state} ${wait.sessions}`).join(', ')}`,
      `    register lock held in ${round(entry.postgresWaits!.advisoryLockHeldFraction * 100, 0)}% of the samples`,
      ...entry.postgresWaits!.meanActiveSessionsByStatement.slice(0, 4).map((wait) => `    ${wait.sessions}  ${wait.state}: ${wait.statement}`),
    ]);
  const failures = columns.flatMap((entry) => (entry ? entry.failures.map((failure) => `  ${entry.deployment}: ${failure.count} × ${failure.reason}`) : []));

  return [
    alignColumns(rows),
    ...(waits.length > 0 ? ['', 'PostgreSQL sessions by state, mean per sample (pg_stat_activity every 100 ms):', ...waits] : []),
    ...(failures.length > 0 ? ['', 'Failed sends:', ...failures] : []),
  ].join('\n');
}

function formatContention(entries: ContentionReport[]): string {
  const rows: string[][] = [['Register numbers: writers, each number in its own transaction', 'numbers', 'per second', 'p50', 'p95', 'max', 'writers done in', 'failed', '1..N exact']];

  for (const entry of entries) {
    rows.push([
      `${entry.label}, ${entry.writers} writer${entry.writers === 1 ? '' : 's'}`,
      String(entry.numbers),
      String(entry.numbersPerSecond),
      `${entry.latencyMs.median} ms`,
      `${entry.latencyMs.p95} ms`,
      `${entry.latencyMs.max} ms`,
      `${entry.writerSeconds[0]}–${entry.writerSeconds.at(-1)} s`,
      String(entry.failedTransactions),
      entry.check.exactSeries ? 'yes' : `NO (${entry.check.duplicates} duplicate, ${entry.check.missing} missing)`,
    ]);
  }

  const maxWriters = Math.max(...entries.map((entry) => entry.writers));
  const sqlite = entries.find((entry) => entry.label === 'SQLite' && entry.writers === maxWriters);
  const postgres = entries.find((entry) => entry.label === 'PostgreSQL' && entry.writers === maxWriters);
  const lines = [alignColumns(rows)];
  if (sqlite && postgres) lines.push('', `PostgreSQL / SQLite at ${maxWriters} writers: ${ratio(postgres.numbersPerSecond, sqlite.numbersPerSecond)} × the numbers per second.`);

  return lines.join('\n');
}

// CPU time of the nodes and PostgreSQL over the measured span, divided by the messages accepted in it.
function serverCpuPerMessage(entry: IngestReport): number | null {
  if (entry.accepted === 0) return null;
  const serverMs = Object.entries(entry.cpu.byProcessMs)
    .filter(([name]) => name !== 'benchmark')
    .reduce((sum, [, value]) => sum + value, 0);

  return round(serverMs / entry.accepted, 1);
}

function alignColumns(rows: string[][]): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));

  return rows.map((row) => row.map((cell, column) => (column === 0 ? cell.padEnd(widths[column]!) : cell.padStart(widths[column]!))).join('  ')).join('\n');
}

function ratio(numerator: unknown, denominator: unknown): string {
  if (typeof numerator !== 'number' || typeof denominator !== 'number' || denominator === 0) return '';

  return (numerator / denominator).toFixed(2);
}

function format(value: number | string | null | undefined, unit: string): string {
  if (value === undefined) return '-';
  if (value === null) return 'n/a';

  return `${value}${unit}`;
}
