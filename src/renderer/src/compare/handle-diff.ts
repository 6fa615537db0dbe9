import { handlePlaces, type MapRange } from '@renderer/replay/map-image'

export interface HandleRow {
  readonly handle: string
  /** Offset and length in the left and right pools; null where the handle holds nothing. */
  readonly left: { readonly start: number; readonly length: number } | null
  readonly right: { readonly start: number; readonly length: number } | null
  readonly verdict: 'same' | 'differs' | 'missing'
}

/**
 * Every handle live in either configuration at one step, with where it sits
 * in each: the same place (offset and length), a different one, or live in
 * one of them only. Rows that differ come first, then by name.
 */
export function handleDiff(left: readonly MapRange[], right: readonly MapRange[]): HandleRow[] {
  const a = handlePlaces(left)
  const b = handlePlaces(right)
  const names = [...new Set([...a.keys(), ...b.keys()])]
  const rows = names.map((handle): HandleRow => {
    const l = a.get(handle) ?? null
    const r = b.get(handle) ?? null
    const verdict =
      !l || !r ? 'missing' : l.start === r.start && l.length === r.length ? 'same' : 'differs'
    return { handle, left: l, right: r, verdict }
  })
  const rank = { differs: 0, missing: 1, same: 2 } as const
  return rows.sort(
    (x, y) =>
      rank[x.verdict] - rank[y.verdict] || x.handle.localeCompare(y.handle, 'en', { numeric: true })
  )
}
