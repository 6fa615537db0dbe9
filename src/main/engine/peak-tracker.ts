import { CODE_STRIDE, Op, type CompiledProgram } from '@shared/scenario/program'
import type { FailedRequest, Peak, RunPeaks } from '@shared/vocabulary/run-summary'
import { externalFragmentation } from '@shared/vocabulary/metric-formulas'
import { Status, type RequestOutcome } from './outcome'
import type { MetricsSnapshot } from './target'

/** A figure's highest value so far and the first request after which it had it. */
class PeakCell {
  value = 0
  step = -1

  offer(value: number, step: number): void {
    if (value > this.value) {
      this.value = value
      this.step = step
    }
  }

  peak(): Peak {
    return { value: this.value, step: this.step }
  }
}

/**
 * Keeps the peaks a run summary reports (RunPeaks) while the runner goes.
 *
 * Live bytes follow the handle table the way the timeline's metric columns
 * do (what each live handle was granted and asked for), so a summary's peak
 * is the highest point of the chart the window draws. That costs a few array
 * writes per request, so only the watched path (recording or checking) pays
 * for it; the bare engine loop looks at the target's own figures at its
 * progress points instead, and the strides say how often each kind of figure
 * was seen.
 */
export class PeakTracker {
  private readonly requestedLive = new PeakCell()
  private readonly allocatedLive = new PeakCell()
  private readonly internalFragmentation = new PeakCell()
  private readonly externalFragmentation = new PeakCell()
  private readonly freeBlocks = new PeakCell()
  private readonly metadataBytes = new PeakCell()
  private largestFailed: FailedRequest | null = null

  private readonly code: Int32Array
  private readonly heldRequested: Float64Array
  private readonly heldGranted: Float64Array
  private readonly held: Uint8Array
  private requested = 0
  private allocated = 0
  /** Whether every request went through `afterRequest`: live peaks are then exact. */
  private everyRequest = true
  private liveStride = 1
  private structureStride = 1
  private lastLiveLook = 0
  private lastStructureLook = 0

  constructor(program: CompiledProgram) {
    this.code = program.code
    const handles = program.handles.length
    this.heldRequested = new Float64Array(handles)
    this.heldGranted = new Float64Array(handles)
    this.held = new Uint8Array(handles)
  }

  /** The watched path: called after every request, in order. */
  afterRequest(step: number, out: RequestOutcome): void {
    const status = out.status
    if (status !== Status.Ok) {
      if (status === Status.FailNoMemory || status === Status.FailFragmented)
        this.failed(step, out.requested, status)
      return
    }
    const c = step * CODE_STRIDE
    const op = this.code[c]!
    const handle = this.code[c + 1]!
    if (handle < 0 || handle >= this.held.length) return
    const releases = isRelease(op) || op === Op.Realloc
    if (releases && this.held[handle] === 1) {
      this.requested -= this.heldRequested[handle]!
      this.allocated -= this.heldGranted[handle]!
      this.held[handle] = 0
    }
    if (isAcquire(op) || op === Op.Realloc) {
      this.heldRequested[handle] = out.requested
      this.heldGranted[handle] = out.granted
      this.held[handle] = 1
      this.requested += out.requested
      this.allocated += out.granted
      this.requestedLive.offer(this.requested, step)
      this.allocatedLive.offer(this.allocated, step)
      this.internalFragmentation.offer(this.allocated - this.requested, step)
    }
  }

  /** The bare engine loop saw a failure (it tracks no handles, but failures are rare). */
  failed(step: number, bytes: number, status: number): void {
    if (this.largestFailed === null || bytes > this.largestFailed.bytes) {
      const cause = status === Status.FailNoMemory ? 'no-memory' : 'fragmented'
      this.largestFailed = { bytes, step, cause }
    }
  }

  /**
   * The allocator's figures after `position` requests (a timeline sample or a
   * progress point); `live` when its live bytes are to be taken from here too
   * (the bare loop, which does not follow handles). The strides are the
   * widest gaps between two looks.
   */
  lookAt(snapshot: MetricsSnapshot, position: number, live: boolean): void {
    if (position === 0) return
    const step = position - 1
    this.externalFragmentation.offer(
      externalFragmentation(snapshot.largestFree, snapshot.freeBytes),
      step
    )
    this.freeBlocks.offer(snapshot.freeBlocks, step)
    this.metadataBytes.offer(snapshot.metadataBytes, step)
    this.structureStride = Math.max(this.structureStride, position - this.lastStructureLook)
    this.lastStructureLook = position
    if (live) {
      this.everyRequest = false
      this.requestedLive.offer(snapshot.requestedLive, step)
      this.allocatedLive.offer(snapshot.allocatedLive, step)
      this.internalFragmentation.offer(snapshot.allocatedLive - snapshot.requestedLive, step)
      this.liveStride = Math.max(this.liveStride, position - this.lastLiveLook)
      this.lastLiveLook = position
    }
  }

  peaks(): RunPeaks {
    return {
      requestedLive: this.requestedLive.peak(),
      allocatedLive: this.allocatedLive.peak(),
      internalFragmentation: this.internalFragmentation.peak(),
      externalFragmentation: this.externalFragmentation.peak(),
      freeBlocks: this.freeBlocks.peak(),
      metadataBytes: this.metadataBytes.peak(),
      strides: { live: this.everyRequest ? 1 : this.liveStride, structures: this.structureStride }
    }
  }

  largestFailedRequest(): FailedRequest | null {
    return this.largestFailed
  }
}

function isAcquire(op: number): boolean {
  return op === Op.Alloc || op === Op.Kmalloc || op === Op.PageAlloc || op === Op.CacheAlloc
}

function isRelease(op: number): boolean {
  return op === Op.Free || op === Op.Kfree || op === Op.PageFree || op === Op.CacheFree
}
