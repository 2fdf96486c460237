import Database from 'better-sqlite3';

/**
 * Read-only queries on an installation's SQLite database, which the server runs in WAL mode, where
 * a reader does not block the writer. They count what the server committed without going through
 * its HTTP API, which keeps the polling off the server's event loop.
 */
export class DatabaseReader {
  readonly #db: Database.Database;

  constructor(file: string) {
    this.#db = new Database(file, { readonly: true, fileMustExist: true });
  }

  close(): void {
    this.#db.close();
  }

  /** Returns the codes of the organizations that have a registered copy of a dispatch in their incoming register. */
  registeredOrganizationCodes(dispatchId: string): string[] {
    const rows = this.#db
      .prepare(
        `select distinct organizations.code as code
           from dispatches
           join documents on documents.message_id = dispatches.message_row_id
           join deliveries on deliveries.document_id = documents.id
           join organizations on organizations.id = deliveries.organization_id
          where dispatches.id = ?`,
      )
      .all(dispatchId) as { code: string }[];

    return rows.map((row) => row.code);
  }

  /** Counts dispatch recipients outside this installation, by status. */
  remoteRecipientCounts(): Map<string, number> {
    const rows = this.#db.prepare(`select status, count(*) as count from dispatch_recipients where kind = 'remote' group by status`).all() as { status: string; count: number }[];

    return new Map(rows.map((row) => [row.status, row.count]));
  }

  /** Counts outbound delivery jobs that wait to run or are running. */
  outboundJobsWaiting(): number {
    const row = this.#db.prepare(`select count(*) as count from jobs where kind = 'outbound-delivery' and status in ('pending', 'running')`).get() as { count: number };

    return row.count;
  }

  /** Counts the copies registered in incoming registers, every organization together. */
  registeredCopies(): number {
    const row = this.#db.prepare('select count(*) as count from deliveries').get() as { count: number };

    return row.count;
  }

  /** Lists each remote recipient's dispatch with the times, in the server's clock, of its `queued` and `delivered` events. */
  remoteDeliveryTimes(): { dispatchId: string; queuedAt: string | null; deliveredAt: string | null; delayedEvents: number }[] {
    return this.#db
      .prepare(
        `select dispatch_recipients.dispatch_id as dispatchId,
                min(case when dispatch_events.kind = 'queued' then dispatch_events.at end) as queuedAt,
                min(case when dispatch_events.kind = 'delivered' then dispatch_events.at end) as deliveredAt,
                sum(case when dispatch_events.kind = 'delayed' then 1 else 0 end) as delayedEvents
           from dispatch_recipients
           left join dispatch_events on dispatch_events.recipient_id = dispatch_recipients.id
          where dispatch_recipients.kind = 'remote'
          group by dispatch_recipients.id`,
      )
      .all() as { dispatchId: string; queuedAt: string | null; deliveredAt: string | null; delayedEvents: number }[];
  }

  /**
   * Lists each registered copy with the Message-ID of the mail it came in and the times, in the
   * server's clock, at which SMTP accepted the mail and the copy was registered.
   */
  registrationTimes(): { messageId: string | null; receivedAt: string; registeredAt: string }[] {
    return this.#db
      .prepare(
        `select messages.message_id_header as messageId, messages.received_at as receivedAt, min(delivery_events.at) as registeredAt
           from deliveries
           join documents on documents.id = deliveries.document_id
           join messages on messages.id = documents.message_id
           join delivery_events on delivery_events.delivery_id = deliveries.id and delivery_events.kind = 'delivered'
          group by deliveries.id`,
      )
      .all() as { messageId: string | null; receivedAt: string; registeredAt: string }[];
  }
}
