import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../engine.js';

/**
 * Sending: a dispatch (one outgoing document, its files and its outgoing register entry), one
 * row per recipient with the status the sender watches, and the events behind each status.
 */
export function exchangeMigration(engine: Engine): Migration {
  const serial = engine === 'postgres' ? 'serial' : 'integer';
  return { up: (db) => up(db, serial) };
}

async function up(db: Kysely<unknown>, serial: 'serial' | 'integer'): Promise<void> {
  await db.schema
    .createTable('dispatches')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('created_by_user_id', 'text')
    .addColumn('created_by_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('notation', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('place', 'text')
    .addColumn('subject', 'text')
    .addColumn('signer', 'text')
    .addColumn('signer_position', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text')
    .addColumn('recipients', 'text', (c) => c.notNull())
    .addColumn('register_year', 'integer')
    .addColumn('register_number', 'integer')
    .addColumn('message_row_id', 'text')
    .addColumn('message_id_header', 'text')
    .addColumn('withdraw_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .addUniqueConstraint('dispatches_register_number', ['organization_id', 'register_year', 'register_number'])
    .execute();
  await db.schema.createIndex('dispatches_org_sent').on('dispatches').columns(['organization_id', 'status', 'sent_at']).execute();
  await db.schema.createIndex('dispatches_message_id').on('dispatches').column('message_id_header').execute();

  await db.schema
    .createTable('dispatch_files')
    .addColumn('dispatch_id', 'text', (c) => c.notNull().references('dispatches.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('dispatch_files_pk', ['dispatch_id', 'position'])
    .execute();

  await db.schema
    .createTable('dispatch_recipients')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('dispatch_id', 'text', (c) => c.notNull().references('dispatches.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text')
    .addColumn('address', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('delivery_id', 'text')
    .addColumn('overdue_at', 'text')
    .addColumn('reminded_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('dispatch_recipients_dispatch').on('dispatch_recipients').column('dispatch_id').execute();
  await db.schema.createIndex('dispatch_recipients_delivery').on('dispatch_recipients').column('delivery_id').execute();
  await db.schema.createIndex('dispatch_recipients_overdue').on('dispatch_recipients').columns(['status', 'overdue_at']).execute();

  await db.schema
    .createTable('dispatch_events')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('recipient_id', 'text', (c) => c.notNull().references('dispatch_recipients.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_name', 'text')
    .addColumn('detail', 'text')
    .execute();
  await db.schema.createIndex('dispatch_events_recipient').on('dispatch_events').column('recipient_id').execute();
}
