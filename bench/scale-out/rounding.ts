import type { Distribution } from '../ingest/statistics.js';

/** Rounds to `digits` decimal places, for figures in reports. */
export function round(value: number, digits = 1): number {
  const factor = 10 ** digits;

  return Math.round(value * factor) / factor;
}

export function roundDistribution(distribution: Distribution, digits = 1): Distribution {
  const roundOrNull = (value: number | null) => (value === null ? null : round(value, digits));

  return {
    count: distribution.count,
    min: roundOrNull(distribution.min),
    median: roundOrNull(distribution.median),
    p95: roundOrNull(distribution.p95),
    max: roundOrNull(distribution.max),
  };
}
