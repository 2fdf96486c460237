import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiClient, pollUntil } from '../helpers/api-client.js';
import { clerkLoginFor } from '../helpers/directory-lookup.js';
import { startServerProcess, type ServerProcess } from '../helpers/server-process.js';
import { createPostgresDatabase } from '../helpers/test-database.js';

// Two nodes on one PostgreSQL database and one shared blob folder, as in a scaled-out province.
const MESSAGES = 500;
const CLIENTS_PER_NODE = 4;
const RECIPIENT = 'vanthu.snv@lamdong.gov.vn';
const MAINTENANCE_INTERVAL_SECONDS = 2;

let database: { url: string; drop(): Promise<void> };
let sharedBlobs: string;
let nodes: ServerProcess[] = [];

beforeAll(async () => {
  database = await createPostgresDatabase();
  sharedBlobs = mkdtempSync(path.join(tmpdir(), 'congvan-shared-blobs-'));

  // Both nodes start at once on an empty database: one migrates and loads the demo province,
  // the other waits for the migration lock and finds the directory loaded.
  nodes = await Promise.all(
    ['node-1', 'node-2'].map((nodeId) =>
      startServerProcess({
        CONGVAN_DATABASE_URL: database.url,
        CONGVAN_BLOB_STORE: `fs:${sharedBlobs}`,
        CONGVAN_NODE_ID: nodeId,
        CONGVAN_MAINTENANCE_INTERVAL: String(MAINTENANCE_INTERVAL_SECONDS),
        CONGVAN_LOG_LEVEL: 'info',
      }),
    ),
  );
});

afterAll(async () => {
  await Promise.all(nodes.map((node) => node.stop()));
  nodes = [];
  await database?.drop();
  if (sharedBlobs) rmSync(sharedBlobs, { recursive: true, force: true });
});

async function sendHalfToEachNode(): Promise<void> {
  const transports = nodes.map((node) =>
    nodemailer.createTransport({ host: '127.0.0.1', port: node.smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: CLIENTS_PER_NODE }),
  );

  try {
    await Promise.all(
      Array.from({ length: MESSAGES }, (_, index) =>
        transports[index % 2]!.sendMail({
          from: 'vanphong@lamdong.gov.vn',
          to: RECIPIENT,
          subject: `Công văn hai nút số ${index}`,
          messageId: `<two-nodes-${index}@lamdong.gov.vn>`,
          text: `V/v thử nghiệm hai nút số ${index}`,
        }),
      ),
    );
  } finally {
    for (const transport of transports) transport.close();
  }
}

function logLines(node: ServerProcess): Record<string, unknown>[] {
  return node
    .output()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

/** Returns the node that loaded the demo province, the only one that printed its passwords. */
function demoLoader(): ServerProcess {
  return nodes.find((node) => node.logins.length > 0)!;
}

describe('two nodes on one PostgreSQL database', () => {
  it('load the demo province once when they start together', () => {
    expect(nodes.filter((node) => node.logins.length > 0)).toHaveLength(1);
  });

  it('numbers 500 messages sent to both nodes exactly 1..500, each once', async () => {
    const clerkLogin = clerkLoginFor(demoLoader(), RECIPIENT);
    const clerk = await ApiClient.login(nodes[0]!.baseUrl, clerkLogin.login, clerkLogin.password);

    await sendHalfToEachNode();

    const register = await pollUntil(async () => {
      const current = await clerk.json('GET', '/api/v1/registers/incoming');
      return current.entries.length >= MESSAGES ? current : null;
    }, 120_000, `${MESSAGES} register entries`);

    const numbers = register.entries.map((entry: { registerNumber: number }) => entry.registerNumber).sort((a: number, b: number) => a - b);
    expect(numbers).toEqual(Array.from({ length: MESSAGES }, (_, index) => index + 1));

    const sent = register.entries.map((entry: { subject: string }) => Number(/số (\d+)/.exec(entry.subject)?.[1]));
    expect(new Set(sent).size).toBe(MESSAGES);
    expect(Math.max(...sent)).toBe(MESSAGES - 1);

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const messages = await client.query(
        "select count(*)::int as total, count(distinct message_id_header)::int as distinct_ids, sum(processing_attempts)::int as attempts from messages where message_id_header like '%two-nodes-%'",
      );
      expect(messages.rows[0]).toEqual({ total: MESSAGES, distinct_ids: MESSAGES, attempts: MESSAGES });

      // Numbers follow the order of arrival across both nodes. Arrival times are taken before the
      // message row commits, so only messages more than 100 ms apart have a certain order.
      const arrivals = await client.query(
        "select m.received_at, d.register_number from deliveries d join documents doc on doc.id = d.document_id join messages m on m.id = doc.message_id where m.message_id_header like '%two-nodes-%' order by m.received_at",
      );
      const rows = arrivals.rows.map((row: { received_at: string; register_number: number }) => ({ at: Date.parse(row.received_at), number: row.register_number }));
      const overtaken: string[] = [];
      let oldest = 0;
      let highestBefore = 0;
      for (const row of rows) {
        while (rows[oldest]!.at < row.at - 100) highestBefore = Math.max(highestBefore, rows[oldest++]!.number);
        if (row.number < highestBefore) overtaken.push(`number ${row.number} at ${new Date(row.at).toISOString()}`);
      }
      expect(overtaken).toEqual([]);
    } finally {
      await client.end();
    }

    const processedBy = nodes.map((node) => logLines(node).filter((line) => line.msg === 'message processed').length);
    expect(processedBy[0]! + processedBy[1]!).toBe(MESSAGES);
    expect(Math.min(...processedBy)).toBeGreaterThan(0);
  });

  it('runs each slot of a scheduled job once across both nodes', async () => {
    await new Promise((resolve) => setTimeout(resolve, MAINTENANCE_INTERVAL_SECONDS * 2 * 1000));

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    let jobs: { id: string; dedupe_key: string; payload: string; attempts: number }[];
    try {
      jobs = (await client.query("select id, dedupe_key, payload, attempts from jobs where kind = 'schedule:maintenance' and status = 'done'")).rows;
    } finally {
      await client.end();
    }
    expect(jobs.length).toBeGreaterThanOrEqual(2);
    for (const job of jobs) expect(job.attempts, job.dedupe_key).toBe(1);

    const slots = jobs.map((job) => (JSON.parse(job.payload) as { slot: string }).slot);
    expect(new Set(slots).size).toBe(jobs.length);

    // Each run logs "job done" on the node that ran it: one line per slot over both nodes.
    const runs = nodes.flatMap((node) => logLines(node).filter((line) => line.msg === 'job done' && line.kind === 'schedule:maintenance'));
    const runsPerJob = new Map<string, number>();
    for (const run of runs) runsPerJob.set(String(run.jobId), (runsPerJob.get(String(run.jobId)) ?? 0) + 1);

    for (const job of jobs) expect(runsPerJob.get(job.id), job.dedupe_key).toBe(1);
    expect(runs.length).toBe(jobs.length);
  });

  it('accepts a session cookie from node 1 on node 2', async () => {
    const clerkLogin = clerkLoginFor(demoLoader(), RECIPIENT);
    const onFirst = await ApiClient.login(nodes[0]!.baseUrl, clerkLogin.login, clerkLogin.password);
    const onSecond = onFirst.onNode(nodes[1]!.baseUrl);

    const me = await onSecond.json('GET', '/api/v1/auth/me');
    expect(me.user.login).toBe(clerkLogin.login);

    const inbox = await onSecond.json('GET', '/api/v1/documents?box=incoming&pageSize=1');
    const accepted = await onSecond.request('POST', `/api/v1/documents/${inbox.items[0].id}/accept`);
    expect(accepted.status).toBe(200);

    const seenOnFirst = await onFirst.json('GET', `/api/v1/documents/${inbox.items[0].id}`);
    expect(seenOnFirst.status).toBe('accepted');
  });
});
