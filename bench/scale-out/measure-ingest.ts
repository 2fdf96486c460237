import type { BenchMessage } from '../ingest/bench-messages.js';
import { sendMessages, type SendResult } from '../ingest/send-messages.js';
import { describeDistribution, type Distribution } from '../ingest/statistics.js';
import { ownCpuMs, readMachineCpuMs, readMainThreadCpuMs, readProcessTreeCpuMs, summarizeCpu, type CpuShare, type MachineCpu } from './cpu-time.js';
import { DEPLOYMENT_LABELS, type Deployment } from './deployment.js';
import { PostgresWaitSampler, type WaitProfile } from './postgres-wait-sampler.js';
import { checkRegisterNumbers, type RegisterCheck } from './register-check.js';
import { round, roundDistribution } from './rounding.js';
import { RegistrationWatcher, type CountSample } from './registration-watcher.js';

const REPLY_TIMEOUT_MS = 120_000;
const WARM_UP_TIMEOUT_MS = 120_000;

export interface IngestOptions {
  envelope: { from: string; to: string[] };
  /** SMTP connections in all, split evenly over the nodes. */
  connections: number;
  /** Warm-up messages per node. The warm-up set must contain this many for each node. */
  warmUpPerNode: number;
  pollIntervalMs: number;
  drainTimeoutMs: number;
  /** Superuser URL of the PostgreSQL cluster, for the wait sampler, or null. */
  postgresSuperuserUrl: string | null;
  postgresPid: number | null;
  log: (line: string) => void;
}

export interface IngestReport {
  deployment: string;
  nodes: { nodeId: string; connections: number; messages: number; accepted: number }[];
  messages: number;
  accepted: number;
  /** Replies other than 250, and connection errors, with how often each happened. */
  failures: { reason: string; count: number }[];
  /** From the first MAIL FROM to the last 250 reply. */
  acceptSeconds: number;
  acceptedPerSecond: number;
  /** From the terminating "." handed to the kernel to the 250 reply, per accepted message. */
  dataEndTo250Ms: Distribution;
  /** From the first MAIL FROM to the first count that showed every accepted message registered, or null on timeout. */
  allRegisteredSeconds: number | null;
  /** Accepted messages divided by allRegisteredSeconds: the end-to-end rate. */
  registeredPerSecond: number | null;
  /** From the last 250 reply to the moment all were registered: the backlog left after acceptance. */
  drainAfterLast250Seconds: number | null;
  /** Registration rate between 10% and 90% of the accepted messages, without the start and the tail. */
  steadyRegisteredPerSecond: number | null;
  /** CPU time from the first MAIL FROM to the moment all were registered. */
  cpu: CpuShare;
  /** PostgreSQL only: where the servers' sessions spent their time in the same span. */
  postgresWaits: WaitProfile | null;
  register: RegisterCheck;
  /** `total` of the clerk's incoming box in the API after the run, which should equal register.expected. */
  apiIncomingTotal: number;
}

/**
 * Measures one deployment: a warm-up on each node that must be registered, then the measured
 * messages sent unpaced, the i-th to node i mod n over that node's share of the connections.
 * Waits until the database contains a delivery for every accepted message, then checks the
 * organization's register numbers.
 */
export async function measureIngest(deployment: Deployment, sets: { warmUp: BenchMessage[]; measured: BenchMessage[] }, options: IngestOptions): Promise<IngestReport> {
  const label = DEPLOYMENT_LABELS[deployment.kind];
  const nodeCount = deployment.nodes.length;
  const watcher = new RegistrationWatcher(deployment.database.db, deployment.organizationId, options.pollIntervalMs);
  watcher.start();

  try {
    const warmUpAccepted = await warmUp(deployment, sets.warmUp, watcher, options);

    const shares = deployment.nodes.map((node, index) => ({
      node,
      connections: Math.floor(options.connections / nodeCount) + (index < options.connections % nodeCount ? 1 : 0),
      messages: sets.measured.filter((message) => message.index % nodeCount === index),
    }));
    const sampler = options.postgresSuperuserUrl && deployment.postgresDatabase ? new PostgresWaitSampler(options.postgresSuperuserUrl, deployment.postgresDatabase) : null;
    await sampler?.start();
    const cpuBefore = readCpu(deployment, options.postgresPid);

    options.log(`${label}: sending ${sets.measured.length} messages unpaced over ${options.connections} connections to ${nodeCount} node(s)`);
    const sends = await Promise.all(
      shares.map((share) =>
        sendMessages({ host: '127.0.0.1', port: share.node.smtpPort, connections: share.connections, messages: share.messages, envelope: options.envelope, ratePerSecond: null, replyTimeoutMs: REPLY_TIMEOUT_MS }),
      ),
    );

    const accepted = sends.flatMap((send) => send.sent).filter((entry) => entry.result?.reply.code === 250 && entry.result.dataEndMs !== null);
    const startMs = Math.min(...sends.map((send) => send.startMs));
    const lastReplyMs = Math.max(startMs, ...accepted.map((entry) => entry.result!.replyMs));
    const acceptSeconds = (lastReplyMs - startMs) / 1000;
    options.log(`${label}: ${accepted.length} of ${sets.measured.length} accepted in ${acceptSeconds.toFixed(1)} s; waiting until all are registered`);

    const expected = warmUpAccepted + accepted.length;
    const allRegisteredMs = await watcher.waitForCount(expected, options.drainTimeoutMs);
    const cpuAfter = readCpu(deployment, options.postgresPid);
    const postgresWaits = (await sampler?.stop()) ?? null;
    if (allRegisteredMs === null) options.log(`${label}: only ${watcher.latestCount() - warmUpAccepted} of ${accepted.length} registered within ${options.drainTimeoutMs} ms`);
    await watcher.stop();

    options.log(`${label}: checking the register numbers`);
    const register = await checkRegisterNumbers(deployment.database.db, deployment.organizationId, expected);
    const inbox = await deployment.clerk.json<{ total: number }>('GET', '/api/v1/documents?box=incoming&pageSize=1');
    const allRegisteredSeconds = allRegisteredMs === null ? null : (allRegisteredMs - startMs) / 1000;

    return {
      deployment: label,
      nodes: shares.map((share, index) => ({
        nodeId: share.node.nodeId,
        connections: share.connections,
        messages: share.messages.length,
        accepted: sends[index]!.sent.filter((entry) => entry.result?.reply.code === 250).length,
      })),
      messages: sets.measured.length,
      accepted: accepted.length,
      failures: countFailures(sends),
      acceptSeconds: round(acceptSeconds, 2),
      acceptedPerSecond: round(accepted.length / acceptSeconds),
      dataEndTo250Ms: roundDistribution(describeDistribution(accepted.map((entry) => entry.result!.replyMs - entry.result!.dataEndMs!))),
      allRegisteredSeconds: allRegisteredSeconds === null ? null : round(allRegisteredSeconds, 2),
      registeredPerSecond: allRegisteredSeconds === null ? null : round(accepted.length / allRegisteredSeconds),
      drainAfterLast250Seconds: allRegisteredMs === null ? null : round((allRegisteredMs - lastReplyMs) / 1000, 2),
      steadyRegisteredPerSecond: steadyRate(watcher.samples, warmUpAccepted, accepted.length),
      cpu: cpuShare(cpuBefore, cpuAfter, (allRegisteredMs ?? lastReplyMs) - startMs),
      postgresWaits,
      register,
      apiIncomingTotal: inbox.total,
    };
  } finally {
    await watcher.stop();
  }
}

// Sends the warm-up messages, `warmUpPerNode` to each node, and waits until all are registered.
async function warmUp(deployment: Deployment, messages: BenchMessage[], watcher: RegistrationWatcher, options: IngestOptions): Promise<number> {
  let accepted = 0;

  for (const [index, node] of deployment.nodes.entries()) {
    const share = messages.slice(index * options.warmUpPerNode, (index + 1) * options.warmUpPerNode);
    const send = await sendMessages({ host: '127.0.0.1', port: node.smtpPort, connections: 1, messages: share, envelope: options.envelope, ratePerSecond: null, replyTimeoutMs: REPLY_TIMEOUT_MS });
    accepted += send.sent.filter((entry) => entry.result?.reply.code === 250).length;
  }

  const expected = deployment.nodes.length * options.warmUpPerNode;
  if (accepted !== expected || (await watcher.waitForCount(accepted, WARM_UP_TIMEOUT_MS)) === null) {
    const output = deployment.nodes.map((node) => node.server.output().split('\n').slice(-30).join('\n')).join('\n');
    throw new Error(`${DEPLOYMENT_LABELS[deployment.kind]}: ${accepted} of ${expected} warm-up messages accepted, ${watcher.latestCount()} registered within ${WARM_UP_TIMEOUT_MS} ms\n${output}`);
  }

  return accepted;
}

interface CpuReading {
  nodes: (number | null)[];
  mainThreads: (number | null)[];
  postgres: number | null;
  benchmark: number;
  machine: MachineCpu;
}

function readCpu(deployment: Deployment, postgresPid: number | null): CpuReading {
  return {
    nodes: deployment.nodes.map((node) => readProcessTreeCpuMs(node.pid)),
    mainThreads: deployment.nodes.map((node) => readMainThreadCpuMs(node.pid)),
    postgres: postgresPid === null ? null : readProcessTreeCpuMs(postgresPid),
    benchmark: ownCpuMs(),
    machine: readMachineCpuMs(),
  };
}

function cpuShare(before: CpuReading, after: CpuReading, wallMs: number): CpuShare {
  const byProcessMs: Record<string, number> = {};
  const mainThreadMs: Record<string, number> = {};

  before.nodes.forEach((value, index) => {
    const end = after.nodes[index];
    if (value !== null && end !== null && end !== undefined) byProcessMs[`node ${index + 1}`] = end - value;
    const mainStart = before.mainThreads[index];
    const mainEnd = after.mainThreads[index];
    if (typeof mainStart === 'number' && typeof mainEnd === 'number') mainThreadMs[`node ${index + 1}`] = mainEnd - mainStart;
  });
  if (before.postgres !== null && after.postgres !== null) byProcessMs.postgres = after.postgres - before.postgres;
  byProcessMs.benchmark = after.benchmark - before.benchmark;

  return summarizeCpu(wallMs, byProcessMs, before.machine, after.machine, mainThreadMs);
}

// The rate between the first counts that reached 10% and 90% of the measured messages.
function steadyRate(samples: CountSample[], base: number, accepted: number): number | null {
  const low = samples.find((sample) => sample.count >= base + Math.ceil(accepted * 0.1));
  const high = samples.find((sample) => sample.count >= base + Math.ceil(accepted * 0.9));
  if (!low || !high || high.atMs <= low.atMs) return null;

  return round((high.count - low.count) / ((high.atMs - low.atMs) / 1000));
}

function countFailures(sends: SendResult[]): { reason: string; count: number }[] {
  const counts = new Map<string, number>();

  for (const entry of sends.flatMap((send) => send.sent)) {
    let reason: string | null = null;
    if (entry.error) reason = `error: ${entry.error}`;
    else if (entry.result && entry.result.reply.code !== 250) reason = `${entry.result.stage} answered ${entry.result.reply.code} ${entry.result.reply.text.split('\n')[0]}`;
    if (reason) counts.set(reason, (counts.get(reason) ?? 0) + 1);
  }

  return [...counts].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count);
}
