import { Migrator, type Migration, type MigrationProvider } from 'kysely';
import type { DatabaseHandle } from './connection.js';
import type { Engine } from './engine.js';
import { initialMigration } from './migrations/0001-initial.js';
import { scaleOutMigration } from './migrations/0002-scale-out.js';
import { workingCalendarMigration } from './migrations/0003-working-calendar.js';
import { exchangeMigration } from './migrations/0004-exchange.js';
import { draftFieldsMigration } from './migrations/0005-draft-fields.js';
import { groupVersionsMigration } from './migrations/0006-group-versions.js';
import { rawSpoolMigration } from './migrations/0007-raw-spool.js';

function migrationsFor(engine: Engine): Record<string, Migration> {
  return {
    '0001-initial': initialMigration(engine),
    '0002-scale-out': scaleOutMigration(engine),
    '0003-working-calendar': workingCalendarMigration(),
    '0004-exchange': exchangeMigration(engine),
    '0005-draft-fields': draftFieldsMigration(engine),
    '0006-group-versions': groupVersionsMigration(),
    '0007-raw-spool': rawSpoolMigration(),
  };
}

/** Applies every pending migration in name order; returns the names applied. */
export async function migrateToLatest(handle: DatabaseHandle): Promise<string[]> {
  const provider: MigrationProvider = { getMigrations: async () => migrationsFor(handle.engine) };
  const migrator = new Migrator({ db: handle.db, provider });
  const { error, results } = await migrator.migrateToLatest();

  if (error) {
    const failed = results?.find((result) => result.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }

  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
