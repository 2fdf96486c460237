import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { openTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { upsertOrganization } from '../../directory/organization-repository.js';
import type { AppContext } from '../../platform/app-context.js';
import { processMessage } from './process-message.js';
import { readRawMessage, settleSpooledMessages } from './raw-message.js';
import { storeRawMessage } from './store-raw-message.js';

const MAIL = readFileSync(new URL('../../../test/fixtures/mail/utf8-cv-1187.eml', import.meta.url));

let opened: TestContext;
let ctx: AppContext;
let organizationId: string;

beforeEach(async () => {
  opened = await openTestContext('congvan-raw-', { fileBlobs: true });
  ctx = opened.ctx;
  organizationId = await upsertOrganization(
    ctx.db,
    { code: '000.00.05.H36', name: 'Sở Nội vụ', shortName: 'SNV', kind: 'department', parentCode: null, addresses: ['vanthu.snv@lamdong.gov.vn'] },
    new Date().toISOString(),
  );
});

afterEach(async () => {
  await opened.close();
});

/** Stores the fixture as SMTP does: written while it arrives, then left in the spool folder. */
async function storeSpooled(): Promise<string> {
  const writer = ctx.blobs.createWriter();
  writer.write(MAIL.subarray(0, 1000));
  writer.write(MAIL.subarray(1000));

  return storeRawMessage(
    ctx,
    MAIL,
    { source: 'smtp', envelopeFrom: 'a@example.test', envelopeTo: ['vanthu.snv@lamdong.gov.vn'], recipientOrganizationIds: [organizationId], remoteAddress: '127.0.0.1', helo: 'client.test' },
    writer,
  );
}

async function messageRow(id: string) {
  return ctx.db.selectFrom('messages').select(['id', 'raw_sha256', 'raw_spool']).where('id', '=', id).executeTakeFirstOrThrow();
}

function spoolFiles(): string[] {
  return readdirSync(path.join(ctx.config.dataDir, 'blobs', 'incoming')).filter((name) => name.startsWith('.tmp-'));
}

describe('spooled raw messages', () => {
  it('keeps an SMTP message in the spool until it is read', async () => {
    const id = await storeSpooled();
    const stored = await messageRow(id);

    expect(stored.raw_spool).toMatch(/^\.tmp-[0-9a-f]{16}$/);
    expect(spoolFiles()).toEqual([stored.raw_spool]);
    expect(await ctx.blobs.has(stored.raw_sha256)).toBe(false);

    const raw = await readRawMessage(ctx, stored);

    expect(raw.equals(MAIL)).toBe(true);
    expect((await messageRow(id)).raw_spool).toBeNull();
    expect(await ctx.blobs.has(stored.raw_sha256)).toBe(true);
    expect(spoolFiles()).toEqual([]);
  });

  it('registers a spooled message when it is processed', async () => {
    const id = await storeSpooled();

    await processMessage(ctx, id);

    const message = await ctx.db.selectFrom('messages').select(['processing_status', 'raw_spool']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(message.processing_status).toBe('processed');
    expect(message.raw_spool).toBeNull();
  });

  it('moves every spooled message at start', async () => {
    const first = await storeSpooled();
    const second = await storeSpooled();

    expect(await settleSpooledMessages(ctx)).toBe(2);

    for (const id of [first, second]) {
      const row = await messageRow(id);
      expect(row.raw_spool).toBeNull();
      expect((await ctx.blobs.get(row.raw_sha256)).equals(MAIL)).toBe(true);
    }
    expect(spoolFiles()).toEqual([]);
    expect(await settleSpooledMessages(ctx)).toBe(0);
  });
});
