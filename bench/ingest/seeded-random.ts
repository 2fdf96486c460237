/**
 * Mulberry32, a small 32-bit pseudo-random generator. The benchmark draws message sizes and
 * padding bytes from it so that two runs with the same seed send byte-identical attachments.
 */
export class SeededRandom {
  #state: number;

  constructor(seed: number) {
    this.#state = seed >>> 0;
  }

  /** Returns an unsigned 32-bit integer. */
  nextUint32(): number {
    this.#state = (this.#state + 0x6d2b79f5) >>> 0;
    let value = this.#state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);

    return (value ^ (value >>> 14)) >>> 0;
  }

  /** Returns an integer in [min, max], both inclusive. */
  integerBetween(min: number, max: number): number {
    return min + (this.nextUint32() % (max - min + 1));
  }

  fillBytes(bytes: Uint8Array): void {
    for (let offset = 0; offset < bytes.length; offset += 4) {
      const value = this.nextUint32();
      bytes[offset] = value & 0xff;
      if (offset + 1 < bytes.length) bytes[offset + 1] = (value >>> 8) & 0xff;
      if (offset + 2 < bytes.length) bytes[offset + 2] = (value >>> 16) & 0xff;
      if (offset + 3 < bytes.length) bytes[offset + 3] = value >>> 24;
    }
  }
}
