import { CODE_STRIDE, type CompiledProgram } from '@shared/scenario/program'
import type { AllocatorFamily, OptionValues } from '../engine/family'
import { FramePool } from '../engine/frame-pool'
import { RequestOutcome } from '../engine/outcome'
import type { ScenarioTarget } from '../engine/target'
import {
  checkpointBytes,
  restoreCheckpoint,
  takeCheckpoint,
  type PoolCheckpoint
} from './pool-checkpoint'

/** A walk through requests one at a time, with the allocator at hand before, between and after. */
export interface ReplayWalk {
  /** The target stands after the walk's first position; no request of the walk has run yet. */
  begin(target: ScenarioTarget): void
  /** Request `step` has just run, with this outcome. */
  visit(step: number, out: RequestOutcome): void
  /** The walk is over (also when it failed half way). */
  end(target: ScenarioTarget): void
}

/**
 * A long replay gives the event loop back after this long at most, checked
 * every RUN_CHUNK requests: a jump half way into a million-request run
 * replays for a second or more, and the window's other questions (the maps,
 * another pane's step) must not wait behind it.
 */
const YIELD_AFTER_MS = 8
const RUN_CHUNK = 1024

/** Fine checkpoints kept behind a position read going backwards: a held ← then replays little. */
const NEARBY = 16

export interface ReplayerOptions {
  /** Requests between two checkpoints (doubles when the budget runs out). */
  readonly checkpointEvery?: number
  /** Most bytes all checkpoints may take together. */
  readonly budgetBytes?: number
  /** Most requests run between two yields to the event loop (a long replay also yields every few milliseconds). */
  readonly sliceRequests?: number
  /** Milliseconds from some origin (performance.now); tests pass a clock of their own. */
  readonly clock?: () => number
}

/**
 * Re-runs the deterministic engine to reach the allocator's exact state after
 * any number of requests: from the nearest checkpoint at or before it, or
 * from where it already stands when that is closer. Checkpoints are taken on
 * the way, so later seeks are short. Going backwards replays from the
 * checkpoint before the goal (up to `checkpointEvery` requests), so on the
 * way it also keeps a few fine checkpoints just behind the goal: the next
 * step back starts from one of them. Long replays yield to the event loop.
 */
export class EngineReplayer {
  private readonly buffer: SharedArrayBuffer
  private target: ScenarioTarget
  private position = 0
  private every: number
  private readonly budget: number
  private readonly slice: number
  private readonly clock: () => number
  private readonly checkpoints: PoolCheckpoint[] = []
  /** The fine checkpoints behind the last backward reads, oldest first (at most NEARBY). */
  private readonly nearby: PoolCheckpoint[] = []
  private readonly out = new RequestOutcome()
  /** Requests run since this replayer was made: what seeking cost, for tests and diagnostics. */
  requestsRun = 0

  constructor(
    private readonly family: AllocatorFamily,
    private readonly values: OptionValues,
    private readonly program: CompiledProgram,
    options: ReplayerOptions = {}
  ) {
    this.every = Math.max(1, options.checkpointEvery ?? 16384)
    this.budget = options.budgetBytes ?? 64 * 1024 * 1024
    this.slice = Math.max(1, options.sliceRequests ?? 65536)
    this.clock = options.clock ?? (() => performance.now())
    const pool = FramePool.create(family.poolBytes(values, program))
    this.buffer = pool.buffer
    this.target = family.create(pool, values, program, true)
    this.checkpoints.push(takeCheckpoint(this.buffer, 0))
  }

  private queue: Promise<unknown> = Promise.resolve()

  /** Read the target standing after `position` requests; calls run one at a time. */
  read<T>(position: number, reader: (target: ScenarioTarget) => T): Promise<T> {
    const next = this.queue.then(async () => reader(await this.after(position)))
    this.queue = next.catch(() => undefined)
    return next
  }

  /**
   * Run requests [from, to) one at a time from the state after `from`, for a
   * window short enough to need no yield; queued with the reads.
   */
  walk(from: number, to: number, walk: ReplayWalk): Promise<void> {
    const next = this.queue.then(async () => {
      const target = await this.after(from)
      const last = Math.max(this.position, Math.min(to, this.program.count))
      const { code, sizes } = this.program
      const out = this.out
      walk.begin(target)
      try {
        for (let i = this.position; i < last; i++) {
          const c = i * CODE_STRIDE
          target.execute(code[c]!, code[c + 1]!, code[c + 2]!, sizes[i]!, out)
          this.position = i + 1
          this.requestsRun++
          walk.visit(i, out)
          if (this.position % this.every === 0) this.keep()
        }
      } finally {
        walk.end(target)
      }
    })
    this.queue = next.catch(() => undefined)
    return next
  }

  private async after(position: number): Promise<ScenarioTarget> {
    const goal = Math.max(0, Math.min(position, this.program.count))
    const backwards = goal < this.position
    const checkpoint = this.nearestCheckpoint(goal)
    if (backwards || checkpoint.position > this.position) {
      restoreCheckpoint(checkpoint, this.buffer)
      this.target = this.family.create(
        FramePool.attach(this.buffer),
        this.values,
        this.program,
        false
      )
      this.position = checkpoint.position
    }
    const fine = this.fine
    // Going backwards: stop at every `fine` requests over the last stretch before the goal.
    const fineFrom = backwards ? goal - NEARBY * fine : Number.POSITIVE_INFINITY
    let yielded = this.position
    let yieldedAt = this.clock()
    while (this.position < goal) {
      let next = Math.min(goal, this.nextCheckpointPosition(), this.position + RUN_CHUNK)
      if (next > fineFrom) next = Math.min(next, Math.max(fineFrom, this.nextFinePosition()))
      this.run(next)
      if (this.position % this.every === 0) this.keep()
      else if (this.position >= fineFrom && this.position % fine === 0) this.keepNearby()
      if (
        this.position < goal &&
        (this.position - yielded >= Math.min(this.slice, this.every) ||
          this.clock() - yieldedAt >= YIELD_AFTER_MS)
      ) {
        yielded = this.position
        await new Promise<void>((resolve) => setImmediate(resolve))
        yieldedAt = this.clock()
      }
    }
    return this.target
  }

  private get fine(): number {
    return Math.max(1, Math.floor(this.every / NEARBY))
  }

  private nextFinePosition(): number {
    return (Math.floor(this.position / this.fine) + 1) * this.fine
  }

  private keepNearby(): void {
    if (this.nearby.some((checkpoint) => checkpoint.position === this.position)) return
    this.nearby.push(takeCheckpoint(this.buffer, this.position))
    if (this.nearby.length > NEARBY) this.nearby.shift()
  }

  /** Memory this replayer holds: its own frame pool and every checkpoint. */
  get bytes(): number {
    return this.buffer.byteLength + this.checkpointBytes
  }

  get checkpointBytes(): number {
    let total = 0
    for (const checkpoint of this.checkpoints) total += checkpointBytes(checkpoint)
    for (const checkpoint of this.nearby) total += checkpointBytes(checkpoint)
    return total
  }

  private run(to: number): void {
    const { code, sizes } = this.program
    const target = this.target
    const out = this.out
    for (let i = this.position; i < to; i++) {
      const c = i * CODE_STRIDE
      target.execute(code[c]!, code[c + 1]!, code[c + 2]!, sizes[i]!, out)
    }
    this.requestsRun += Math.max(0, to - this.position)
    this.position = to
  }

  private nextCheckpointPosition(): number {
    return (Math.floor(this.position / this.every) + 1) * this.every
  }

  private nearestCheckpoint(goal: number): PoolCheckpoint {
    let best = this.checkpoints[0]!
    for (const checkpoint of [...this.checkpoints, ...this.nearby]) {
      if (checkpoint.position <= goal && checkpoint.position > best.position) best = checkpoint
    }
    return best
  }

  private keep(): void {
    if (this.checkpoints.some((checkpoint) => checkpoint.position === this.position)) return
    this.checkpoints.push(takeCheckpoint(this.buffer, this.position))
    if (this.checkpointBytes <= this.budget) return
    // Over budget: keep every other checkpoint and take them half as often.
    this.every *= 2
    const kept = this.checkpoints.filter((checkpoint) => checkpoint.position % this.every === 0)
    this.checkpoints.length = 0
    this.checkpoints.push(...kept)
    this.nearby.length = 0
  }
}
