import { SMTPStream } from 'smtp-server/lib/smtp-stream.js';
import { describe, expect, test } from 'vitest';

import { feedDataStream, installFastDataScan } from './data-scan.js';

type Scan = 'smtp-server' | 'fast';

type ScanResult = { data: string; sizes: number[]; commands: string[] };

const originalScan = SMTPStream.prototype._feedDataStream;

/**
 * Puts a stream into data mode, writes `wire` to it in the given chunks and returns the message
 * bytes it emitted, the byte count it reported and the commands it parsed after the terminator.
 */
async function scan(wire: Buffer, cuts: number[], scanner: Scan): Promise<ScanResult> {
  const stream = new SMTPStream();
  if (scanner === 'fast') {
    (stream as unknown as { _feedDataStream: typeof feedDataStream })._feedDataStream = feedDataStream;
  } else {
    stream._feedDataStream = originalScan;
  }

  const commands: string[] = [];
  stream.oncommand = (command: Buffer, next?: () => void) => {
    commands.push(command.toString('latin1'));
    next?.();
  };

  const dataStream = stream.startDataMode();
  const chunks: Buffer[] = [];
  const sizes: number[] = [];
  dataStream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve) => {
    dataStream.on('end', () => {
      sizes.push(dataStream.byteLength);
      stream.continue();
      resolve();
    });
  });

  let start = 0;
  for (const cut of [...cuts, wire.length]) {
    if (cut > start) {
      await new Promise<void>((resolve, reject) => stream.write(wire.subarray(start, cut), (error) => (error ? reject(error) : resolve())));
    }
    start = Math.max(start, cut);
  }
  await ended;
  await new Promise((resolve) => setImmediate(resolve));

  return { data: Buffer.concat(chunks).toString('latin1'), sizes, commands };
}

/** Dot-stuffs a message as a client sends it after DATA, with the terminator and a QUIT. */
function onTheWire(message: string): Buffer {
  const stuffed = message.replace(/^\./gm, '..');

  return Buffer.from(`${stuffed}\r\n.\r\nQUIT\r\n`, 'latin1');
}

const MESSAGES: Record<string, string> = {
  'plain lines': 'Subject: a\r\n\r\nfirst line\r\nsecond line',
  'a body line of one dot': 'Subject: b\r\n\r\nbefore\r\n.\r\nafter',
  'a first line that starts with a dot': '.hidden: x\r\n\r\nbody',
  'a first line of one dot': '.\r\nrest of the message',
  'several dot lines in a row': 'Subject: c\r\n\r\n.\r\n..\r\n...\r\n.a\r\n.',
  'bare line feeds': 'Subject: d\n\n.dot after LF\nline\n.\n',
  'a bare line feed, then a dot line': '\n.x\r\nbody',
  'an empty body': '',
  'a message that is a single dot line': '.',
};

// Each position 0..n is cut in turn, then every pair of positions up to 40 bytes apart.
function cutPlans(length: number): number[][] {
  const plans: number[][] = [[]];
  for (let first = 1; first < length; first++) {
    plans.push([first]);
    for (let second = first + 1; second < Math.min(length, first + 40); second++) {
      plans.push([first, second]);
    }
  }

  return plans;
}

describe('fast DATA scan', () => {
  test('replaces the scan of the smtp-server version it was written for', () => {
    const prototype = SMTPStream.prototype as unknown as { _feedDataStream: unknown };

    expect(installFastDataScan()).toBe(true);
    expect(prototype._feedDataStream).toBe(feedDataStream);

    prototype._feedDataStream = originalScan;
  });

  test.each(Object.entries(MESSAGES))('reads %s as smtp-server does, however the bytes are cut', async (_name, message) => {
    const wire = onTheWire(message);

    for (const cuts of cutPlans(wire.length)) {
      const expected = await scan(wire, cuts, 'smtp-server');
      const actual = await scan(wire, cuts, 'fast');

      expect({ cuts, ...actual }).toEqual({ cuts, ...expected });
    }
  });

  test('unstuffs dots and stops at the terminator', async () => {
    const result = await scan(onTheWire(MESSAGES['several dot lines in a row'] ?? ''), [], 'fast');

    expect(result.data).toBe('Subject: c\r\n\r\n.\r\n..\r\n...\r\n.a\r\n.\r\n');
    expect(result.sizes).toEqual([result.data.length]);
    expect(result.commands).toEqual(['QUIT']);
  });

  test('reads a 100 KB base64 message in 16 KiB chunks as smtp-server does', async () => {
    const body = Buffer.alloc(75_000, 7).toString('base64').replace(/.{76}/g, '$&\r\n');
    const wire = onTheWire(`Subject: e\r\nContent-Transfer-Encoding: base64\r\n\r\n${body}\r\n.line that starts with a dot`);
    const cuts = Array.from({ length: Math.floor(wire.length / 16_384) }, (_, index) => (index + 1) * 16_384);

    const expected = await scan(wire, cuts, 'smtp-server');
    const actual = await scan(wire, cuts, 'fast');

    expect(actual).toEqual(expected);
    expect(actual.data.endsWith('\r\n.line that starts with a dot\r\n')).toBe(true);
  });
});
