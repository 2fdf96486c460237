import type { BlobStore } from '../../platform/blob-store.js';
import type { Db } from '../../platform/database/connection.js';
import { logger } from '../../platform/logger.js';

const log = logger('ingest');

/** The database and blob store of an installation, such as an AppContext. */
export interface MessageStorage {
  db: Db;
  blobs: BlobStore;
}

export interface RawMessageRow {
  id: string;
  raw_sha256: string;
  raw_spool: string | null;
}

/**
 * Returns a stored message's raw bytes. A message that SMTP left in the spool folder is first
 * moved to its content address, and its row's `raw_spool` is cleared.
 */
export async function readRawMessage(ctx: MessageStorage, message: RawMessageRow): Promise<Buffer> {
  if (message.raw_spool !== null) await settleRawMessage(ctx, message);

  return ctx.blobs.get(message.raw_sha256);
}

/**
 * Moves every spooled raw message to its content address: at start, after a stop that left some
 * unprocessed and before old temporary files are removed, and before `migrate-data` copies an
 * installation. Returns how many moved.
 */
export async function settleSpooledMessages(ctx: MessageStorage): Promise<number> {
  const spooled = await ctx.db.selectFrom('messages').select(['id', 'raw_sha256', 'raw_spool']).where('raw_spool', 'is not', null).execute();

  for (const message of spooled) {
    await settleRawMessage(ctx, message);
  }
  if (spooled.length > 0) log.info({ messages: spooled.length }, 'moved spooled raw messages to the blob store');

  return spooled.length;
}

async function settleRawMessage(ctx: MessageStorage, message: RawMessageRow): Promise<void> {
  await ctx.blobs.settle(message.raw_spool!, message.raw_sha256);
  await ctx.db.updateTable('messages').set({ raw_spool: null }).where('id', '=', message.id).execute();
}
