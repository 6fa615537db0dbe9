import { Op } from '@shared/scenario/program'
import { BuddyTarget } from '../engine/buddy'
import { FrameState } from '../engine/buddy/frame-state'
import { HeapTarget } from '../engine/heap'
import { Status, type RequestOutcome } from '../engine/outcome'
import { SlabTarget } from '../engine/slab'
import { MetricsSnapshot, type ScenarioTarget } from '../engine/target'
import { EventFlag, type MapGeometry } from './timeline-format'

const OpCodes = { ...Op }
const OK = Status.Ok
const SLAB_HEAD = FrameState.Slab

/**
 * What the recorder needs to know about a target: the map geometry the host
 * will derive changes with, and per request the extra flag bits (is the block
 * a slab object; is the change beyond what the record implies).
 */
export interface RecordHooks {
  readonly geometry: MapGeometry
  /** Page size for deriving frames from addresses, 0 when frames do not apply. */
  readonly pageBytes: number
  flagsFor(op: number, out: RequestOutcome): number
}

export function recordHooksFor(target: ScenarioTarget): RecordHooks {
  if (target instanceof HeapTarget) {
    const heap = target.heap
    const config = heap.config
    const inband = config.meta === 'inband'
    // Growth moves the break and list merges join blocks the map cannot tell apart: keyframe both.
    let heapBytes = heap.heapBytes
    const listMerge = config.coalesce && config.listMerge
    return {
      geometry: {
        kind: 'heap',
        baseAddress: config.baseAddress,
        arenaBytes: heap.mapBytes,
        frontTag: inband ? config.headerBytes - config.wordBytes : config.headerBytes,
        backTag: inband ? config.wordBytes : 0,
        coalesce: config.coalesce && !config.listMerge,
        prologue: config.prologueBytes,
        epilogue: config.epilogueBytes
      },
      pageBytes: 0,
      flagsFor: (_op, out) => {
        if (heap.heapBytes !== heapBytes) {
          heapBytes = heap.heapBytes
          return EventFlag.OPAQUE
        }
        return listMerge && out.status === OK && out.merges > 0 ? EventFlag.OPAQUE : 0
      }
    }
  }
  if (target instanceof BuddyTarget) {
    const pageBytes = target.pageSize
    return {
      geometry: { kind: 'pages', poolBytes: target.zone.frames * pageBytes, pageBytes },
      pageBytes,
      flagsFor: () => 0
    }
  }
  if (target instanceof SlabTarget) {
    const pageBytes = target.pageSize
    const frameState = target.zone.state
    return {
      geometry: { kind: 'slab', poolBytes: target.zone.frames * pageBytes, pageBytes },
      pageBytes,
      flagsFor: (op, out) => {
        if (out.status !== OK) return 0
        if (
          out.slabsGrown > 0 ||
          out.slabsReaped > 0 ||
          op === OpCodes.Realloc ||
          op === OpCodes.CacheCreate ||
          op === OpCodes.CacheShrink ||
          op === OpCodes.CacheDestroy
        ) {
          return EventFlag.OPAQUE
        }
        return out.frame >= 0 && frameState[out.frame] === SLAB_HEAD ? EventFlag.OBJECT : 0
      }
    }
  }
  const snapshot = new MetricsSnapshot()
  target.metrics(snapshot)
  return {
    geometry: { kind: 'opaque', poolBytes: snapshot.poolBytes },
    pageBytes: 0,
    flagsFor: (_op, out) => (out.status === OK ? EventFlag.OPAQUE : 0)
  }
}
