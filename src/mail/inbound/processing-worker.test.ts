import { readFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestContext, type TestContext } from '../../../test/helpers/test-context.js';
import { upsertOrganization } from '../../directory/organization-repository.js';
import type { AppContext } from '../../platform/app-context.js';
import { ClaimLostError, processMessage } from './process-message.js';
import { ProcessingWorker } from './processing-worker.js';
import { storeRawMessage } from './store-raw-message.js';

const MAIL = readFileSync(new URL('../../../test/fixtures/mail/utf8-cv-1187.eml', import.meta.url));

let opened: TestContext;
let ctx: AppContext;
let organizationId: string;

beforeEach(async () => {
  opened = await openTestContext('congvan-worker-', { nodeId: 'node-live' });
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

async function storeClaimedMessage(claimedBy: string, leaseExpiresAt: Date): Promise<string> {
  const id = await storeRawMessage(ctx, MAIL, {
    source: 'cli',
    envelopeFrom: null,
    envelopeTo: ['vanthu.snv@lamdong.gov.vn'],
    recipientOrganizationIds: [organizationId],
    remoteAddress: null,
    helo: null,
  });
  await ctx.db
    .updateTable('messages')
    .set({ processing_status: 'processing', processing_attempts: 1, claimed_by: claimedBy, lease_expires_at: leaseExpiresAt.toISOString() })
    .where('id', '=', id)
    .execute();
  return id;
}

async function deliveriesOf(messageId: string) {
  return ctx.db
    .selectFrom('deliveries')
    .innerJoin('documents', 'documents.id', 'deliveries.document_id')
    .select(['deliveries.register_number'])
    .where('documents.message_id', '=', messageId)
    .execute();
}

describe('processing claims', () => {
  it('takes over a message whose node died once the lease expired', async () => {
    const id = await storeClaimedMessage('node-dead', new Date(Date.now() - 1000));

    const worker = new ProcessingWorker(ctx, { leaseMs: 5_000 });
    await worker.start();
    await worker.idle();
    await worker.stop();

    const message = await ctx.db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(message).toMatchObject({ processing_status: 'processed', processing_attempts: 2, claimed_by: null });
    expect(await deliveriesOf(id)).toEqual([{ register_number: 1 }]);
  });

  it('releases claims at start by engine', async () => {
    const id = await storeClaimedMessage('node-other', new Date(Date.now() + 60_000));

    const worker = new ProcessingWorker(ctx, { leaseMs: 5_000 });
    await worker.start();
    await new Promise((resolve) => setTimeout(resolve, 500));
    await worker.stop();

    const message = await ctx.db.selectFrom('messages').select(['processing_status', 'claimed_by']).where('id', '=', id).executeTakeFirstOrThrow();
    if (ctx.engine === 'postgres') {
      expect(message).toEqual({ processing_status: 'processing', claimed_by: 'node-other' });
      expect(await deliveriesOf(id)).toEqual([]);
    } else {
      // One server per embedded database: a claim left in it is from this server's last run.
      expect(message).toEqual({ processing_status: 'processed', claimed_by: null });
    }
  });

  it('rolls the registration back when the claim moved to another node', async () => {
    const id = await storeClaimedMessage('node-other', new Date(Date.now() + 60_000));

    await expect(processMessage(ctx, id, { claimedBy: 'node-live' })).rejects.toBeInstanceOf(ClaimLostError);

    expect(await deliveriesOf(id)).toEqual([]);
    const attachments = await ctx.db.selectFrom('attachments').select('id').where('message_id', '=', id).execute();
    expect(attachments).toEqual([]);
  });
});
