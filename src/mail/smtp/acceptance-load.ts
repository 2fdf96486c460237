// Acceptance is busy while more transactions than this began within the last second. A
// province's steady traffic stays far below it (the benchmark's paced phase sends 20 a second);
// a burst of bulk mail passes it.
const BUSY_TRANSACTIONS_PER_SECOND = 50;
const WINDOW_MS = 1_000;
const CALM_POLL_MS = 50;

/**
 * The SMTP transactions this node is storing right now, from the start of DATA to the reply.
 * Processing shares the event loop with acceptance, so it gives way while mail is arriving, up to
 * a bound: a sender waits on the 250 reply, whereas a stored message is already safe. This
 * mirrors an MTA that accepts in one process and delivers in others.
 */
export class AcceptanceLoad {
  #inFlight = 0;
  #waiters: (() => void)[] = [];
  // Start times of the transactions that began within the last WINDOW_MS, oldest first.
  #recentBegins: number[] = [];

  constructor(private readonly now: () => number = () => performance.now()) {}

  begin(): void {
    this.#inFlight += 1;
    this.#recentBegins.push(this.now());
    this.#forgetOldBegins();
  }

  /** Whether more than BUSY_TRANSACTIONS_PER_SECOND transactions began within the last second. */
  get busy(): boolean {
    this.#forgetOldBegins();

    return this.#recentBegins.length > BUSY_TRANSACTIONS_PER_SECOND;
  }

  /**
   * Resolves once acceptance is no longer busy, or after `maxWaitMs` at the latest. During a
   * burst, processing waits until the burst ends or the message has waited as long as its
   * caller allows, so a flood of mail longer than that is still processed as it arrives.
   */
  whenCalm(maxWaitMs: number): Promise<void> {
    if (!this.busy || maxWaitMs <= 0) return Promise.resolve();

    const deadline = this.now() + maxWaitMs;
    return new Promise((resolve) => {
      const check = () => {
        const remaining = deadline - this.now();
        if (!this.busy || remaining <= 0) {
          resolve();
          return;
        }
        setTimeout(check, Math.min(CALM_POLL_MS, remaining));
      };
      check();
    });
  }

  #forgetOldBegins(): void {
    const horizon = this.now() - WINDOW_MS;
    let expired = 0;
    while (expired < this.#recentBegins.length && this.#recentBegins[expired]! <= horizon) expired++;
    if (expired > 0) this.#recentBegins.splice(0, expired);
  }

  end(): void {
    this.#inFlight = Math.max(0, this.#inFlight - 1);
    if (this.#inFlight > 0) return;

    for (const wake of this.#waiters.splice(0)) wake();
  }

  get inFlight(): number {
    return this.#inFlight;
  }

  /** Resolves when no transaction is being stored, or after `maxWaitMs` at the latest. */
  whenQuiet(maxWaitMs: number): Promise<void> {
    if (this.#inFlight === 0) return Promise.resolve();

    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((waiter) => waiter !== done);
        resolve();
      }, maxWaitMs);
      const done = () => {
        clearTimeout(timer);
        resolve();
      };
      this.#waiters.push(done);
    });
  }
}
