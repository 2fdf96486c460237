/**
 * The SMTP transactions this node is storing right now, from the start of DATA to the reply.
 * Processing shares the event loop with acceptance, so it waits while mail is arriving, up to a
 * bound: a sender waits on the 250 reply, whereas a stored message is already safe. This mirrors
 * an MTA that accepts in one process and delivers in others.
 */
export class AcceptanceLoad {
  #inFlight = 0;
  #waiters: (() => void)[] = [];

  begin(): void {
    this.#inFlight += 1;
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
