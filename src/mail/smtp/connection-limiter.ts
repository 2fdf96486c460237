/** Counts open connections per client address and refuses more than the limit. */
export class ConnectionLimiter {
  readonly #open = new Map<string, number>();

  constructor(private readonly limit: number) {}

  tryOpen(address: string): boolean {
    const count = this.#open.get(address) ?? 0;
    if (count >= this.limit) return false;

    this.#open.set(address, count + 1);
    return true;
  }

  close(address: string): void {
    const count = (this.#open.get(address) ?? 1) - 1;
    if (count <= 0) this.#open.delete(address);
    else this.#open.set(address, count);
  }
}
