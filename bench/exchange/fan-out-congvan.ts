import type { Cleanups } from '../bench-script.js';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { ApiClient } from '../../test/helpers/api-client.js';
import { readVmRssBytes, MemorySampler } from '../ingest/memory-sampler.js';
import { summarizeMemory, type MemorySummary } from '../ingest/phase-summary.js';
import { readProcessCpuMs } from '../ingest/process-cpu.js';
import { describeDistribution, type Distribution } from '../ingest/statistics.js';
import { benchOrganizations, importBenchDirectory, spreadSample } from './bench-directory.js';
import { DatabaseReader } from './database-reader.js';
import { sendDispatch } from './dispatch-request.js';
import { startInstallation } from './installation.js';
import { round, roundDistribution } from '../scale-out/rounding.js';

const DEMO_DOMAIN = 'demo.congvan.test';
const PAUSE_BETWEEN_ROUNDS_MS = 1000;
const CLERK_WAIT_MS = 10_000;
const CLERK_POLL_MS = 20;

export interface CongVanFanOutRound {
  dispatchId: string;
  /** From the start of `POST /api/v1/dispatches` to its 201 response, by which every copy is committed. */
  sendToCreatedMs: number;
  /** From the same start to the moment the last sampled clerk's inbox search returned the document. */
  sendToVisibleMs: number | null;
  /** Organizations of the benchmark directory with a registered copy, counted in the database after the 201. */
  registeredOrganizations: number;
  /** Sampled clerks whose first inbox search after the 201 already returned the document. */
  clerksSeenAtOnce: number;
  clerksSeen: number;
  /** User plus system CPU time of the server process during the request. */
  serverCpuMs: number;
}

export interface CongVanFanOutReport {
  organizations: number;
  pdfBytes: number;
  clerksSampled: number;
  /** The first dispatch after the start, which also starts the text extraction worker. It is left out of the figures. */
  warmUp: CongVanFanOutRound;
  rounds: CongVanFanOutRound[];
  sendToCreatedMs: Distribution;
  sendToVisibleMs: Distribution;
  serverCpuMs: Distribution;
  memory: MemorySummary & { measure: string };
}

export interface FanOutOptions {
  organizations: number;
  rounds: number;
  clerks: number;
  pdf: Buffer;
  runId: string;
  log: (line: string) => void;
}

/**
 * Starts one installation, imports the benchmark's organizations and sends `rounds` fresh
 * dispatches, each to all of them, one after another, after one warm-up dispatch.
 */
export async function measureCongVanFanOut(options: FanOutOptions, cleanups: Cleanups): Promise<CongVanFanOutReport> {
  options.log('fan-out: starting Công Văn');
  const installation = await startInstallation('fan-out');
  cleanups.push(installation.stop);

  try {
    const organizations = benchOrganizations(options.organizations, DEMO_DOMAIN);
    const sampled = spreadSample(organizations, options.clerks);
    options.log(`fan-out: importing ${organizations.length} organizations and ${sampled.length} clerks with ./congvan directory import`);
    const credentials = await importBenchDirectory(installation.server, organizations, sampled);
    const clerks = await Promise.all(credentials.map((credential) => ApiClient.login(installation.server.baseUrl, credential.login, credential.password)));
    if (clerks.length !== sampled.length) throw new Error(`the users import created ${clerks.length} clerks, expected ${sampled.length}`);

    const database = new DatabaseReader(installation.databasePath);
    const sampler = new MemorySampler(() => readVmRssBytes(installation.pid));
    sampler.start();

    try {
      const codes = organizations.map((organization) => organization.code);
      const sendRound = async (round: string) => {
        const token = `${options.runId}f${round}`;
        const result = await measureRound(installation.pid, installation.sender, clerks, database, codes, options.pdf, token);
        options.log(`fan-out: Công Văn ${round}: 201 after ${result.sendToCreatedMs} ms, ${result.registeredOrganizations} of ${codes.length} registered, sampled clerks saw it after ${result.sendToVisibleMs ?? '-'} ms`);
        return result;
      };

      const warmUp = await sendRound('warm-up');
      const rounds: CongVanFanOutRound[] = [];
      for (let round = 1; round <= options.rounds; round++) {
        await sleep(PAUSE_BETWEEN_ROUNDS_MS);
        rounds.push(await sendRound(`r${round}`));
      }

      return {
        organizations: organizations.length,
        pdfBytes: options.pdf.length,
        clerksSampled: clerks.length,
        warmUp,
        rounds,
        sendToCreatedMs: roundDistribution(describeDistribution(rounds.map((round) => round.sendToCreatedMs))),
        sendToVisibleMs: roundDistribution(describeDistribution(rounds.flatMap((round) => (round.sendToVisibleMs === null ? [] : [round.sendToVisibleMs])))),
        serverCpuMs: roundDistribution(describeDistribution(rounds.map((round) => round.serverCpuMs))),
        memory: { ...summarizeMemory(sampler.stop()), measure: `VmRSS of the server process (pid ${installation.pid})` },
      };
    } finally {
      sampler.stop();
      database.close();
    }
  } finally {
    await installation.stop();
    cleanups.splice(cleanups.indexOf(installation.stop), 1);
  }
}

async function measureRound(pid: number, sender: ApiClient, clerks: ApiClient[], database: DatabaseReader, codes: string[], pdf: Buffer, token: string): Promise<CongVanFanOutRound> {
  const cpuBefore = readProcessCpuMs(pid);
  const sent = await sendDispatch(sender, pdf, token, codes);
  const serverCpuMs = readProcessCpuMs(pid) - cpuBefore;

  const sightings = await Promise.all(clerks.map((clerk) => waitUntilSeen(clerk, token)));
  const seenAt = sightings.map((sighting) => sighting.seenMs);
  const allSeen = seenAt.every((value) => value !== null);

  const registered = new Set(database.registeredOrganizationCodes(sent.dispatchId));

  return {
    dispatchId: sent.dispatchId,
    sendToCreatedMs: round(sent.createdMs - sent.startMs),
    sendToVisibleMs: allSeen && clerks.length > 0 ? round(Math.max(...(seenAt as number[])) - sent.startMs) : null,
    registeredOrganizations: codes.filter((code) => registered.has(code)).length,
    clerksSeenAtOnce: sightings.filter((sighting) => sighting.atOnce).length,
    clerksSeen: seenAt.filter((value) => value !== null).length,
    serverCpuMs: round(serverCpuMs),
  };
}

// Searches the clerk's inbox for the token until the document is there, and returns when the
// response that showed it arrived, or null after CLERK_WAIT_MS.
async function waitUntilSeen(clerk: ApiClient, token: string): Promise<{ seenMs: number | null; atOnce: boolean }> {
  const deadline = performance.now() + CLERK_WAIT_MS;

  for (let attempt = 0; performance.now() < deadline; attempt++) {
    const page = await clerk.json<{ items: unknown[] }>('GET', `/api/v1/documents?box=incoming&pageSize=5&q=${encodeURIComponent(token)}`);
    if (page.items.length === 1) return { seenMs: performance.now(), atOnce: attempt === 0 };
    await sleep(CLERK_POLL_MS);
  }

  return { seenMs: null, atOnce: false };
}
