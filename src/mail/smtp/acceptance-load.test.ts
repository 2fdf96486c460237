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

  it('is busy while more than 50 transactions began within the last second', () => {
    let now = 0;
    const load = new AcceptanceLoad(() => now);

    for (let index = 0; index < 50; index++) {
      load.begin();
      load.end();
      now += 10;
    }
    expect(load.busy).toBe(false);

    load.begin();
    expect(load.busy).toBe(true);

    now += 600;
    expect(load.busy).toBe(false);
  });

  it('lets processing wait out a burst, up to the bound', async () => {
    const load = new AcceptanceLoad();
    for (let index = 0; index < 60; index++) load.begin();

    const started = Date.now();
    await load.whenCalm(120);

    expect(Date.now() - started).toBeGreaterThanOrEqual(110);
    expect(load.busy).toBe(true);
  });

  it('lets processing go on as soon as the burst ends', async () => {
    let now = 0;
    const load = new AcceptanceLoad(() => now);
    for (let index = 0; index < 60; index++) load.begin();

    let calm = false;
    const waiting = load.whenCalm(60_000).then(() => (calm = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calm).toBe(false);

    now += 1_001;
    await waiting;
    expect(calm).toBe(true);
  });

  it('resolves at once when calm or overdue', async () => {
    const load = new AcceptanceLoad();
    load.begin();

    const started = Date.now();
    await load.whenCalm(5_000);
    for (let index = 0; index < 60; index++) load.begin();
    await load.whenCalm(0);

    expect(Date.now() - started).toBeLessThan(50);
  });
});
