import { describe, expect, it } from 'vitest';
import { AcceptanceLoad } from './acceptance-load.js';

describe('acceptance load', () => {
  it('resolves at once when nothing is arriving', async () => {
    const load = new AcceptanceLoad();

    const started = Date.now();
    await load.whenQuiet(1_000);

    expect(Date.now() - started).toBeLessThan(50);
  });

  it('waits for the last transaction in flight to end', async () => {
    const load = new AcceptanceLoad();
    load.begin();
    load.begin();

    let quiet = false;
    const waiting = load.whenQuiet(5_000).then(() => (quiet = true));
    load.end();
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(quiet).toBe(false);

    load.end();
    await waiting;
    expect(quiet).toBe(true);
    expect(load.inFlight).toBe(0);
  });

  it('gives up waiting after the bound', async () => {
    const load = new AcceptanceLoad();
    load.begin();

    const started = Date.now();
    await load.whenQuiet(60);

    expect(Date.now() - started).toBeGreaterThanOrEqual(55);
    expect(load.inFlight).toBe(1);
  });
});
