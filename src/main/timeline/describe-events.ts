import type { STRUCTURAL_COUNT_KINDS, StructuralDetail } from '@shared/run-schemas'
import { CODE_STRIDE } from '@shared/scenario/program'
import { opTakesBytes, opTakesOrder, opWord } from '../engine/op-names'
import { Status } from '../engine/outcome'
import { INVALID_REASON_NAMES, statusWord } from '../engine/run-report'
import { emptyEvent, type TimelineReader } from './timeline-reader'

type StructuralKind = (typeof STRUCTURAL_COUNT_KINDS)[number]

/**
 * Requests [from, to) as plain records: the request, its outcome, its cost and
 * its structural events: the counts, then `details[step - from]` (the blocks
 * cut or joined, see explain-structure.ts) when given.
 */
export function describeEvents(
  reader: TimelineReader,
  from: number,
  to: number,
  details: readonly (readonly StructuralDetail[])[] = []
) {
  const program = reader.program
  const event = emptyEvent()
  const records = []
  for (let step = from; step < to; step++) {
    const c = step * CODE_STRIDE
    const op = program.code[c]!
    const handle = program.code[c + 1]!
    const aux = program.code[c + 2]!
    const e = reader.decode(step, event)
    const structural: ({ kind: StructuralKind; count: number } | StructuralDetail)[] = []
    const note = (kind: StructuralKind, count: number): void => {
      if (count !== 0) structural.push({ kind, count })
    }
    note('split', e.splits)
    note('merge', e.merges)
    note('slabGrown', e.slabsGrown)
    note('slabReaped', e.slabsReaped)
    note('ctorCalls', e.ctorCalls)
    note('ctorSaved', e.ctorSaved)
    note('copied', e.copied)
    for (const detail of details[step - from] ?? []) structural.push(detail)
    records.push({
      step,
      line: program.lines[step] ?? 0,
      op: opWord(op),
      handle: handle >= 0 ? (program.handles[handle] ?? `#${handle}`) : null,
      cache: aux >= 0 ? (program.caches[aux]?.name ?? `#${aux}`) : null,
      size: opTakesBytes(op) || opTakesOrder(op) ? program.sizes[step]! : 0,
      status: statusWord(e.status),
      reason:
        e.status === Status.Invalid ? (INVALID_REASON_NAMES[e.invalidReason] ?? 'none') : null,
      addr: e.addr,
      frame: e.frame,
      requested: e.requested,
      granted: e.granted,
      cost: {
        examined: e.examined,
        splits: e.splits,
        merges: e.merges,
        ctorCalls: e.ctorCalls,
        ctorSaved: e.ctorSaved,
        workUnits: e.workUnits,
        copied: e.copied
      },
      structural
    })
  }
  return records
}
