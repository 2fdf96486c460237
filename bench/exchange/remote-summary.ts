import type { MemorySummary } from '../ingest/phase-summary.js';
import { describeDistribution, type Distribution } from '../ingest/statistics.js';
import { round, roundDistribution } from '../scale-out/rounding.js';
import type { DatabaseReader } from './database-reader.js';
import type { DeliveryProgress } from './delivery-progress.js';
import type { SentRequest } from './dispatch-request.js';

const TIMELINE_STEP_MS = 1000;

export interface RemoteReport {
  deliveries: number;
  dispatches: number;
  recipientsPerDispatch: number;
  sendConcurrency: number;
  pdfBytes: number;
  sending: {
    /** From the first request's start to the last 201. */
    seconds: number;
    dispatchesPerSecond: number;
    requestMs: Distribution;
  };
  /** Remote recipients that A shows delivered at the end, read from its database and through its API. */
  deliveredInA: number;
  deliveredThroughApi: number;
  failedInA: number;
  /** `delayed` events: attempts that got a temporary failure from B, or could not reach B. */
  delayedEvents: number;
  registeredInB: number;
  /** From the first request's start to the first poll that showed every copy delivered in A, and the rate over that time. */
  allDeliveredSeconds: number | null;
  deliveriesPerSecond: number | null;
  /** The same up to the first poll that showed every copy registered in B. */
  allRegisteredSeconds: number | null;
  registrationsPerSecond: number | null;
  /** Per copy, from the start of its dispatch's request to the `delivered` event in A (server clock). */
  sendToDeliveredMs: Distribution;
  /** Per copy, from the `queued` event, in the transaction of the 201, to the `delivered` event in A. */
  queuedToDeliveredMs: Distribution;
  /** Per copy, from the start of its dispatch's request to its registration in B (server clock). */
  sendToRegisteredMs: Distribution;
  /** Per copy, from B's acceptance of the message over SMTP to its registration in B. */
  receivedToRegisteredMs: Distribution;
  queue: {
    /** Maximum number of A's outbound delivery jobs waiting or running at one poll. */
    maxJobsWaiting: number;
    deliveredWhenSendingEnded: number;
    /** Deliveries per second from the last 201 until all were delivered, when only the queue was left. */
    drainPerSecond: number | null;
  };
  /** B's SMTP server, from the connect to the reply to EHLO, over sessions opened one after another before the run. */
  sessionOpeningMs: Distribution;
  /** CPU time of each server process from just before the first request to the end, as a share of one CPU over that time. */
  cpuPercentOfOneCpu: { sender: number; receiver: number };
  memory: { sender: MemorySummary & { measure: string }; receiver: MemorySummary & { measure: string } };
  /** Once a second: [seconds since the first request, delivered in A, jobs waiting in A, registered in B]. */
  timeline: [number, number, number, number][];
}

export interface RemoteRun {
  options: { deliveries: number; recipientsPerDispatch: number; sendConcurrency: number; pdf: Buffer };
  sent: SentRequest[];
  startMs: number;
  endMs: number;
  progress: DeliveryProgress;
  senderTimes: ReturnType<DatabaseReader['remoteDeliveryTimes']>;
  receiverTimes: ReturnType<DatabaseReader['registrationTimes']>;
  cpuMs: { sender: number; receiver: number };
  memory: RemoteReport['memory'];
  apiDelivered: number;
  sessionOpeningMs: Distribution;
}

/** Turns the records of one remote run into its figures. */
export function summarizeRemoteRun(run: RemoteRun): RemoteReport {
  const startWallByDispatch = new Map(run.sent.map((request) => [request.dispatchId, request.startWallMs]));
  const sentMs = Math.max(...run.sent.map((request) => request.createdMs));
  const sendingSeconds = (sentMs - run.startMs) / 1000;
  const latest = run.progress.latest();
  const { allDeliveredMs, allRegisteredMs } = run.progress;

  const sendToDelivered: number[] = [];
  const queuedToDelivered: number[] = [];
  for (const times of run.senderTimes) {
    const startWall = startWallByDispatch.get(times.dispatchId);
    if (times.deliveredAt === null || startWall === undefined) continue;
    sendToDelivered.push(Date.parse(times.deliveredAt) - startWall);
    if (times.queuedAt !== null) queuedToDelivered.push(Date.parse(times.deliveredAt) - Date.parse(times.queuedAt));
  }

  const sendToRegistered: number[] = [];
  const receivedToRegistered: number[] = [];
  for (const times of run.receiverTimes) {
    const startWall = startWallByDispatch.get(dispatchIdOf(times.messageId));
    receivedToRegistered.push(Date.parse(times.registeredAt) - Date.parse(times.receivedAt));
    if (startWall !== undefined) sendToRegistered.push(Date.parse(times.registeredAt) - startWall);
  }

  const atSendEnd = run.progress.samples.find((sample) => sample.atMs >= sentMs) ?? latest;
  const deliveredWhenSendingEnded = atSendEnd?.delivered ?? 0;
  const drainSeconds = allDeliveredMs === null ? null : (allDeliveredMs - sentMs) / 1000;
  const wallMs = run.endMs - run.startMs;

  return {
    deliveries: run.options.deliveries,
    dispatches: run.sent.length,
    recipientsPerDispatch: run.options.recipientsPerDispatch,
    sendConcurrency: run.options.sendConcurrency,
    pdfBytes: run.options.pdf.length,
    sending: {
      seconds: round(sendingSeconds, 2),
      dispatchesPerSecond: round(run.sent.length / sendingSeconds),
      requestMs: roundDistribution(describeDistribution(run.sent.map((request) => request.createdMs - request.startMs))),
    },
    deliveredInA: latest?.delivered ?? 0,
    deliveredThroughApi: run.apiDelivered,
    failedInA: latest?.failed ?? 0,
    delayedEvents: run.senderTimes.reduce((sum, times) => sum + times.delayedEvents, 0),
    registeredInB: latest?.registered ?? 0,
    allDeliveredSeconds: allDeliveredMs === null ? null : round((allDeliveredMs - run.startMs) / 1000, 2),
    deliveriesPerSecond: allDeliveredMs === null ? null : round((run.options.deliveries * 1000) / (allDeliveredMs - run.startMs)),
    allRegisteredSeconds: allRegisteredMs === null ? null : round((allRegisteredMs - run.startMs) / 1000, 2),
    registrationsPerSecond: allRegisteredMs === null ? null : round((run.options.deliveries * 1000) / (allRegisteredMs - run.startMs)),
    sendToDeliveredMs: roundDistribution(describeDistribution(sendToDelivered)),
    queuedToDeliveredMs: roundDistribution(describeDistribution(queuedToDelivered)),
    sendToRegisteredMs: roundDistribution(describeDistribution(sendToRegistered)),
    receivedToRegisteredMs: roundDistribution(describeDistribution(receivedToRegistered)),
    queue: {
      maxJobsWaiting: Math.max(0, ...run.progress.samples.map((sample) => sample.jobsWaiting)),
      deliveredWhenSendingEnded,
      drainPerSecond: drainSeconds !== null && drainSeconds > 0 ? round((run.options.deliveries - deliveredWhenSendingEnded) / drainSeconds) : null,
    },
    sessionOpeningMs: run.sessionOpeningMs,
    cpuPercentOfOneCpu: { sender: round((run.cpuMs.sender / wallMs) * 100), receiver: round((run.cpuMs.receiver / wallMs) * 100) },
    memory: run.memory,
    timeline: timeline(run.progress, run.startMs),
  };
}

// A's dispatch message has the Message-ID <dispatch id@sender domain>.
function dispatchIdOf(messageId: string | null): string {
  return (messageId ?? '').replace(/^</, '').split('@')[0]!;
}

function timeline(progress: DeliveryProgress, startMs: number): RemoteReport['timeline'] {
  const points: RemoteReport['timeline'] = [];
  let nextMs = startMs;

  for (const sample of progress.samples) {
    if (sample.atMs < nextMs) continue;
    points.push([round((sample.atMs - startMs) / 1000), sample.delivered, sample.jobsWaiting, sample.registered]);
    nextMs += TIMELINE_STEP_MS;
  }

  return points;
}
