import { sql } from 'kysely';
import type { Db } from '../platform/database/connection.js';

export type RegisterDirection = 'incoming' | 'outgoing';

/**
 * Takes the next number of an organization's register for a year (Decree 30/2020, Appendix IV:
 * numbers run from 1 in order of arrival within the calendar year). Call it inside the
 * transaction that writes the register entry: the counter row stays locked until commit, so
 * numbers have no gaps and no duplicates however many writers race, and a rolled-back entry
 * gives its number back.
 */
export async function takeRegisterNumber(trx: Db, organizationId: string, direction: RegisterDirection, year: number): Promise<number> {
  const row = await trx
    .insertInto('register_counters')
    .values({ organization_id: organizationId, direction, year, last_number: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['organization_id', 'direction', 'year'])
        .doUpdateSet({ last_number: sql<number>`register_counters.last_number + 1` }),
    )
    .returning('last_number')
    .executeTakeFirstOrThrow();

  return row.last_number;
}
