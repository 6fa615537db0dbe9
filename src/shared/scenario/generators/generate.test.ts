import { describe, expect, it } from 'vitest'
import { compileScenario } from '../compile'
import { CODE_STRIDE, Op, type CompiledProgram } from '../program'
import { generate } from './generate'
import { GENERATOR_KINDS, GeneratorOptionError, type GeneratorKind } from './options'
import { STANDARD_WORKLOADS } from './standard-workloads'

function compileClean(text: string): CompiledProgram {
  const { program, diagnostics } = compileScenario(text)
  expect(diagnostics).toEqual([])
  return program!
}

function opsOf(program: CompiledProgram): number[] {
  return Array.from({ length: program.count }, (_, i) => program.code[i * CODE_STRIDE]!)
}

/** FNV-1a of a text, as 8 hex digits. */
function checksum(text: string): string {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193)
  return (hash >>> 0).toString(16).padStart(8, '0')
}

/** The most handles live at any point of a program. */
function peakLive(program: CompiledProgram): number {
  let live = 0
  let peak = 0
  for (const op of opsOf(program)) {
    if (op === Op.Alloc || op === Op.PageAlloc || op === Op.CacheAlloc)
      peak = Math.max(peak, ++live)
    if (op === Op.Free || op === Op.PageFree || op === Op.CacheFree) live--
  }
  return peak
}

describe('generate', () => {
  it.each(GENERATOR_KINDS)(
    'writes %s scenarios that compile without a single diagnostic',
    (kind) => {
      for (const seed of [1, 2, 99]) compileClean(generate(kind, { seed, count: 300 }))
    }
  )

  it.each(GENERATOR_KINDS)(
    'gives the same %s text for the same seed and a different one for another',
    (kind: GeneratorKind) => {
      const first = generate(kind, { seed: 42, count: 200 })
      expect(generate(kind, { seed: 42, count: 200 })).toBe(first)
      if (kind !== 'fragmentation') expect(generate(kind, { seed: 43, count: 200 })).not.toBe(first)
    }
  )

  it('keeps producing the pinned text, so a change to the generator or PRNG is noticed', () => {
    // Recompute only on purpose: saved scenarios and published results depend on these bytes.
    expect(checksum(generate('random', { seed: 1, count: 1000 }))).toBe('034a7a79')
    expect(checksum(generate('pages', { seed: 1, count: 1000 }))).toBe('a99e8516')
  })

  it('starts with the command that regenerates the scenario', () => {
    const text = generate('random', { seed: 5, count: 10, sizes: 'pow2' })
    expect(text.split('\n')[0]).toBe(
      '# alloclab generate random --seed 5 --count 10 --alloc-share 0.5 --realloc-share 0 --max-live 1000 --sizes pow2 --size-min 16 --size-max 4KiB'
    )
  })

  it('respects max live and the share of allocations in the random generator', () => {
    const program = compileClean(
      generate('random', { seed: 3, count: 20_000, maxLive: 50, allocShare: 0.5 })
    )
    expect(peakLive(program)).toBe(50)
    const allocs = opsOf(program).filter((op) => op === Op.Alloc).length
    expect(allocs / program.count).toBeGreaterThan(0.45)
    expect(allocs / program.count).toBeLessThan(0.55)
  })

  it('draws sizes only inside the range, as powers of two for pow2', () => {
    for (const sizes of ['uniform', 'pow2', 'exponential', 'bimodal'] as const) {
      const program = compileClean(
        generate('random', { seed: 8, count: 2000, sizes, sizeMin: 24, sizeMax: 3000 })
      )
      for (let i = 0; i < program.count; i++) {
        if (program.code[i * CODE_STRIDE] !== Op.Alloc) continue
        const size = program.sizes[i]!
        expect(size).toBeGreaterThanOrEqual(24)
        expect(size).toBeLessThanOrEqual(3000)
        if (sizes === 'pow2') expect(Math.log2(size) % 1).toBe(0)
      }
    }
  })

  it('makes realloc requests when asked to', () => {
    const program = compileClean(generate('random', { seed: 4, count: 500, reallocShare: 0.2 }))
    expect(opsOf(program)).toContain(Op.Realloc)
  })

  it('frees every ramp block in the chosen order', () => {
    const fifo = compileClean(generate('ramp', { seed: 1, count: 4, release: 'fifo' }))
    const lifo = compileClean(generate('ramp', { seed: 1, count: 4, release: 'lifo' }))
    const freed = (p: CompiledProgram): number[] =>
      opsOf(p).flatMap((op, i) => (op === Op.Free ? [p.code[i * CODE_STRIDE + 1]!] : []))
    expect(freed(fifo)).toEqual([0, 1, 2, 3])
    expect(freed(lifo)).toEqual([3, 2, 1, 0])
  })

  it('leaves holes too small for the large requests in the fragmentation adversary', () => {
    const text = generate('fragmentation', { seed: 1, count: 10, sizeMin: 64, sizeMax: 256 })
    expect(text).toContain('arena 1KiB')
    const program = compileClean(text)
    expect(opsOf(program).filter((op) => op === Op.Free)).toHaveLength(5)
    expect(program.sizes[program.count - 1]).toBe(256)
  })

  it('ends slab churn with every cache emptied, shrunk and destroyed', () => {
    const program = compileClean(generate('slab', { seed: 2, count: 500, caches: 2 }))
    const ops = opsOf(program)
    expect(ops.filter((op) => op === Op.CacheCreate)).toHaveLength(2)
    expect(ops.slice(-4)).toEqual([
      Op.CacheShrink,
      Op.CacheDestroy,
      Op.CacheShrink,
      Op.CacheDestroy
    ])
  })

  it('asks only for orders in range in the page generator', () => {
    const program = compileClean(
      generate('pages', { seed: 6, count: 1000, orderMin: 1, orderMax: 3 })
    )
    const orders = new Set<number>()
    for (let i = 0; i < program.count; i++) {
      if (program.code[i * CODE_STRIDE] === Op.PageAlloc) orders.add(program.sizes[i]!)
    }
    expect([...orders].sort()).toEqual([1, 2, 3])
  })

  it('expresses the standard workloads', () => {
    const heap = compileClean(
      generate(STANDARD_WORKLOADS.heap.kind, STANDARD_WORKLOADS.heap.options)
    )
    expect(heap.count).toBe(1_000_000)
    expect(heap.geometry.arenaBytes).toBe(16 * 1024 * 1024)
    expect(peakLive(heap)).toBeLessThanOrEqual(1000)
    const buddy = compileClean(
      generate(STANDARD_WORKLOADS.buddy.kind, STANDARD_WORKLOADS.buddy.options)
    )
    expect(buddy.count).toBe(1_000_000)
    expect(buddy.geometry).toMatchObject({ frames: 65_536, maxOrder: 10 })
    const slab = compileClean(
      generate(STANDARD_WORKLOADS.slab.kind, STANDARD_WORKLOADS.slab.options)
    )
    expect(slab.caches).toHaveLength(1)
    expect(slab.caches[0]!.objectSize).toBe(256)
  })

  it('refuses bad options with a message key naming the option', () => {
    const refusal = (kind: GeneratorKind, options: Parameters<typeof generate>[1]): string => {
      try {
        generate(kind, options)
      } catch (error) {
        if (error instanceof GeneratorOptionError)
          return `${error.messageKey} ${JSON.stringify(error.params)}`
        throw error
      }
      return 'accepted'
    }
    expect(refusal('random', { seed: 1, sizeMin: 100, sizeMax: 10 })).toContain('minAboveMax')
    expect(refusal('random', { seed: 1, allocShare: 1.5 })).toContain('badShare')
    expect(refusal('random', { seed: 1, count: -1 })).toContain('badWhole')
    expect(refusal('random', { seed: 1.5 })).toContain('badSeed')
    expect(refusal('random', { seed: 1, orderMax: 3 })).toContain('notForKind')
    expect(refusal('random', { seed: 1, sizes: 'pow2', sizeMin: 5, sizeMax: 7 })).toContain(
      'noPowerOfTwo'
    )
    expect(refusal('pages', { seed: 1, orderMax: 11, maxOrder: 10 })).toContain('minAboveMax')
  })
})
