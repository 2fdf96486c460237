import type { Db } from '../../src/platform/database/connection.js';

export interface RegisterCheck {
  /** Deliveries expected for the organization: every message accepted in the run, warm-up included. */
  expected: number;
  deliveries: number;
  /** True when each register year's numbers are exactly 1..count, with none missing or repeated, and no message is missing. */
  exactSeries: boolean;
  /** Numbers that occur more than once in a year's register. */
  duplicates: number;
  /** Numbers in 1..max of a year that no delivery has. */
  missing: number;
  /**
   * Deliveries whose message arrived (received_at, millisecond resolution) before the message of
   * some lower number: each was overtaken by a later message. Decree 30/2020 numbers incoming
   * documents in order of arrival, so this counts departures from that order.
   */
  outOfArrivalOrder: number;
  /** The largest overtaking: how much later than the overtaken message the overtaking one arrived, in milliseconds, or 0. */
  maxArrivalInversionMs: number;
  /** Stored messages by processing_status. After a complete run every message is `processed`. */
  messagesByStatus: Record<string, number>;
}

/** Checks that an organization's incoming register numbers are gap-free and unique, 1..N per year. */
export async function checkRegisterNumbers(db: Db, organizationId: string, expected: number): Promise<RegisterCheck> {
  const rows = await db
    .selectFrom('deliveries')
    .select(['register_year', 'register_number', 'received_at'])
    .where('organization_id', '=', organizationId)
    .orderBy('register_year')
    .orderBy('register_number')
    .execute();
  const statuses = await db.selectFrom('messages').select(['processing_status']).select((eb) => eb.fn.countAll<number>().as('count')).groupBy('processing_status').execute();

  let duplicates = 0;
  let missing = 0;
  let outOfArrivalOrder = 0;
  let maxArrivalInversionMs = 0;
  for (const year of new Set(rows.map((row) => row.register_year))) {
    const ofYear = rows.filter((row) => row.register_year === year);
    const distinct = new Set(ofYear.map((row) => row.register_number));
    const max = Math.max(...distinct);

    duplicates += ofYear.length - distinct.size;
    missing += max - distinct.size;
    let latestArrivalMs = -Infinity;
    for (const row of ofYear) {
      const arrivalMs = Date.parse(row.received_at);
      if (arrivalMs < latestArrivalMs) {
        outOfArrivalOrder++;
        maxArrivalInversionMs = Math.max(maxArrivalInversionMs, latestArrivalMs - arrivalMs);
      }
      latestArrivalMs = Math.max(latestArrivalMs, arrivalMs);
    }
  }

  return {
    expected,
    deliveries: rows.length,
    exactSeries: rows.length === expected && duplicates === 0 && missing === 0,
    duplicates,
    missing,
    outOfArrivalOrder,
    maxArrivalInversionMs,
    messagesByStatus: Object.fromEntries(statuses.map((row) => [row.processing_status, Number(row.count)])),
  };
}

/** Counts an organization's deliveries, that is its incoming register entries. */
export async function countDeliveries(db: Db, organizationId: string): Promise<number> {
  const row = await db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('organization_id', '=', organizationId)
    .executeTakeFirstOrThrow();

  return Number(row.count);
}
