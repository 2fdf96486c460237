import { sql } from 'kysely';
import type { Db } from './connection.js';

export interface MigrationLevelDifference {
  /** Migrations of this version that the other database has not applied, so it is behind. */
  missing: string[];
  /** Migrations the other database has applied that this version does not have, so it is ahead. */
  unknown: string[];
}

/** Lists the names of the migrations applied to a database, sorted. A database never migrated has none. */
export async function readAppliedMigrations(db: Db): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (!tables.some((table) => table.name === 'kysely_migration')) return [];

  const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.map((row) => row.name);
}

export function compareMigrationLevels(other: string[], current: string[]): MigrationLevelDifference {
  return {
    missing: current.filter((name) => !other.includes(name)),
    unknown: other.filter((name) => !current.includes(name)),
  };
}
