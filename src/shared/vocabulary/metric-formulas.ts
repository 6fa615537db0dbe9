/** The two derived metrics of DESIGN.md §5, computed the same way everywhere. */

/** 1 − largest free / total free, 0 when nothing is free. */
export function externalFragmentation(largestFree: number, freeBytes: number): number {
  // (free − largest) / free rather than 1 − largest / free: exact when the answer is a short fraction.
  return freeBytes > 0 ? (freeBytes - largestFree) / freeBytes : 0
}

/** Peak requested bytes / high-water mark (malloc-lab's measure), 0 before anything was handed out. */
export function utilization(peakRequested: number, highWater: number): number {
  return highWater > 0 ? peakRequested / highWater : 0
}
