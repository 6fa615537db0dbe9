import { describe, expect, it } from 'vitest'
import { compileScenario } from './compile'
import { CODE_STRIDE, Op, type CompiledProgram } from './program'

function compiled(text: string): CompiledProgram {
  const { program, diagnostics } = compileScenario(text)
  expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([])
  return program!
}

/** Each request as [op, handle name or '-', cache name or '-', size]. */
function requests(program: CompiledProgram): [number, string, string, number][] {
  const rows: [number, string, string, number][] = []
  for (let i = 0; i < program.count; i++) {
    const handle = program.code[i * CODE_STRIDE + 1]!
    const cache = program.code[i * CODE_STRIDE + 2]!
    rows.push([
      program.code[i * CODE_STRIDE]!,
      handle < 0 ? '-' : program.handles[handle]!,
      cache < 0 ? '-' : program.caches[cache]!.name,
      program.sizes[i]!
    ])
  }
  return rows
}

describe('compileScenario', () => {
  it('turns heap requests into opcodes, handle ids and byte sizes', () => {
    const program = compiled('alloc a 100\nalloc b 2KiB\nrealloc a 1.5K\nfree a\nfree b\n')
    expect(requests(program)).toEqual([
      [Op.Alloc, 'a', '-', 100],
      [Op.Alloc, 'b', '-', 2048],
      [Op.Realloc, 'a', '-', 1536],
      [Op.Free, 'a', '-', 0],
      [Op.Free, 'b', '-', 0]
    ])
    expect(program.count).toBe(5)
    expect(program.code).toHaveLength(5 * CODE_STRIDE)
  })

  it('reads every unit as a power of 1024 and ignores its case', () => {
    const sizes = ['1B', '1k', '1KiB', '1m', '1MiB', '1G', '1gib', '1_024', '0x400', '2 K']
    const program = compiled(sizes.map((s, i) => `alloc h${i} ${s}`).join('\n'))
    expect(Array.from(program.sizes)).toEqual([
      1,
      1024,
      1024,
      1024 ** 2,
      1024 ** 2,
      1024 ** 3,
      1024 ** 3,
      1024,
      1024,
      2048
    ])
  })

  it('gives a name its id again when it is reused after free', () => {
    const program = compiled('alloc a 1\nfree a\nalloc b 1\nalloc a 2\n')
    expect(program.handles).toEqual(['a', 'b'])
    expect(Array.from(program.code.filter((_, i) => i % CODE_STRIDE === 1))).toEqual([0, 0, 1, 0])
  })

  it('records the source line of every request, skipping comments and directives', () => {
    const program = compiled('# intro\nname x\n\nalloc a 1  # first\n\nfree a\n')
    expect(Array.from(program.lines)).toEqual([4, 6])
  })

  it('stores page requests with their order in the size column', () => {
    const program = compiled('frames 64\nmax-order 5\npages p 3\nfree-pages p\n')
    expect(requests(program)).toEqual([
      [Op.PageAlloc, 'p', '-', 3],
      [Op.PageFree, 'p', '-', 0]
    ])
    expect(program.geometry).toEqual({ frames: 64, maxOrder: 5 })
  })

  it('compiles the slab cache life cycle with cache ids in the aux word', () => {
    const program = compiled(
      [
        'cache inode 600 align 16 ctor 40 dtor 5 pages 2',
        'object i1 inode',
        'free-object i1',
        'shrink inode',
        'destroy inode',
        'cache inode 64',
        'kmalloc k 100',
        'kfree k'
      ].join('\n')
    )
    expect(requests(program)).toEqual([
      [Op.CacheCreate, '-', 'inode', 0],
      [Op.CacheAlloc, 'i1', 'inode', 0],
      [Op.CacheFree, 'i1', 'inode', 0],
      [Op.CacheShrink, '-', 'inode', 0],
      [Op.CacheDestroy, '-', 'inode', 0],
      [Op.CacheCreate, '-', 'inode', 0],
      [Op.Kmalloc, 'k', '-', 100],
      [Op.Kfree, 'k', '-', 0]
    ])
    expect(program.caches).toEqual([
      { name: 'inode', objectSize: 600, align: 16, ctorCost: 40, dtorCost: 5, pagesPerSlab: 2 },
      { name: 'inode', objectSize: 64, align: 8, ctorCost: 0, dtorCost: 0, pagesPerSlab: 0 }
    ])
    expect(program.code[5 * CODE_STRIDE + 2]).toBe(1)
  })

  it('takes name, description and geometry from the header', () => {
    const program = compiled(
      [
        'name First fit meets a hole',
        'description Small blocks first,',
        'description then a large one.',
        'arena 64KiB',
        'base 0x10000',
        'frames 1024',
        'page-size 4K',
        'max-order 10',
        'alloc a 1'
      ].join('\n')
    )
    expect(program.name).toBe('First fit meets a hole')
    expect(program.description).toBe('Small blocks first,\nthen a large one.')
    expect(program.geometry).toEqual({
      arenaBytes: 65536,
      baseAddress: 0x10000,
      frames: 1024,
      pageSize: 4096,
      maxOrder: 10
    })
  })

  it('takes a growing heap from the header, and then does not warn of requests beyond the arena', () => {
    const { program, diagnostics } = compileScenario('arena 4KiB\ngrow 4KiB\nalloc a 8KiB\n')
    expect(program!.geometry).toEqual({ arenaBytes: 4096, growBytes: 4096 })
    expect(diagnostics).toEqual([])
    const fixed = compileScenario('arena 4KiB\nalloc a 8KiB\n')
    expect(fixed.diagnostics.map((d) => d.code)).toEqual(['exceeds-arena'])
  })

  it('compiles an empty text to an empty program', () => {
    const program = compiled('')
    expect(program.count).toBe(0)
    expect(program.geometry).toEqual({})
  })

  it('accepts Windows line ends, tabs and ideographic spaces between words', () => {
    const program = compiled('alloc\ta\u3000100\r\nfree a\r\n')
    expect(requests(program)).toEqual([
      [Op.Alloc, 'a', '-', 100],
      [Op.Free, 'a', '-', 0]
    ])
  })

  it('accepts names in any script', () => {
    expect(compiled('alloc 缓冲区 8\nfree 缓冲区').handles).toEqual(['缓冲区'])
  })

  it('still compiles a mismatched free, as the request it names', () => {
    const { program, diagnostics } = compileScenario('pages p 0\nfree p\n')
    expect(diagnostics.map((d) => d.code)).toEqual(['mismatched-free'])
    expect(requests(program!)[1]).toEqual([Op.Free, 'p', '-', 0])
  })
})
