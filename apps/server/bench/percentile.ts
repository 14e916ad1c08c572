/**
 * The value below which `share` of `sorted` (ascending) falls, by nearest rank: the smallest
 * value with at least that share of the values at or below it, as HDR histograms answer.
 * @example percentile([1, 2, 3, 4], 0.5) // 2
 */
export function percentile(sorted: ArrayLike<number>, share: number): number {
  if (sorted.length === 0) {
    return Number.NaN
  }
  const rank = Math.max(1, Math.ceil(share * sorted.length))
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN
}
