import { CODE_STRIDE, Op, type CompiledProgram } from '@shared/scenario/program'
import type { OstepHeap } from '@shared/ostep/malloc-py-run'
import { parseAllocatorSpec, resolveAllocatorValues } from '../engine/allocator-spec'
import { allFamilies } from '../engine/families'
import { FramePool } from '../engine/frame-pool'
import { HeapTarget } from '../engine/heap'
import { RequestOutcome, Status } from '../engine/outcome'

/**
 * The engine's heap behind malloc.py's calls: a heap target of `spec`, run in
 * this thread one request at a time, as malloc.py calls malloc and free one
 * at a time. Handles are p0, p1, ... (one per allocation malloc.py makes); the
 * pool is sized for `allocations` of them. Throws SpecError for a bad spec.
 */
export function engineOstepHeap(
  spec: string,
  allocations: number
): OstepHeap & { target: HeapTarget } {
  const parsed = parseAllocatorSpec(spec, allFamilies)
  const program = allocationProgram(allocations)
  const values = resolveAllocatorValues(parsed, program.geometry)
  const pool = FramePool.create(parsed.family.poolBytes(values, program))
  const target = parsed.family.create(pool, values, program, true)
  if (!(target instanceof HeapTarget)) throw new TypeError(`${spec} is not a heap`)
  const out = new RequestOutcome()
  const id = (handle: string): number => Number(handle.slice(1))
  return {
    target,
    malloc(handle, size) {
      target.execute(Op.Alloc, id(handle), -1, size, out)
      return { addr: out.status === Status.Ok ? out.addr : -1, searched: out.examined }
    },
    free(handle) {
      target.execute(Op.Free, id(handle), -1, 0, out)
    },
    freeList: () => target.freeList()
  }
}

/** The program a heap is sized by: `count` allocations into handles p0..p(count-1). */
function allocationProgram(count: number): CompiledProgram {
  const code = new Int32Array(count * CODE_STRIDE)
  for (let i = 0; i < count; i++) {
    code[i * CODE_STRIDE] = Op.Alloc
    code[i * CODE_STRIDE + 1] = i
    code[i * CODE_STRIDE + 2] = -1
  }
  return {
    version: 1,
    name: 'malloc.py',
    description: '',
    geometry: {},
    count,
    code,
    sizes: new Float64Array(count),
    lines: new Int32Array(count),
    handles: Array.from({ length: count }, (_, i) => `p${i}`),
    caches: []
  }
}
