import { describe, expect, it } from 'vitest';
import { contentHash } from './content-hash.js';
import { readMessageIdHeader } from './message-id-header.js';

const message = 'From: a@example.test\r\nSubject: Giấy mời\r\nMessage-ID: <abc@example.test>\r\n\r\nNội dung\r\n';

describe('contentHash', () => {
  it('ignores trace headers added by relays', async () => {
    const relayed = `Received: from relay.example.test by mx\r\nReturn-Path: <a@example.test>\r\n${message}`;
    expect(await contentHash(Buffer.from(relayed))).toBe(await contentHash(Buffer.from(message)));
  });

  it('changes with the body', async () => {
    expect(await contentHash(Buffer.from(message.replace('Nội dung', 'Nội dung khác')))).not.toBe(await contentHash(Buffer.from(message)));
  });

  it('changes with the subject', async () => {
    expect(await contentHash(Buffer.from(message.replace('Giấy mời', 'Báo cáo')))).not.toBe(await contentHash(Buffer.from(message)));
  });

  it('reads bare-LF messages', async () => {
    const bareLf = message.replace(/\r\n/g, '\n');
    expect(await contentHash(Buffer.from(bareLf))).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('readMessageIdHeader', () => {
  it('strips angle brackets', async () => {
    expect(readMessageIdHeader(Buffer.from(message))).toBe('abc@example.test');
  });

  it('reads a folded header', async () => {
    expect(readMessageIdHeader(Buffer.from('Message-ID:\r\n <folded@example.test>\r\n\r\nx'))).toBe('folded@example.test');
  });

  it('returns null without one', async () => {
    expect(readMessageIdHeader(Buffer.from('Subject: x\r\n\r\nMessage-ID: <in-body@example.test>'))).toBeNull();
  });
});
