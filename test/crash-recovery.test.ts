import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import nodemailer from 'nodemailer';
import { afterAll, describe, expect, test } from 'vitest';

import { ApiClient, pollUntil } from './helpers/api-client.js';
import { clerkLoginFor } from './helpers/directory-lookup.js';
import { startServerProcess, type ServerProcess } from './helpers/server-process.js';
import { createTestDatabase, type TestDatabase } from './helpers/test-database.js';

const RECIPIENT = 'vanphong@lamdong.gov.vn';
const MESSAGES = 400;
// The server is killed once this many messages have their 250, in the middle of the burst.
const KILL_AFTER_ACCEPTED = 150;

let dataDir: string | null = null;
let database: TestDatabase | null = null;
let server: ServerProcess | null = null;

afterAll(async () => {
  await server?.stop();
  await database?.drop();
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
});

function subjectOf(index: number): string {
  return `Công văn thử sự cố số ${index} crash-${index}-token`;
}

/**
 * Sends MESSAGES small messages over 4 connections and kills the server with SIGKILL once
 * KILL_AFTER_ACCEPTED of them have their 250. Returns the indexes of the accepted messages.
 */
async function sendUntilKilled(target: ServerProcess): Promise<number[]> {
  const transport = nodemailer.createTransport({ host: '127.0.0.1', port: target.smtpPort, secure: false, ignoreTLS: true, pool: true, maxConnections: 4, maxMessages: Infinity });
  const accepted: number[] = [];
  let killed: Promise<void> | null = null;

  const sends = Array.from({ length: MESSAGES }, async (_, index) => {
    await transport.sendMail({
      from: 'vanthu@tinh-khac.test',
      to: RECIPIENT,
      subject: subjectOf(index),
      text: `Nội dung của công văn số ${index}.\r\n`,
    });
    accepted.push(index);
    if (accepted.length === KILL_AFTER_ACCEPTED) killed = target.kill();
  });
  await Promise.allSettled(sends);
  await killed;
  transport.close();

  return accepted;
}

async function incomingSubjects(clerk: ApiClient): Promise<string[]> {
  const subjects: string[] = [];
  for (let page = 1; ; page++) {
    const result = await clerk.json<{ items: { subject: string }[]; total: number }>('GET', `/api/v1/documents?box=incoming&pageSize=200&page=${page}`);
    subjects.push(...result.items.map((item) => item.subject));
    if (subjects.length >= result.total || result.items.length === 0) return subjects;
  }
}

describe('a crash during a burst of mail', () => {
  test('registers every message that got a 250 after a restart', { timeout: 180_000 }, async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'congvan-crash-'));
    database = await createTestDatabase();
    // Blobs in a folder on either database: a database blob store copies each message into the
    // database before its 250, so nothing would be left in the spool.
    // The same node id in both runs, as a configured node keeps, so that the restarted server
    // releases the claims the killed one held instead of waiting for their leases on PostgreSQL.
    const env = { CONGVAN_DATA_DIR: dataDir, ...database.env, CONGVAN_BLOB_STORE: `fs:${path.join(dataDir, 'blobs')}`, CONGVAN_NODE_ID: 'crash-node' };

    server = await startServerProcess(env);
    const clerkLogin = clerkLoginFor(server, RECIPIENT);
    const accepted = await sendUntilKilled(server);

    expect(accepted.length).toBeGreaterThanOrEqual(KILL_AFTER_ACCEPTED);
    expect(accepted.length).toBeLessThan(MESSAGES);

    server = await startServerProcess({ ...env, CONGVAN_LOG_LEVEL: 'info' });
    const clerk = await ApiClient.login(server.baseUrl, clerkLogin.login, clerkLogin.password);
    const subjects = await pollUntil(
      async () => {
        const seen = await incomingSubjects(clerk);
        return accepted.every((index) => seen.includes(subjectOf(index))) ? seen : null;
      },
      60_000,
      `all ${accepted.length} accepted messages in the inbox`,
    );

    for (const index of accepted) {
      expect(subjects.filter((subject) => subject === subjectOf(index))).toHaveLength(1);
    }
    // The burst held processing back, so messages were still in the spool when the server died.
    expect(server.output()).toContain('moved spooled raw messages to the blob store');
  });
});
