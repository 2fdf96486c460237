import type { MemorySample } from './memory-sampler.js';
import type { SendResult } from './send-messages.js';
import { describeDistribution, type Distribution } from './statistics.js';

export interface PhaseSummary {
  messages: number;
  accepted: number;
  /** Replies other than 250, and connection errors, each with how often it happened. */
  failures: { reason: string; count: number }[];
  /** From the first MAIL FROM to the last 250. */
  sendSeconds: number;
  acceptedPerSecond: number;
  /** From the terminating "." handed to the kernel to the 250 reply, per accepted message. */
  dataEndTo250Ms: Distribution;
  /** From the 250 reply to the first poll that showed the message (inbox API or Maildir). */
  acceptedToVisibleMs: Distribution;
  /** Accepted messages that no poll showed before the wait ended. */
  notVisible: number;
  /** Paced sends only: the requested rate and how far sends started behind their schedule. */
  pacing: { ratePerSecond: number; sendStartDelayMs: Distribution } | null;
  memory: MemorySummary;
  /** Per accepted message: [index, end of DATA → 250 ms, 250 → visible ms or null]. */
  perMessage: [number, number, number | null][];
}

export interface MemorySummary {
  samples: number;
  maxMiB: number | null;
  medianMiB: number | null;
}

/** Turns one phase's send records, first-seen times and memory samples into its figures. */
export function summarizePhase(send: SendResult, arrivals: Map<string, number>, memory: MemorySample[], ratePerSecond: number | null): PhaseSummary {
  const accepted = send.sent.filter((entry) => entry.result?.reply.code === 250 && entry.result.dataEndMs !== null);
  const lastReplyMs = Math.max(send.startMs, ...accepted.map((entry) => entry.result!.replyMs));
  const sendSeconds = (lastReplyMs - send.startMs) / 1000;

  const perMessage: PhaseSummary['perMessage'] = accepted.map((entry) => {
    const result = entry.result!;
    const seenMs = arrivals.get(entry.message.token);

    return [entry.message.index, round(result.replyMs - result.dataEndMs!), seenMs === undefined ? null : round(seenMs - result.replyMs)];
  });

  const visibleDelays = perMessage.map(([, , visible]) => visible).filter((value): value is number => value !== null);
  const startDelays = send.sent.filter((entry) => entry.scheduledMs !== null && entry.result).map((entry) => Math.max(0, entry.result!.mailStartMs - entry.scheduledMs!));

  return {
    messages: send.sent.length,
    accepted: accepted.length,
    failures: countFailures(send),
    sendSeconds: round(sendSeconds),
    acceptedPerSecond: sendSeconds > 0 ? round(accepted.length / sendSeconds) : 0,
    dataEndTo250Ms: roundDistribution(describeDistribution(perMessage.map(([, dataEnd]) => dataEnd))),
    acceptedToVisibleMs: roundDistribution(describeDistribution(visibleDelays)),
    notVisible: accepted.length - visibleDelays.length,
    pacing: ratePerSecond === null ? null : { ratePerSecond, sendStartDelayMs: roundDistribution(describeDistribution(startDelays)) },
    memory: summarizeMemory(memory),
    perMessage,
  };
}

export function summarizeMemory(samples: MemorySample[]): MemorySummary {
  const distribution = describeDistribution(samples.map((sample) => sample.bytes / 1024 / 1024));

  return { samples: samples.length, maxMiB: roundOrNull(distribution.max), medianMiB: roundOrNull(distribution.median) };
}

function countFailures(send: SendResult): { reason: string; count: number }[] {
  const counts = new Map<string, number>();

  for (const entry of send.sent) {
    let reason: string | null = null;
    if (entry.error) reason = `error: ${entry.error}`;
    else if (entry.result && entry.result.reply.code !== 250) reason = `${entry.result.stage} answered ${entry.result.reply.code} ${entry.result.reply.text.split('\n')[0]}`;
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }

  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}

function roundDistribution(distribution: Distribution): Distribution {
  return {
    count: distribution.count,
    min: roundOrNull(distribution.min),
    median: roundOrNull(distribution.median),
    p95: roundOrNull(distribution.p95),
    max: roundOrNull(distribution.max),
  };
}

function roundOrNull(value: number | null): number | null {
  return value === null ? null : round(value);
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}
