import { describe, expect, it } from 'vitest'
import { compileScenario } from '../compile'
import { CODE_STRIDE, Op } from '../program'
import { importOpList } from './oplist'

describe('importOpList', () => {
  it('allocates on +n and frees the k-th allocation on -k, counting from 0', () => {
    const { text, diagnostics } = importOpList('+10,-0,+20')
    expect(diagnostics).toEqual([])
    expect(text).toContain('alloc p0 10\nfree p0\nalloc p1 20\n')
    const program = compileScenario(text).program!
    expect(Array.from({ length: 3 }, (_, i) => program.code[i * CODE_STRIDE])).toEqual([
      Op.Alloc,
      Op.Free,
      Op.Alloc
    ])
  })

  it('accepts spaces, line breaks, units and comments between items', () => {
    const { text, diagnostics } = importOpList('+4K, +8  # two blocks\n-1\n+1KiB,\n')
    expect(diagnostics).toEqual([])
    expect(compileScenario(text).program!.sizes).toEqual(new Float64Array([4096, 8, 0, 1024]))
  })

  it('reports every bad item with its line and column and goes on', () => {
    const { diagnostics } = importOpList('+1,x,+2\n-7,-0,-0,+1.5')
    expect(diagnostics.map((d) => [d.code, d.line, d.column])).toEqual([
      ['oplist-bad-item', 1, 4],
      ['oplist-unknown-index', 2, 1],
      ['oplist-already-freed', 2, 7],
      ['oplist-bad-item', 2, 10]
    ])
  })

  it('gives an empty scenario for an empty list', () => {
    const { text, diagnostics } = importOpList('')
    expect(diagnostics).toEqual([])
    expect(compileScenario(text).program!.count).toBe(0)
  })
})
