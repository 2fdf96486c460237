import type { Kysely, Migration } from 'kysely';
import type { Engine } from '../engine.js';

// Column types are the portable subset (text, integer) plus an auto-increment key, which
// SQLite spells `integer primary key` and PostgreSQL `serial primary key`.
export function initialMigration(engine: Engine): Migration {
  const serial = engine === 'postgres' ? 'serial' : 'integer';
  return { up: (db) => up(db, serial) };
}

async function up(db: Kysely<unknown>, serial: 'serial' | 'integer'): Promise<void> {
  await db.schema
    .createTable('organizations')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'varchar(35)', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('short_name', 'text')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('parent_code', 'varchar(35)')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organization_addresses')
    .addColumn('address', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addColumn('is_alias', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('organization_addresses_org').on('organization_addresses').column('organization_id').execute();

  await db.schema
    .createTable('groups')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('group_members')
    .addColumn('group_id', 'text', (c) => c.notNull().references('groups.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('group_members_pk', ['group_id', 'organization_id'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull().unique())
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('roles', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('csrf_token', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('login_failures')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('login', 'text', (c) => c.notNull())
    .addColumn('remote_address', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('login_failures_login').on('login_failures').columns(['login', 'at']).execute();

  await db.schema
    .createTable('messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id_header', 'text')
    .addColumn('content_sha256', 'text', (c) => c.notNull())
    .addColumn('raw_sha256', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('envelope_from', 'text')
    .addColumn('envelope_to', 'text', (c) => c.notNull())
    .addColumn('recipient_organization_ids', 'text', (c) => c.notNull())
    .addColumn('remote_address', 'text')
    .addColumn('helo', 'text')
    .addColumn('processing_status', 'text', (c) => c.notNull())
    .addColumn('processing_attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('processing_error', 'text')
    .addColumn('processed_at', 'text')
    .addColumn('kind', 'text')
    .addColumn('subject', 'text')
    .addColumn('from_address', 'text')
    .addColumn('from_name', 'text')
    .addColumn('sender_organization_id', 'text')
    .addColumn('parsed', 'text')
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('has_meeting', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reports_on_message_id', 'text')
    .execute();
  await db.schema.createIndex('messages_processing').on('messages').columns(['processing_status', 'received_at']).execute();
  await db.schema.createIndex('messages_message_id').on('messages').column('message_id_header').execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('part_path', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    .addColumn('filename_original', 'text', (c) => c.notNull())
    .addColumn('declared_type', 'text', (c) => c.notNull())
    .addColumn('detected_type', 'text', (c) => c.notNull())
    .addColumn('disposition', 'text')
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('is_document', 'integer', (c) => c.notNull())
    .addColumn('forwarded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    .execute();
  await db.schema.createIndex('attachments_message').on('attachments').column('message_id').execute();

  await db.schema
    .createTable('documents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('messages.id').onDelete('cascade'))
    .addColumn('attachment_id', 'text')
    .addColumn('organization_id', 'text')
    .addColumn('document_index', 'integer', (c) => c.notNull())
    .addColumn('recognized', 'text', (c) => c.notNull())
    .addColumn('fields', 'text', (c) => c.notNull())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('number', 'text')
    .addColumn('notation', 'text')
    .addColumn('issued_on', 'text')
    .addColumn('place', 'text')
    .addColumn('issuer', 'text')
    .addColumn('issuer_code', 'text')
    .addColumn('subject', 'text')
    .addColumn('signer', 'text')
    .addColumn('signer_position', 'text')
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('confidentiality', 'text', (c) => c.notNull())
    .addColumn('meeting', 'text')
    .addColumn('quarantined', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('flags', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('documents_message_index', ['message_id', 'document_index', 'organization_id'])
    .execute();

  await db.schema.createIndex('documents_message').on('documents').column('message_id').execute();

  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('organization_id', 'text', (c) => c.notNull().references('organizations.id'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull())
    .addColumn('register_year', 'integer', (c) => c.notNull())
    .addColumn('register_number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('deliveries_register_number', ['organization_id', 'register_year', 'register_number'])
    .addUniqueConstraint('deliveries_dedupe', ['organization_id', 'dedupe_key'])
    .execute();
  await db.schema.createIndex('deliveries_org_received').on('deliveries').columns(['organization_id', 'received_at']).execute();
  await db.schema.createIndex('deliveries_document').on('deliveries').column('document_id').execute();

  await db.schema
    .createTable('delivery_events')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('delivery_id', 'text', (c) => c.notNull().references('deliveries.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('data', 'text')
    .execute();
  await db.schema.createIndex('delivery_events_delivery').on('delivery_events').column('delivery_id').execute();

  await db.schema
    .createTable('document_events')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('document_id', 'text', (c) => c.notNull().references('documents.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'text')
    .addColumn('actor_name', 'text')
    .addColumn('organization_id', 'text')
    .addColumn('data', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('document_events_document').on('document_events').column('document_id').execute();

  await db.schema
    .createTable('register_counters')
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('register_counters_pk', ['organization_id', 'direction', 'year'])
    .execute();

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('document_id', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .execute();

  await db.schema
    .createTable('content_access_log')
    .addColumn('id', serial, (c) => c.primaryKey())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', (c) => c.notNull())
    .addColumn('organization_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('document_id', 'text')
    .addColumn('attachment_id', 'text')
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}
