import type { StructuralDetail } from '@shared/run-schemas'
import type { EngineReplayer } from './engine-replayer'
import { installStructureTrace, StructureCollector } from './structure-trace'
import type { TimelineReader } from './timeline-reader'

/**
 * Which blocks each request of [from, to) cut or joined, index = step - from.
 * The timeline keeps only how many splits and merges a request made (the
 * blocks themselves would push it past 32 bytes per event), so the engine
 * replays the requests that made any, with a trace installed: exact for every
 * option, and nothing paid by runs that are only recorded.
 */
export async function explainStructure(
  reader: TimelineReader,
  replayer: EngineReplayer,
  from: number,
  to: number
): Promise<StructuralDetail[][]> {
  const details: StructuralDetail[][] = []
  for (let step = from; step < to; step++) details.push([])
  const splitMerge = reader.timeline.splitMerge
  let first = from
  while (first < to && splitMerge[first] === 0) first++
  let last = to
  while (last > first && splitMerge[last - 1] === 0) last--
  if (first === last) return details
  const collector = new StructureCollector()
  await replayer.walk(first, last, {
    begin: (target) => {
      installStructureTrace(target, collector)
    },
    visit: (step) => {
      details[step - from] = collector.take()
    },
    end: (target) => {
      installStructureTrace(target, null)
    }
  })
  return details
}
