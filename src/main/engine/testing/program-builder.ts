import {
  CODE_STRIDE,
  Op,
  type CompiledProgram,
  type ScenarioGeometry
} from '@shared/scenario/program'

/** One request for `buildProgram`: opcode, handle name (or undefined), size. */
export type ProgramStep = readonly [op: number, handle: string | undefined, size: number]

/** A CompiledProgram built directly, for engine tests that do not go through the language. */
export function buildProgram(
  steps: readonly ProgramStep[],
  geometry: ScenarioGeometry = {},
  name = 'test'
): CompiledProgram {
  const handles: string[] = []
  const code = new Int32Array(steps.length * CODE_STRIDE)
  const sizes = new Float64Array(steps.length)
  const lines = new Int32Array(steps.length)
  steps.forEach(([op, handle, size], i) => {
    let id = -1
    if (handle !== undefined) {
      id = handles.indexOf(handle)
      if (id < 0) id = handles.push(handle) - 1
    }
    code[i * CODE_STRIDE] = op
    code[i * CODE_STRIDE + 1] = id
    code[i * CODE_STRIDE + 2] = -1
    sizes[i] = size
    lines[i] = i + 1
  })
  return {
    version: 1,
    name,
    description: '',
    geometry,
    count: steps.length,
    code,
    sizes,
    lines,
    handles,
    caches: []
  }
}

/** `count` requests cycling alloc/free over `handles` handles of `size` bytes, built straight into typed arrays. */
export function cyclingProgram(count: number, handles: number, size: number): CompiledProgram {
  const code = new Int32Array(count * CODE_STRIDE)
  const sizes = new Float64Array(count)
  for (let i = 0; i < count; i++) {
    const allocating = Math.floor(i / handles) % 2 === 0
    code[i * CODE_STRIDE] = allocating ? Op.Alloc : Op.Free
    code[i * CODE_STRIDE + 1] = i % handles
    code[i * CODE_STRIDE + 2] = -1
    sizes[i] = allocating ? size : 0
  }
  return {
    version: 1,
    name: 'cycling',
    description: '',
    geometry: {},
    count,
    code,
    sizes,
    lines: new Int32Array(count),
    handles: Array.from({ length: handles }, (_, h) => `h${h}`),
    caches: []
  }
}
