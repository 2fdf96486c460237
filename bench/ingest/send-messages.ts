import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchMessage } from './bench-messages.js';
import { SmtpClientConnection, type TransactionResult } from './smtp-client.js';

const MAX_RECONNECTS_PER_CONNECTION = 5;

export interface SendOptions {
  host: string;
  port: number;
  connections: number;
  messages: BenchMessage[];
  envelope: { from: string; to: string[] };
  /** Messages per second for a paced send; null sends each message as soon as a connection is free. */
  ratePerSecond: number | null;
  replyTimeoutMs: number;
}

export interface SentMessage {
  message: BenchMessage;
  /** performance.now() at which a paced send was due to start, or null for an unpaced send. */
  scheduledMs: number | null;
  result: TransactionResult | null;
  error: string | null;
}

export interface SendResult {
  /** performance.now() after every connection had received the greeting and the reply to EHLO. */
  startMs: number;
  endMs: number;
  sent: SentMessage[];
}

/**
 * Sends the messages over `connections` SMTP connections that each take the next unsent message
 * when free. A paced send starts message i no earlier than start + i / rate seconds.
 */
export async function sendMessages(options: SendOptions): Promise<SendResult> {
  const openConnection = () => SmtpClientConnection.open({ host: options.host, port: options.port, heloName: 'bench-client.localhost', replyTimeoutMs: options.replyTimeoutMs });
  const connections = await Promise.all(Array.from({ length: options.connections }, openConnection));

  const startMs = performance.now();
  const sent: SentMessage[] = options.messages.map((message) => ({ message, scheduledMs: null, result: null, error: null }));
  let nextIndex = 0;

  const runConnection = async (first: SmtpClientConnection) => {
    let connection: SmtpClientConnection | null = first;
    let reconnects = 0;

    while (connection && nextIndex < sent.length) {
      const position = nextIndex++;
      const entry = sent[position]!;
      if (options.ratePerSecond !== null) {
        entry.scheduledMs = startMs + (position * 1000) / options.ratePerSecond;
        const delay = entry.scheduledMs - performance.now();
        if (delay > 0) await sleep(Math.ceil(delay));
      }

      try {
        entry.result = await connection.send(options.envelope, entry.message.wire);
      } catch (error) {
        entry.error = error instanceof Error ? error.message : String(error);
        connection.destroy();
        connection = reconnects < MAX_RECONNECTS_PER_CONNECTION ? await openConnection().catch(() => null) : null;
        reconnects++;
      }
    }

    await connection?.quit();
  };

  await Promise.all(connections.map(runConnection));

  for (const entry of sent) {
    if (!entry.result && !entry.error) entry.error = 'not sent: every connection failed';
  }

  return { startMs, endMs: performance.now(), sent };
}
