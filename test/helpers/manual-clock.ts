import type { Clock } from '../../src/platform/clock.js';

/** A clock a test moves by hand, shared by every node of the test. */
export class ManualClock implements Clock {
  constructor(public current = new Date('2026-12-04T02:00:00Z')) {}

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current = new Date(this.current.getTime() + ms);
  }
}
