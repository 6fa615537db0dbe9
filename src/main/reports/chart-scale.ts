import type { MetricUnit } from '@shared/vocabulary/metrics'

/**
 * Round tick values covering [min, max]: steps of 1, 2 or 5 times a power of
 * ten, and for bytes in the binary unit that fits (0, 512 KiB, 1 MiB...).
 */
export function niceTicks(min: number, max: number, unit: MetricUnit, count = 5): number[] {
  const low = Math.min(0, min)
  const high = max > low ? max : low + (unit === 'ratio' ? 0.01 : 1)
  const scale = unit === 'bytes' ? binaryScale(Math.max(Math.abs(low), Math.abs(high))) : 1
  const raw = niceStep((high - low) / scale / count) * scale
  // Counts are whole: a tick at 0.5 of a failure means nothing.
  const step = unit === 'count' ? Math.max(1, raw) : raw
  const first = Math.floor(low / step) * step
  const ticks: number[] = []
  for (let value = first; value < high + step * 0.5; value += step) {
    ticks.push(Number(value.toPrecision(12)))
    if (value >= high) break
  }
  return ticks
}

function binaryScale(value: number): number {
  let scale = 1
  while (value >= scale * 1024) scale *= 1024
  return scale
}

function niceStep(raw: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(raw))
  const norm = raw / magnitude
  const factor = norm <= 1 ? 1 : norm <= 2 ? 2 : norm <= 5 ? 5 : 10
  return factor * magnitude
}
