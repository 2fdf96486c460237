import { performance } from 'node:perf_hooks';
import type { BenchMessage } from './bench-messages.js';
import { MemorySampler, type MemorySample } from './memory-sampler.js';
import { summarizeMemory, summarizePhase, type MemorySummary, type PhaseSummary } from './phase-summary.js';
import { sendMessages, type SendResult } from './send-messages.js';

export const CONNECTIONS = 4;
const REPLY_TIMEOUT_MS = 120_000;
const WARM_UP_TIMEOUT_MS = 120_000;

/** Detects when accepted messages become visible: the inbox API for Công Văn, the Maildir for Postfix. */
export interface ArrivalWatcher {
  start(): void;
  stop(): Promise<void>;
  seenCount(): number;
  pollStats(): PollStats;
  waitForCount(count: number, timeoutMs: number): Promise<boolean>;
  arrivalsByToken(tokens: string[]): Promise<Map<string, number>>;
}

/** Cost of detecting arrivals: API requests or folder listings, failed ones retried at the next interval. */
export interface PollStats {
  requests: number;
  failed: number;
  meanRequestMs: number | null;
  /** Inbox API only: full scans for documents registered below the first page. */
  catchUpScans?: number;
  /** Inbox API only: server CPU time per poll, measured on the idle server after the run. */
  serverCpuMsPerPoll?: number | null;
}

export interface ServerUnderTest {
  label: string;
  smtpPort: number;
  watcher: ArrivalWatcher;
  /** Name of the figure that `readMemoryBytes` returns, for the report. */
  memoryMeasure: string;
  readMemoryBytes(): number | null;
  /** Recent server output, shown when the warm-up fails. */
  describe(): string;
}

export interface MessageSets {
  warmUp: BenchMessage[];
  throughput: BenchMessage[];
  paced: BenchMessage[];
}

export interface ServerReport {
  label: string;
  memoryMeasure: string;
  throughput: PhaseSummary;
  paced: PhaseSummary;
  /** Memory over the whole run of this server, warm-up and waits included. */
  memory: MemorySummary;
  polling: PollStats;
}

export interface MeasureOptions {
  envelope: { from: string; to: string[] };
  ratePerSecond: number;
  drainTimeoutMs: number;
  pollIntervalMs: number;
  log: (line: string) => void;
}

/**
 * Runs the three phases against one server: a short warm-up that must arrive, an unpaced send
 * of the throughput set, and the paced set at a fixed rate. Each phase waits until its messages
 * are visible, or the drain timeout passes, before the next starts.
 */
export async function measureServer(target: ServerUnderTest, sets: MessageSets, options: MeasureOptions): Promise<ServerReport> {
  const sampler = new MemorySampler(() => target.readMemoryBytes());
  sampler.start();
  target.watcher.start();

  try {
    const warmUp = await runPhase(target, sets.warmUp, null, WARM_UP_TIMEOUT_MS, options);
    if (!warmUp.allVisible) {
      throw new Error(`${target.label}: the ${sets.warmUp.length} warm-up messages did not all become visible within ${WARM_UP_TIMEOUT_MS} ms\n${target.describe()}`);
    }

    options.log(`${target.label}: sending ${sets.throughput.length} messages unpaced over ${CONNECTIONS} connections`);
    const throughput = await runPhase(target, sets.throughput, null, options.drainTimeoutMs, options);

    options.log(`${target.label}: sending ${sets.paced.length} messages at ${options.ratePerSecond} per second`);
    const paced = await runPhase(target, sets.paced, options.ratePerSecond, options.drainTimeoutMs, options);

    await target.watcher.stop();
    const samples = sampler.stop();
    const polling = target.watcher.pollStats();
    if (polling.failed > 0) options.log(`${target.label}: ${polling.failed} of ${polling.requests} polls failed and were retried`);
    options.log(`${target.label}: matching the accepted messages to the arrivals seen`);
    const arrivals = await target.watcher.arrivalsByToken([...sets.throughput, ...sets.paced].map((message) => message.token));

    return {
      label: target.label,
      memoryMeasure: target.memoryMeasure,
      throughput: summarizePhase(throughput.send, arrivals, within(samples, throughput), null),
      paced: summarizePhase(paced.send, arrivals, within(samples, paced), options.ratePerSecond),
      memory: summarizeMemory(samples),
      polling,
    };
  } finally {
    sampler.stop();
    await target.watcher.stop();
  }
}

interface PhaseRun {
  send: SendResult;
  allVisible: boolean;
  endMs: number;
}

async function runPhase(target: ServerUnderTest, messages: BenchMessage[], ratePerSecond: number | null, timeoutMs: number, options: MeasureOptions): Promise<PhaseRun> {
  const seenBefore = target.watcher.seenCount();
  const send = await sendMessages({
    host: '127.0.0.1',
    port: target.smtpPort,
    connections: CONNECTIONS,
    messages,
    envelope: options.envelope,
    ratePerSecond,
    replyTimeoutMs: REPLY_TIMEOUT_MS,
  });

  const accepted = send.sent.filter((entry) => entry.result?.reply.code === 250).length;
  const seconds = ((send.endMs - send.startMs) / 1000).toFixed(1);
  options.log(`${target.label}: ${accepted} of ${messages.length} messages accepted in ${seconds} s; waiting until they are visible`);

  const allVisible = await target.watcher.waitForCount(seenBefore + accepted, timeoutMs);
  if (!allVisible) options.log(`${target.label}: only ${target.watcher.seenCount() - seenBefore} of ${accepted} accepted messages became visible within ${timeoutMs} ms`);

  return { send, allVisible, endMs: performance.now() };
}

function within(samples: MemorySample[], phase: PhaseRun): MemorySample[] {
  return samples.filter((sample) => sample.atMs >= phase.send.startMs && sample.atMs <= phase.endMs);
}
