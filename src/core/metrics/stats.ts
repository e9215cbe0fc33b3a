// Summary statistics over response times. Inputs are ascending-sorted arrays so one sort serves every figure.

type Sorted = ArrayLike<number>;

/**
 * Nearest-rank percentile (the definition most SLA reports use, and the one that always returns an observed
 * value): the smallest value such that at least p % of the values are ≤ it, i.e. sorted[ceil(p/100 × n) − 1].
 * `p` is 0–100 (p90 → 90); p = 0 gives the minimum. Null for an empty input.
 */
export function percentile(sorted: Sorted, p: number): number | null {
  const n = sorted.length;
  if (n === 0 || !(p >= 0 && p <= 100)) return null;
  // p × n first keeps integer inputs exact (0.7 × 10 would round up to rank 8).
  const rank = Math.max(1, Math.ceil((p * n) / 100));
  return sorted[rank - 1]!;
}

/** The conventional median: the middle value, or the mean of the two middle values for an even count. */
export function median(sorted: Sorted): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function mean(values: Sorted): number | null {
  const n = values.length;
  if (n === 0) return null;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  return sum / n;
}

/** A numeric ascending sort without comparator callbacks (typed-array sort is numeric). */
export function sortedCopy(values: readonly number[]): Float64Array {
  const a = Float64Array.from(values);
  a.sort();
  return a;
}
