import { createHash } from 'node:crypto';
import type { AppContext } from '../../platform/app-context.js';
import type { BlobWriter } from '../../platform/blob-writer.js';
import { newId } from '../../platform/ids.js';
import { contentHash } from './content-hash.js';
import { readMessageIdHeader } from './message-id-header.js';

export interface IncomingEnvelope {
  source: 'smtp' | 'cli' | 'submission';
  envelopeFrom: string | null;
  envelopeTo: string[];
  recipientOrganizationIds: string[];
  remoteAddress: string | null;
  helo: string | null;
}

/**
 * Stores the raw bytes durably and commits the message row, in that order. A writer that already
 * received the bytes during SMTP DATA only has to finish, and may leave the file in the blob
 * store's spool folder for processing to move. Only after this resolves may SMTP reply 250: the
 * file and its folder are fsynced, and the row is committed and synced, so the message survives
 * a crash and is processed when the server starts again.
 */
export async function storeRawMessage(ctx: AppContext, raw: Buffer, envelope: IncomingEnvelope, writer?: BlobWriter): Promise<string> {
  // Both hashes run on libuv threads while the file is written.
  const contentSha256 = contentHash(raw);
  const stored = writer ? await writer.finishInSpool(raw) : { sha256: await ctx.blobs.put(raw), spooled: null };
  const id = newId();

  await ctx.db
    .insertInto('messages')
    .values({
      id,
      message_id_header: readMessageIdHeader(raw),
      content_sha256: await contentSha256,
      raw_sha256: stored.sha256,
      raw_spool: stored.spooled,
      size: raw.length,
      received_at: ctx.clock.now().toISOString(),
      source: envelope.source,
      envelope_from: envelope.envelopeFrom,
      envelope_to: JSON.stringify(envelope.envelopeTo),
      recipient_organization_ids: JSON.stringify(envelope.recipientOrganizationIds),
      remote_address: envelope.remoteAddress,
      helo: envelope.helo,
      processing_status: 'received',
      processing_attempts: 0,
      flags: '[]',
      has_meeting: 0,
    })
    .execute();
  await ctx.syncCommits();

  return id;
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
