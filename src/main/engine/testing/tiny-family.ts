/**
 * A deliberately small allocator family for engine-glue tests: a bump
 * allocator over a byte arena whose freed space is reused only once every
 * block is free. It exercises every status the runner counts, keeps all of
 * its state in the frame pool, and can be told to break its invariant check
 * or to work slowly (for cancel and crash tests).
 */
import { Op, type CompiledProgram } from '@shared/scenario/program'
import type { AllocatorFamily, FamilyOption, OptionValues } from '../family'
import { FramePool } from '../frame-pool'
import { InvalidReason, Status, type RequestOutcome } from '../outcome'
import { InvariantFailure } from '../invariant-failure'
import { MapState, type MapStateCode, type MetricsSnapshot, type ScenarioTarget } from '../target'

const State = {
  Top: 0,
  RequestedLive: 1,
  Freed: 2,
  Peak: 3,
  HighWater: 4,
  Live: 5,
  Requests: 6
} as const
const STATE_SLOTS = 7

/** `break-at=N`: a test family breaks an invariant after request N (0-based); -1 never. */
export const breakAtOption: FamilyOption = {
  key: 'break-at',
  kind: 'integer',
  default: -1,
  min: -1,
  max: 2 ** 31 - 1,
  descriptionKey: 'engine.testing.breakAt'
}

export const tinyFamily: AllocatorFamily = {
  name: 'tiny',
  kind: 'heap',
  summaryKey: 'engine.testing.tinySummary',
  options: [
    {
      key: 'arena',
      kind: 'size',
      default: 1024,
      min: 1,
      max: 2 ** 30,
      descriptionKey: 'engine.testing.arena'
    },
    {
      key: 'base',
      kind: 'size',
      default: 0,
      min: 0,
      max: 2 ** 40,
      descriptionKey: 'engine.testing.base'
    },
    {
      key: 'order',
      kind: 'choice',
      default: 'addr',
      choices: ['addr', 'front', 'back'],
      descriptionKey: 'engine.testing.order'
    },
    { key: 'reset', kind: 'switch', default: true, descriptionKey: 'engine.testing.reset' },
    {
      key: 'spin',
      kind: 'integer',
      default: 0,
      min: 0,
      max: 1_000_000,
      descriptionKey: 'engine.testing.spin'
    },
    breakAtOption,
    { key: 'hog', kind: 'switch', default: false, descriptionKey: 'engine.testing.hog' }
  ],
  applyGeometry(values, explicit, geometry) {
    const filled: Record<string, number | string | boolean> = { ...values }
    if (!explicit.has('arena') && geometry.arenaBytes !== undefined)
      filled['arena'] = geometry.arenaBytes
    if (!explicit.has('base') && geometry.baseAddress !== undefined)
      filled['base'] = geometry.baseAddress
    return filled
  },
  validate(values) {
    if (values['order'] === 'back' && values['reset'] === false) {
      return { key: 'engine.testing.backNeedsReset', params: { order: 'back' } }
    }
    return undefined
  },
  poolBytes(_values, program) {
    return FramePool.bytesFor([
      STATE_SLOTS * 8,
      program.handles.length * 8,
      program.handles.length * 8
    ])
  },
  create(pool, values, program, fresh) {
    return new TinyTarget(pool, values, program, fresh)
  }
}

class TinyTarget implements ScenarioTarget {
  readonly family = 'tiny'
  private readonly state: Float64Array
  private readonly handleAddr: Float64Array
  private readonly handleSize: Float64Array
  private readonly arena: number
  private readonly base: number
  private readonly reset: boolean
  private readonly spin: number
  private readonly breakAt: number
  private readonly hog: boolean
  /** With `hog=on`, garbage that is never let go, to drive a worker out of memory. */
  private readonly hoard: number[][] = []
  /** Busy work result, kept so the spin loop is not optimised away. */
  sink = 0

  constructor(pool: FramePool, values: OptionValues, program: CompiledProgram, fresh: boolean) {
    const handles = program.handles.length
    this.state = pool.float64(STATE_SLOTS)
    this.handleAddr = pool.float64(handles)
    this.handleSize = pool.float64(handles)
    this.arena = values['arena'] as number
    this.base = values['base'] as number
    this.reset = values['reset'] as boolean
    this.spin = values['spin'] as number
    this.breakAt = values['break-at'] as number
    this.hog = values['hog'] === true
    if (fresh) this.handleAddr.fill(-1)
  }

  execute(op: number, handle: number, _aux: number, size: number, out: RequestOutcome): void {
    out.reset()
    for (let i = 0; i < this.spin; i++) this.sink = (this.sink + i) | 0
    if (this.hog) this.hoard.push(Array.from({ length: 100_000 }, (_, i) => i + 0.5))
    const s = this.state
    s[State.Requests]!++
    if (op === Op.Alloc) this.alloc(handle, size, out)
    else if (op === Op.Free) this.free(handle, out)
    else out.status = Status.NoOp
  }

  private alloc(handle: number, size: number, out: RequestOutcome): void {
    const s = this.state
    out.requested = size
    if (this.handleAddr[handle]! >= 0) {
      out.status = Status.Invalid
      out.invalidReason = InvalidReason.HandleLive
      return
    }
    const top = s[State.Top]!
    if (top + size > this.arena) {
      out.status =
        this.arena - top + s[State.Freed]! >= size ? Status.FailFragmented : Status.FailNoMemory
      out.examined = 1
      return
    }
    this.handleAddr[handle] = top
    this.handleSize[handle] = size
    s[State.Top] = top + size
    s[State.RequestedLive]! += size
    s[State.Live]!++
    s[State.Peak] = Math.max(s[State.Peak]!, s[State.RequestedLive]!)
    s[State.HighWater] = Math.max(s[State.HighWater]!, top + size)
    out.addr = this.base + top
    out.granted = size
    out.examined = 1
  }

  private free(handle: number, out: RequestOutcome): void {
    const s = this.state
    const addr = this.handleAddr[handle]!
    if (addr < 0) {
      out.status = Status.Invalid
      out.invalidReason = InvalidReason.HandleEmpty
      return
    }
    const size = this.handleSize[handle]!
    this.handleAddr[handle] = -1
    s[State.RequestedLive]! -= size
    s[State.Freed]! += size
    s[State.Live]!--
    if (this.reset && s[State.Live] === 0) {
      s[State.Top] = 0
      s[State.Freed] = 0
      out.merges = 1
    }
    out.addr = this.base + addr
    out.granted = size
  }

  metrics(out: MetricsSnapshot): void {
    const s = this.state
    out.poolBytes = this.arena
    out.requestedLive = s[State.RequestedLive]!
    out.allocatedLive = s[State.RequestedLive]!
    out.freeBytes = this.arena - s[State.RequestedLive]!
    out.largestFree = this.arena - s[State.Top]!
    out.freeBlocks = (out.largestFree > 0 ? 1 : 0) + (s[State.Freed]! > 0 ? 1 : 0)
    out.metadataBytes = 0
    out.highWater = s[State.HighWater]!
    out.peakRequested = s[State.Peak]!
    out.liveBlocks = s[State.Live]!
  }

  check(): void {
    const s = this.state
    let live = 0
    let bytes = 0
    for (let h = 0; h < this.handleAddr.length; h++) {
      if (this.handleAddr[h]! < 0) continue
      live++
      bytes += this.handleSize[h]!
    }
    // Told to break: from request break-at on, its live counter reads one too many.
    const broken = this.breakAt >= 0 && s[State.Requests]! > this.breakAt
    const recorded = s[State.Live]! + (broken ? 1 : 0)
    if (live !== recorded) {
      throw new InvariantFailure('heap', 'liveHandles', { counted: live, recorded })
    }
    if (bytes !== s[State.RequestedLive]) {
      throw new InvariantFailure('heap', 'requestedBytes', {
        counted: bytes,
        recorded: s[State.RequestedLive]!
      })
    }
  }

  walk(visit: (start: number, length: number, state: MapStateCode, handle: number) => void): void {
    const top = this.state[State.Top]!
    if (top > 0) visit(0, top, MapState.Used, -1)
    if (top < this.arena) visit(top, this.arena - top, MapState.Free, -1)
  }
}
