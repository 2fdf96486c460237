import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator, type Kysely } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-database.js';
import { openDatabase, type DatabaseHandle } from '../connection.js';
import { migrateToLatest } from '../migrate.js';
import type { Database } from '../schema.js';
import { initialMigration } from './0001-initial.js';
import { scaleOutMigration } from './0002-scale-out.js';
import { workingCalendarMigration } from './0003-working-calendar.js';
import { exchangeMigration } from './0004-exchange.js';

const NOW = '2026-12-04T02:00:00.000Z';

let folder: string;
let database: TestDatabase;
let handle: DatabaseHandle;

beforeEach(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'congvan-migration-'));
  database = await createTestDatabase();
  handle = openDatabase(database.env.CONGVAN_DATABASE_URL ?? `sqlite:${path.join(folder, 'congvan.sqlite')}`);

  // The schema as the previous version left it, with a sent dispatch and a draft.
  const engine = handle.engine;
  const previous = { '0001-initial': initialMigration(engine), '0002-scale-out': scaleOutMigration(engine), '0003-working-calendar': workingCalendarMigration(), '0004-exchange': exchangeMigration(engine) };
  const { error } = await new Migrator({ db: handle.db, provider: { getMigrations: async () => previous } }).migrateToLatest();
  if (error) throw error;
  await insertDispatches(handle.db);
});

afterEach(async () => {
  await handle.close();
  await database.drop();
  rmSync(folder, { recursive: true, force: true });
});

async function insertDispatches(db: Kysely<Database>): Promise<void> {
  await db.insertInto('organizations').values({ id: 'org-vp', code: '000.00.01.H36', name: 'Văn phòng UBND tỉnh', short_name: null, kind: 'office', parent_code: null, created_at: NOW, updated_at: NOW }).execute();

  for (const [id, status] of [['sent-1', 'sent'], ['draft-1', 'draft']] as const) {
    await db
      .insertInto('dispatches')
      .values({
        id,
        organization_id: 'org-vp',
        created_by_user_id: null,
        created_by_name: 'Nguyễn Văn Thư',
        status,
        source: 'web',
        type: 'CV',
        number: status === 'sent' ? '1' : null,
        notation: 'VP',
        issued_on: null,
        place: null,
        subject: `Trích yếu ${id}`,
        signer: null,
        signer_position: null,
        urgency: 'urgent',
        due_on: null,
        recipients: '[]',
        register_year: status === 'sent' ? 2026 : null,
        register_number: status === 'sent' ? 1 : null,
        message_row_id: null,
        message_id_header: null,
        withdraw_reason: null,
        created_at: NOW,
        updated_at: NOW,
        sent_at: status === 'sent' ? NOW : null,
        withdrawn_at: null,
      })
      .execute();
    await db.insertInto('dispatch_files').values({ dispatch_id: id, position: 0, role: 'document', filename: `${id}.pdf`, content_type: 'application/pdf', size: 3, sha256: 'a'.repeat(64) }).execute();
  }

  await db
    .insertInto('dispatch_recipients')
    .values({ id: 'recipient-1', dispatch_id: 'sent-1', kind: 'remote', organization_id: null, address: 'vanthu@tinh-b.test', name: 'vanthu@tinh-b.test', status: 'queued', delivery_id: null, overdue_at: null, reminded_at: null, updated_at: NOW })
    .execute();
}

describe('draft fields migration', () => {
  it('keeps every dispatch with its files and recipients', async () => {
    await migrateToLatest(handle);

    const dispatches = await handle.db.selectFrom('dispatches').select(['id', 'type', 'urgency', 'subject', 'register_number']).orderBy('id').execute();
    expect(dispatches).toEqual([
      { id: 'draft-1', type: 'CV', urgency: 'urgent', subject: 'Trích yếu draft-1', register_number: null },
      { id: 'sent-1', type: 'CV', urgency: 'urgent', subject: 'Trích yếu sent-1', register_number: 1 },
    ]);
    const files = await handle.db.selectFrom('dispatch_files').select('dispatch_id').orderBy('dispatch_id').execute();
    expect(files.map((file) => file.dispatch_id)).toEqual(['draft-1', 'sent-1']);
    const recipients = await handle.db.selectFrom('dispatch_recipients').select('id').execute();
    expect(recipients).toEqual([{ id: 'recipient-1' }]);
  });

  it('marks sent dispatches unclassified and leaves drafts unknown', async () => {
    await migrateToLatest(handle);

    const rows = await handle.db.selectFrom('dispatches').select(['id', 'confidentiality']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 'draft-1', confidentiality: null },
      { id: 'sent-1', confidentiality: 'none' },
    ]);
  });

  it('accepts a draft without type or urgency', async () => {
    await migrateToLatest(handle);

    await handle.db.updateTable('dispatches').set({ type: null, urgency: null }).where('id', '=', 'draft-1').execute();
    const draft = await handle.db.selectFrom('dispatches').select(['type', 'urgency']).where('id', '=', 'draft-1').executeTakeFirstOrThrow();
    expect(draft).toEqual({ type: null, urgency: null });
  });

  it('still enforces and cascades the foreign keys', async () => {
    await migrateToLatest(handle);

    const orphan = handle.db.insertInto('dispatch_files').values({ dispatch_id: 'no-such-dispatch', position: 0, role: 'document', filename: 'x.pdf', content_type: 'application/pdf', size: 1, sha256: 'b'.repeat(64) }).execute();
    await expect(orphan).rejects.toThrow(/foreign key/i);

    await handle.db.deleteFrom('dispatches').where('id', '=', 'sent-1').execute();
    const left = await handle.db.selectFrom('dispatch_recipients').select('id').execute();
    expect(left).toEqual([]);
    const files = await handle.db.selectFrom('dispatch_files').select('dispatch_id').execute();
    expect(files.map((file) => file.dispatch_id)).toEqual(['draft-1']);
  });

  it('keeps the unique register number', async () => {
    await migrateToLatest(handle);

    const duplicate = handle.db
      .updateTable('dispatches')
      .set({ status: 'sent', register_year: 2026, register_number: 1 })
      .where('id', '=', 'draft-1')
      .execute();
    await expect(duplicate).rejects.toThrow(/unique|duplicate/i);
  });
});
