/**
 * The textbook op list to scenario text: `+10,-0,+20`. `+N` allocates N bytes
 * (units allowed: `+4K`), `-K` frees the block of the K-th allocation,
 * counting allocations from 0. Items are separated by commas, spaces or line
 * breaks; `#` starts a comment. Allocation K becomes handle pK.
 */
import { diagnostic, type Diagnostic } from '../diagnostic'
import { NumberReader } from '../size'
import { scenarioName, type ImportOptions, type ImportResult } from './import-result'

export function importOpList(list: string, options: ImportOptions = {}): ImportResult {
  const diagnostics: Diagnostic[] = []
  const out = ['# Imported from an op list.', `name ${scenarioName(options.name, 'op list')}`, '']
  const numbers = new NumberReader()
  /** Line of the free of allocation K, or 0 while it is live. */
  const freedOn: number[] = []
  const lines = list.split('\n')
  for (let l = 0; l < lines.length; l++) {
    const text = lines[l]!
    const hash = text.indexOf('#')
    const end = hash < 0 ? text.length : hash
    const pattern = /[^\s,]+/g
    pattern.lastIndex = 0
    for (let match = pattern.exec(text); match && match.index < end; match = pattern.exec(text)) {
      const start = match.index
      const item = match[0].slice(0, end - start)
      const at = [l + 1, start + 1, item.length] as const
      const sign = item[0]
      if ((sign !== '+' && sign !== '-') || !numbers.read(item, 1, item.length, sign === '+')) {
        diagnostics.push(diagnostic('oplist-bad-item', ...at, 'oplistBadItem', { item }))
        continue
      }
      const value = numbers.value
      if (sign === '+') {
        out.push(`alloc p${freedOn.length} ${item.slice(1)}`)
        freedOn.push(0)
      } else if (value >= freedOn.length) {
        diagnostics.push(
          diagnostic('oplist-unknown-index', ...at, 'oplistUnknownIndex', {
            index: value,
            count: freedOn.length
          })
        )
      } else if (freedOn[value]! > 0) {
        diagnostics.push(
          diagnostic('oplist-already-freed', ...at, 'oplistAlreadyFreed', {
            index: value,
            line: freedOn[value]!
          })
        )
      } else {
        freedOn[value] = l + 1
        out.push(`free p${value}`)
      }
    }
  }
  return { text: `${out.join('\n')}\n`, diagnostics }
}
