import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';

export interface WaitProfile {
  samples: number;
  /**
   * Mean number of busy sessions of the database per sample, by what they were doing, largest
   * first. `Lock:advisory` or `Lock:transactionid` is a session that waits for a lock, and
   * `IO:WALSync` a commit that waits for the disk. `CPU` is a statement running with no wait
   * event, and `idle in transaction` an open transaction that waits for the application's next
   * statement.
   */
  meanActiveSessions: { state: string; sessions: number }[];
  /** The same split further by the first words of the session's current or last statement, the largest 15. */
  meanActiveSessionsByStatement: { state: string; statement: string; sessions: number }[];
  /**
   * Share of samples in which a session of the database held an advisory lock. The servers take
   * one per organization for the length of a registration transaction, so with one recipient
   * organization this is the share of time its register was locked.
   */
  advisoryLockHeldFraction: number;
}

/**
 * Samples pg_stat_activity every `intervalMs` for the Công Văn sessions of one database that run
 * a statement or hold a transaction open, a small version of an active session history. The
 * servers name their sessions "congvan <node id>". The profile shows where their transactions
 * spend their time: running, waiting for a lock (the register lock of an organization is an
 * advisory lock), waiting for a WAL flush, or waiting for the application between statements.
 */
export class PostgresWaitSampler {
  readonly #counts = new Map<string, number>();
  readonly #countsByStatement = new Map<string, { state: string; statement: string; total: number }>();
  #samples = 0;
  #samplesWithAdvisoryLock = 0;
  #running = false;
  #loop: Promise<void> | null = null;
  #client: pg.Client | null = null;

  constructor(private readonly superuserUrl: string, private readonly database: string, private readonly intervalMs = 100) {}

  async start(): Promise<void> {
    this.#client = new pg.Client({ connectionString: this.superuserUrl, application_name: 'bench wait sampler' });
    await this.#client.connect();
    this.#running = true;
    this.#loop = this.#run(this.#client);
  }

  async stop(): Promise<WaitProfile> {
    this.#running = false;
    await this.#loop;
    await this.#client?.end();
    this.#client = null;

    const mean = (total: number) => Math.round((total / Math.max(1, this.#samples)) * 1000) / 1000;
    const meanActiveSessions = [...this.#counts].map(([state, total]) => ({ state, sessions: mean(total) })).sort((a, b) => b.sessions - a.sessions);
    const meanActiveSessionsByStatement = [...this.#countsByStatement.values()]
      .map(({ state, statement, total }) => ({ state, statement, sessions: mean(total) }))
      .sort((a, b) => b.sessions - a.sessions)
      .slice(0, 15);

    return {
      samples: this.#samples,
      meanActiveSessions,
      meanActiveSessionsByStatement,
      advisoryLockHeldFraction: Math.round((this.#samplesWithAdvisoryLock / Math.max(1, this.#samples)) * 1000) / 1000,
    };
  }

  async #run(client: pg.Client): Promise<void> {
    while (this.#running) {
      const result = await client.query<{ state: string; statement: string; sessions: number }>(
        `select case when state = 'active' then coalesce(wait_event_type || ':' || wait_event, 'CPU') else state end as state,
                left(coalesce(substring(query from '^\\s*((\\S+\\s+){0,3}\\S+)'), ''), 60) as statement,
                count(*)::int as sessions
           from pg_stat_activity
          where datname = $1 and state in ('active', 'idle in transaction') and application_name like 'congvan %'
          group by 1, 2`,
        [this.database],
      );
      const locks = await client.query<{ held: boolean }>(
        `select exists (select 1 from pg_locks where locktype = 'advisory' and granted and database = (select oid from pg_database where datname = $1)) as held`,
        [this.database],
      );
      this.#samples++;
      if (locks.rows[0]?.held) this.#samplesWithAdvisoryLock++;
      for (const row of result.rows) {
        this.#counts.set(row.state, (this.#counts.get(row.state) ?? 0) + row.sessions);
        const key = `${row.state}\0${row.statement}`;
        const entry = this.#countsByStatement.get(key) ?? { state: row.state, statement: row.statement, total: 0 };
        entry.total += row.sessions;
        this.#countsByStatement.set(key, entry);
      }
      await sleep(this.intervalMs);
    }
  }
}
