import {
  CODE_STRIDE,
  type CacheSpec,
  type CompiledProgram,
  type ScenarioGeometry
} from '@shared/scenario/program'

/** One request as tests write it: opcode, handle id, aux (cache id), size (bytes or order). */
export interface Step {
  readonly op: number
  readonly handle: number
  readonly aux: number
  readonly size: number
}

export function step(op: number, handle = -1, size = 0, aux = -1): Step {
  return { op, handle, aux, size }
}

/** A CompiledProgram over numbered handles h0..h(n-1) and the given caches, for page-family tests. */
export function programOf(
  steps: readonly Step[],
  handleCount: number,
  caches: readonly CacheSpec[] = [],
  geometry: ScenarioGeometry = {}
): CompiledProgram {
  const code = new Int32Array(steps.length * CODE_STRIDE)
  const sizes = new Float64Array(steps.length)
  steps.forEach((request, i) => {
    code[i * CODE_STRIDE] = request.op
    code[i * CODE_STRIDE + 1] = request.handle
    code[i * CODE_STRIDE + 2] = request.aux
    sizes[i] = request.size
  })
  return {
    version: 1,
    name: 'pages-test',
    description: '',
    geometry,
    count: steps.length,
    code,
    sizes,
    lines: new Int32Array(steps.length),
    handles: Array.from({ length: handleCount }, (_, h) => `h${h}`),
    caches
  }
}
