import type { Cleanups } from '../bench-script.js';
import { execFile } from 'node:child_process';
import { appendFileSync, chownSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import MailComposer from 'nodemailer/lib/mail-composer';
import { toDataWire } from '../ingest/bench-messages.js';
import { MemorySampler, readProcessFamilyPssBytes } from '../ingest/memory-sampler.js';
import { summarizeMemory, type MemorySummary } from '../ingest/phase-summary.js';
import { startPostfixPeer, type PostfixPeer } from '../ingest/postfix-peer.js';
import { SmtpClientConnection } from '../ingest/smtp-client.js';
import { describeDistribution, type Distribution } from '../ingest/statistics.js';
import { round, roundDistribution } from '../scale-out/rounding.js';
import { FIXTURE_NAME } from './dispatch-request.js';

const run = promisify(execFile);

const DOMAIN = 'lamdong.gov.vn';
const SENDER = 'vanthu.vp@lamdong.gov.vn';
const PAUSE_BETWEEN_ROUNDS_MS = 1000;
const POLL_INTERVAL_MS = 10;
const DELIVERY_TIMEOUT_MS = 60_000;
const REPLY_TIMEOUT_MS = 60_000;
const RELOAD_ATTEMPTS = 20;
const RELOAD_RETRY_MS = 500;

export interface PostfixFanOutRound {
  /** From MAIL FROM to the moment the last of the mailboxes had the message in its `new/` folder. */
  sendToAllDeliveredMs: number;
  /** From the 250 reply to the end of DATA to the same moment. */
  acceptedToAllDeliveredMs: number;
  /** From the 250 reply to the first mailbox with the message. */
  acceptedToFirstDeliveredMs: number;
  /** From MAIL FROM to the 250 reply: the SMTP transaction with every RCPT and the message itself. */
  transactionMs: number;
  delivered: number;
}

export interface PostfixFanOutReport {
  version: string;
  mailboxes: number;
  messageBytes: number;
  warmUp: PostfixFanOutRound;
  rounds: PostfixFanOutRound[];
  sendToAllDeliveredMs: Distribution;
  acceptedToAllDeliveredMs: Distribution;
  memory: MemorySummary & { measure: string };
}

export interface PostfixFanOutOptions {
  mailboxes: number;
  rounds: number;
  pdf: Buffer;
  runId: string;
  log: (line: string) => void;
}

/**
 * Starts the throwaway Postfix of the ingest benchmark with `mailboxes` virtual Maildirs and
 * sends it one message with the PDF to all of them per round, after one warm-up round.
 */
export async function measurePostfixFanOut(options: PostfixFanOutOptions, cleanups: Cleanups): Promise<PostfixFanOutReport> {
  options.log('fan-out: starting the Postfix peer');
  const addresses = Array.from({ length: options.mailboxes }, (_, index) => `hopthu${String(index + 1).padStart(3, '0')}@${DOMAIN}`);
  const peer = await startPostfixPeer(addresses[0]!);
  const stop = () => peer.stop();
  cleanups.push(stop);

  try {
    const newFolders = await addMailboxes(peer, addresses);
    const wire = await buildFanOutMessage(options.pdf, addresses, options.runId);
    const sampler = new MemorySampler(() => {
      const pid = peer.masterPid();
      return pid === null ? null : readProcessFamilyPssBytes(pid);
    });
    sampler.start();

    try {
      const sendRound = async (label: string) => {
        const result = await measureRound(peer, addresses, newFolders, wire);
        options.log(`fan-out: Postfix ${label}: ${result.delivered} of ${addresses.length} delivered ${result.sendToAllDeliveredMs} ms after MAIL FROM, ${result.acceptedToAllDeliveredMs} ms after the 250`);
        if (result.delivered < addresses.length) throw new Error(`Postfix delivered ${result.delivered} of ${addresses.length} copies within ${DELIVERY_TIMEOUT_MS} ms\n${peer.logTail()}`);
        return result;
      };

      const warmUp = await sendWarmUp(() => sendRound('warm-up'), options.log);
      const rounds: PostfixFanOutRound[] = [];
      for (let round = 1; round <= options.rounds; round++) {
        await sleep(PAUSE_BETWEEN_ROUNDS_MS);
        rounds.push(await sendRound(`r${round}`));
      }

      return {
        version: peer.version,
        mailboxes: addresses.length,
        messageBytes: wire.length,
        warmUp,
        rounds,
        sendToAllDeliveredMs: roundDistribution(describeDistribution(rounds.map((round) => round.sendToAllDeliveredMs))),
        acceptedToAllDeliveredMs: roundDistribution(describeDistribution(rounds.map((round) => round.acceptedToAllDeliveredMs))),
        memory: { ...summarizeMemory(sampler.stop()), measure: 'sum of Pss over the master daemon and its child processes' },
      };
    } finally {
      sampler.stop();
    }
  } finally {
    await stop();
    cleanups.splice(cleanups.indexOf(stop), 1);
  }
}

// Retries while smtpd still rejects the added mailboxes: `postfix reload` returns before every
// daemon has restarted with the new map.
async function sendWarmUp(send: () => Promise<PostfixFanOutRound>, log: (line: string) => void): Promise<PostfixFanOutRound> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!(error instanceof RecipientRejectedError) || attempt >= RELOAD_ATTEMPTS) throw error;
      log(`fan-out: Postfix still rejects a recipient after the reload (${error.message}); retrying`);
      await sleep(RELOAD_RETRY_MS);
    }
  }
}

class RecipientRejectedError extends Error {}

/**
 * Adds a virtual mailbox for every address after the first, which the peer already has, and
 * reloads Postfix so that smtpd and virtual(8) read the longer map. Returns each mailbox's
 * `new/` folder in the order of `addresses`.
 */
async function addMailboxes(peer: PostfixPeer, addresses: string[]): Promise<string[]> {
  // NOTE: PostfixPeer exposes only the first Maildir, so the instance's folders are found from
  // it: <root>/mail/<local part>/Maildir/new, with the configuration in <root>/etc.
  const mailBase = path.resolve(peer.maildirNewPath, '..', '..', '..');
  const config = path.join(path.dirname(mailBase), 'etc');
  const map = path.join(config, 'virtual-mailboxes');
  if (!existsSync(path.join(config, 'main.cf')) || !existsSync(map)) {
    throw new Error(`the Postfix peer's configuration was not found in ${config}, so bench/ingest/postfix-peer.ts changed its folder layout: update addMailboxes to match`);
  }

  const owner = statSync(peer.maildirNewPath);
  const folders: string[] = [];
  const lines: string[] = [];
  for (const address of addresses) {
    const localPart = address.split('@')[0]!;
    const maildir = path.join(mailBase, localPart, 'Maildir');
    folders.push(path.join(maildir, 'new'));
    if (address === addresses[0]) continue;

    lines.push(`${address} ${localPart}/Maildir/\n`);
    for (const folder of [path.join(mailBase, localPart), maildir, ...['new', 'cur', 'tmp'].map((sub) => path.join(maildir, sub))]) {
      mkdirSync(folder, { recursive: true });
      chownSync(folder, owner.uid, owner.gid);
    }
  }
  appendFileSync(map, lines.join(''));
  await run('postfix', ['-c', config, 'reload']);

  return folders;
}

async function buildFanOutMessage(pdf: Buffer, addresses: string[], runId: string): Promise<Buffer> {
  const raw = await new MailComposer({
    from: { name: 'Văn phòng Ủy ban nhân dân tỉnh Lâm Đồng', address: SENDER },
    to: addresses,
    subject: `V/v triển khai kế hoạch chuyển đổi số năm 2026 (${runId})`,
    messageId: `<${runId}-fan-out@bench.invalid>`,
    text: 'Văn phòng Ủy ban nhân dân tỉnh gửi kèm công văn, đề nghị quý cơ quan tiếp nhận.',
    attachments: [{ filename: `${FIXTURE_NAME}-${runId}.pdf`, content: pdf, contentType: 'application/pdf' }],
  })
    .compile()
    .build();

  return toDataWire(raw);
}

async function measureRound(peer: PostfixPeer, addresses: string[], newFolders: string[], wire: Buffer): Promise<PostfixFanOutRound> {
  const before = newFolders.map((folder) => readdirSync(folder).length);
  const connection = await SmtpClientConnection.open({ host: '127.0.0.1', port: peer.port, heloName: 'bench-client.localhost', replyTimeoutMs: REPLY_TIMEOUT_MS });

  let result;
  try {
    result = await connection.send({ from: SENDER, to: addresses }, wire);
  } finally {
    await connection.quit();
  }
  if (result.stage === 'RCPT') throw new RecipientRejectedError(`Postfix replied to RCPT with ${result.reply.code} ${result.reply.text}`);
  if (result.reply.code !== 250) throw new Error(`Postfix replied to ${result.stage} with ${result.reply.code} ${result.reply.text}`);

  const deliveredAt = await waitForDeliveries(newFolders, before);
  const times = deliveredAt.filter((value): value is number => value !== null);
  const last = Math.max(...times);

  return {
    sendToAllDeliveredMs: round(last - result.mailStartMs),
    acceptedToAllDeliveredMs: round(last - result.replyMs),
    acceptedToFirstDeliveredMs: round(Math.min(...times) - result.replyMs),
    transactionMs: round(result.replyMs - result.mailStartMs),
    delivered: times.length,
  };
}

// Lists every `new/` folder that has not grown yet, every POLL_INTERVAL_MS, and returns when
// each one was first seen with one file more than before, or null for a folder that never grew.
async function waitForDeliveries(newFolders: string[], before: number[]): Promise<(number | null)[]> {
  const deliveredAt: (number | null)[] = newFolders.map(() => null);
  const deadline = performance.now() + DELIVERY_TIMEOUT_MS;

  while (deliveredAt.includes(null) && performance.now() < deadline) {
    for (const [index, folder] of newFolders.entries()) {
      if (deliveredAt[index] !== null) continue;
      if (readdirSync(folder).length > before[index]!) deliveredAt[index] = performance.now();
    }
    await sleep(POLL_INTERVAL_MS);
  }

  return deliveredAt;
}
