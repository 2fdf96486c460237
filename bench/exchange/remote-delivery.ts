import type { Cleanups } from '../bench-script.js';
import { performance } from 'node:perf_hooks';
import type { ApiClient } from '../../test/helpers/api-client.js';
import { MemorySampler, readVmRssBytes } from '../ingest/memory-sampler.js';
import { summarizeMemory } from '../ingest/phase-summary.js';
import { readProcessCpuMs } from '../ingest/process-cpu.js';
import { SmtpClientConnection } from '../ingest/smtp-client.js';
import { describeDistribution, type Distribution } from '../ingest/statistics.js';
import { roundDistribution } from '../scale-out/rounding.js';
import { exportAddresses } from './bench-directory.js';
import { DatabaseReader } from './database-reader.js';
import { DeliveryProgress } from './delivery-progress.js';
import { sendDispatch, type SentRequest } from './dispatch-request.js';
import { startInstallation, type Installation } from './installation.js';
import { summarizeRemoteRun, type RemoteReport } from './remote-summary.js';

const SENDER_DOMAIN = 'tinh-a.test';
const RECEIVER_DOMAIN = 'tinh-b.test';
const PROGRESS_EVERY = 100;
const SESSION_OPENINGS = 10;

export interface RemoteOptions {
  deliveries: number;
  recipientsPerDispatch: number;
  sendConcurrency: number;
  pdf: Buffer;
  runId: string;
  drainTimeoutMs: number;
  log: (line: string) => void;
}

/**
 * Starts a receiving installation B and a sending installation A that routes B's domain to B's
 * SMTP port on loopback. Then sends dispatches from A's Office to B's organizations until
 * `deliveries` copies are on their way, and waits until A shows every copy delivered and B has
 * registered every one.
 */
export async function measureRemoteDelivery(options: RemoteOptions, cleanups: Cleanups): Promise<RemoteReport> {
  options.log('remote: starting installation B, then A with a route to B');
  const receiver = await startTracked('remote-b', { CONGVAN_DEMO_DOMAIN: RECEIVER_DOMAIN, CONGVAN_HOSTNAME: `mx.${RECEIVER_DOMAIN}` }, cleanups);

  try {
    const sender = await startTracked(
      'remote-a',
      { CONGVAN_DEMO_DOMAIN: SENDER_DOMAIN, CONGVAN_HOSTNAME: `mx.${SENDER_DOMAIN}`, CONGVAN_SMTP_ROUTES: `${RECEIVER_DOMAIN}=127.0.0.1:${receiver.server.smtpPort}` },
      cleanups,
    );
    try {
      return await measureBetween(sender, receiver, options);
    } finally {
      await stopTracked(sender, cleanups);
    }
  } finally {
    await stopTracked(receiver, cleanups);
  }
}

async function measureBetween(sender: Installation, receiver: Installation, options: RemoteOptions): Promise<RemoteReport> {
  const addresses = await exportAddresses(receiver.server, RECEIVER_DOMAIN);
  if (options.recipientsPerDispatch > addresses.length) {
    throw new Error(`--recipients-per-dispatch ${options.recipientsPerDispatch} is larger than the ${addresses.length} organizations of B's demo directory. Use at most ${addresses.length}.`);
  }
  const plan = planDispatches(addresses, options.deliveries / options.recipientsPerDispatch, options.recipientsPerDispatch);

  const sessionOpeningMs = await measureSessionOpeningMs(receiver.server.smtpPort);
  options.log(`remote: B's SMTP session opening (connect → reply to EHLO), median ${sessionOpeningMs.median} ms`);

  const senderDatabase = new DatabaseReader(sender.databasePath);
  const receiverDatabase = new DatabaseReader(receiver.databasePath);
  const progress = new DeliveryProgress(senderDatabase, receiverDatabase, options.deliveries);
  const senderMemory = new MemorySampler(() => readVmRssBytes(sender.pid));
  const receiverMemory = new MemorySampler(() => readVmRssBytes(receiver.pid));
  const cpuBefore = { sender: readProcessCpuMs(sender.pid), receiver: readProcessCpuMs(receiver.pid) };

  try {
    senderMemory.start();
    receiverMemory.start();
    progress.start();

    options.log(`remote: sending ${plan.length} dispatches with ${options.recipientsPerDispatch} recipient(s) at ${RECEIVER_DOMAIN} each, ${options.sendConcurrency} requests at a time`);
    const startMs = performance.now();
    const sent = await sendAll(sender.sender, plan, options);
    const sentMs = performance.now();
    options.log(`remote: ${sent.length} dispatches created in ${((sentMs - startMs) / 1000).toFixed(1)} s; waiting for the deliveries`);

    const finished = await progress.waitUntilDone(options.drainTimeoutMs);
    const endMs = performance.now();
    progress.stop();
    const latest = progress.latest();
    if (!finished) options.log(`remote: not finished within ${options.drainTimeoutMs} ms: ${JSON.stringify(latest)}`);
    else options.log(`remote: ${latest?.delivered} delivered and ${latest?.registered} registered ${((endMs - startMs) / 1000).toFixed(1)} s after the first request`);

    const cpuMs = { sender: readProcessCpuMs(sender.pid) - cpuBefore.sender, receiver: readProcessCpuMs(receiver.pid) - cpuBefore.receiver };
    const apiDelivered = await countDeliveredThroughApi(sender.sender, sent);

    return summarizeRemoteRun({
      options,
      sent,
      startMs,
      endMs,
      progress,
      senderTimes: senderDatabase.remoteDeliveryTimes(),
      receiverTimes: receiverDatabase.registrationTimes(),
      cpuMs,
      memory: {
        sender: { ...summarizeMemory(senderMemory.stop()), measure: `VmRSS of A's server process (pid ${sender.pid})` },
        receiver: { ...summarizeMemory(receiverMemory.stop()), measure: `VmRSS of B's server process (pid ${receiver.pid})` },
      },
      apiDelivered,
      sessionOpeningMs,
    });
  } finally {
    senderMemory.stop();
    receiverMemory.stop();
    progress.stop();
    senderDatabase.close();
    receiverDatabase.close();
  }
}

// Opens SMTP sessions to B one after another, as A's delivery jobs do, and times each from the
// connect to the reply to EHLO.
async function measureSessionOpeningMs(port: number): Promise<Distribution> {
  const times: number[] = [];

  for (let session = 0; session < SESSION_OPENINGS; session++) {
    const startMs = performance.now();
    const connection = await SmtpClientConnection.open({ host: '127.0.0.1', port, heloName: 'bench-client.localhost', replyTimeoutMs: 10_000 });
    times.push(performance.now() - startMs);
    await connection.quit();
  }

  return roundDistribution(describeDistribution(times));
}

// Gives dispatch i the next `perDispatch` addresses in turn, so every dispatch has distinct
// recipients and B's organizations get about the same number of copies.
function planDispatches(addresses: string[], dispatches: number, perDispatch: number): string[][] {
  return Array.from({ length: dispatches }, (_, index) => Array.from({ length: perDispatch }, (_, offset) => addresses[(index * perDispatch + offset) % addresses.length]!));
}

async function sendAll(sender: ApiClient, plan: string[][], options: RemoteOptions): Promise<SentRequest[]> {
  const sent: SentRequest[] = [];
  let next = 0;

  const worker = async () => {
    while (next < plan.length) {
      const index = next++;
      const result = await sendDispatch(sender, options.pdf, `${options.runId}d${String(index).padStart(5, '0')}`, plan[index]!);
      if (result.recipients !== plan[index]!.length) throw new Error(`dispatch ${index} went to ${result.recipients} recipients, expected ${plan[index]!.length}`);
      sent.push(result);
      if (sent.length % PROGRESS_EVERY === 0) options.log(`remote: ${sent.length} of ${plan.length} dispatches created`);
    }
  };
  await Promise.all(Array.from({ length: options.sendConcurrency }, worker));

  return sent;
}

// Reads every dispatch through the API after the run, as the sending clerk sees it, and counts
// the recipients it shows as delivered.
async function countDeliveredThroughApi(sender: ApiClient, sent: SentRequest[]): Promise<number> {
  let delivered = 0;
  let next = 0;

  const worker = async () => {
    while (next < sent.length) {
      const dispatch = await sender.json<{ deliveries: { status: string }[] }>('GET', `/api/v1/dispatches/${sent[next++]!.dispatchId}`);
      delivered += dispatch.deliveries.filter((delivery) => delivery.status === 'delivered').length;
    }
  };
  await Promise.all(Array.from({ length: 4 }, worker));

  return delivered;
}

async function startTracked(label: string, env: Record<string, string>, cleanups: Cleanups): Promise<Installation> {
  const installation = await startInstallation(label, env);
  cleanups.push(installation.stop);

  return installation;
}

async function stopTracked(installation: Installation, cleanups: Cleanups): Promise<void> {
  await installation.stop();
  cleanups.splice(cleanups.indexOf(installation.stop), 1);
}
