/**
 * The candidate nearest to `input` by edit distance, when it is near enough
 * that suggesting it helps ("did you mean alloc?") rather than confuses.
 * Case is ignored, so `Free` suggests `free`.
 */
export function closestWord(input: string, candidates: Iterable<string>): string | undefined {
  const wanted = input.toLowerCase()
  // One slip per three letters, rounded up from five letters on (alocc -> alloc).
  const limit = Math.max(1, Math.floor((input.length + 1) / 3))
  let best: string | undefined
  let bestDistance = limit + 1
  for (const candidate of candidates) {
    if (Math.abs(candidate.length - wanted.length) >= bestDistance) continue
    const d = editDistance(wanted, candidate.toLowerCase())
    if (d < bestDistance) {
      bestDistance = d
      best = candidate
    }
  }
  return best
}

/**
 * Edit distance where inserting, deleting or changing a letter, or swapping
 * two neighbours (`aling` → `align`, the commonest typo), each costs 1
 * (the optimal string alignment distance).
 */
export function editDistance(a: string, b: string): number {
  const width = b.length + 1
  let before = new Array<number>(width).fill(0)
  let previous = Array.from({ length: width }, (_, j) => j)
  let current = new Array<number>(width).fill(0)
  for (let i = 1; i <= a.length; i++) {
    current[0] = i
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1
      let d = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost)
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d = Math.min(d, before[j - 2]! + 1)
      }
      current[j] = d
    }
    ;[before, previous, current] = [previous, current, before]
  }
  return previous[b.length]!
}
