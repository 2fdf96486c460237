export interface Distribution {
  count: number;
  min: number | null;
  median: number | null;
  p95: number | null;
  max: number | null;
}

/** Minimum, median, 95th percentile and maximum, the percentiles by the nearest-rank method (a value that was measured). */
export function describeDistribution(values: number[]): Distribution {
  if (values.length === 0) return { count: 0, min: null, median: null, p95: null, max: null };

  const sorted = [...values].sort((a, b) => a - b);

  return {
    count: sorted.length,
    min: sorted[0]!,
    median: nearestRank(sorted, 0.5),
    p95: nearestRank(sorted, 0.95),
    max: sorted[sorted.length - 1]!,
  };
}

function nearestRank(sorted: number[], fraction: number): number {
  const rank = Math.max(1, Math.ceil(fraction * sorted.length));

  return sorted[rank - 1]!;
}
