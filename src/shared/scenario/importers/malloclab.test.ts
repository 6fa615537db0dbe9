import { describe, expect, it } from 'vitest'
import { compileScenario } from '../compile'
import { importMalloclab } from './malloclab'

describe('importMalloclab', () => {
  it('turns a realloc of an empty id into an alloc, as realloc(NULL, n) is malloc(n)', () => {
    const { text, diagnostics } = importMalloclab('1\n2\nr 0 16\nf 0\n')
    expect(diagnostics.map((d) => d.code)).toEqual(['trace-unknown-id'])
    expect(text).toContain('alloc b0 16\nfree b0')
  })

  it('keeps a leaked block live and gives the new one a fresh handle', () => {
    const { text, diagnostics } = importMalloclab('1\n3\na 0 8\na 0 9\nf 0\n')
    expect(diagnostics.map((d) => d.code)).toEqual(['trace-id-live'])
    expect(text).toContain('alloc b0 8\nalloc b0_1 9\nfree b0_1')
    expect(compileScenario(text).program).toBeDefined()
  })

  it('skips a free of an id that holds nothing, leaving a comment', () => {
    const { text } = importMalloclab('1\n1\nf 3\n')
    expect(text).toContain('# skipped line 3: f 3')
    expect(compileScenario(text).program!.count).toBe(0)
  })

  it('imports a zero-byte malloc, which the language then warns about', () => {
    const { text, diagnostics } = importMalloclab('1\n2\na 0 0\nf 0\n')
    expect(diagnostics).toEqual([])
    expect(compileScenario(text).diagnostics.map((d) => d.code)).toEqual(['size-zero'])
  })

  it('accepts blank lines and Windows line ends', () => {
    const { text, diagnostics } = importMalloclab('1\r\n\r\n2\r\na 0 8\r\n\r\nf 0\r\n')
    expect(diagnostics).toEqual([])
    expect(compileScenario(text).program!.count).toBe(2)
  })

  it('takes the suggested heap size of a four-line header as the arena', () => {
    const { text } = importMalloclab('20000\n1\n1\n1\na 0 8\n')
    expect(compileScenario(text).program!.geometry).toEqual({ arenaBytes: 20000 })
  })

  it('asks for a heap that grows by 4 KiB when the header suggests no size', () => {
    const { text } = importMalloclab('1\n1\na 0 8\n')
    expect(text).toContain('\ngrow 4096\n')
    expect(compileScenario(text).program!.geometry).toEqual({ growBytes: 4096 })
  })

  it('names the scenario after the given name, without comment signs', () => {
    expect(importMalloclab('1\n0\n', { name: 'trace #1' }).text).toContain('name trace  1\n')
  })
})
