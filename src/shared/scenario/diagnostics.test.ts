import { describe, expect, it } from 'vitest'
import { compileScenario } from './compile'
import { DIAGNOSTIC_CODES, DIAGNOSTIC_SEVERITY, type Diagnostic } from './diagnostic'
import { importMalloclab } from './importers/malloclab'
import { importOpList } from './importers/oplist'
import { renderDiagnostic } from './render-diagnostic'

interface Golden {
  readonly source: 'scenario' | 'malloclab' | 'oplist'
  readonly input: string
  readonly code: Diagnostic['code']
  readonly line: number
  readonly column: number
  readonly length?: number
  /** A word the English message must contain (the fix it suggests, the name it blames). */
  readonly mentions?: string
}

/** One or more cases per code: input, and where the diagnostic must point. */
const GOLDEN: readonly Golden[] = [
  {
    source: 'scenario',
    input: 'aloc a 10',
    code: 'unknown-keyword',
    line: 1,
    column: 1,
    length: 4,
    mentions: '"alloc"'
  },
  {
    source: 'scenario',
    input: 'zzzzzz a 10',
    code: 'unknown-keyword',
    line: 1,
    column: 1,
    length: 6
  },
  {
    source: 'scenario',
    input: 'Free a',
    code: 'unknown-keyword',
    line: 1,
    column: 1,
    mentions: '"free"'
  },
  {
    source: 'scenario',
    input: 'alloc a',
    code: 'missing-argument',
    line: 1,
    column: 7,
    mentions: 'alloc a 100'
  },
  {
    source: 'scenario',
    input: 'alloc 100',
    code: 'missing-argument',
    line: 1,
    column: 7,
    mentions: 'handle'
  },
  {
    source: 'scenario',
    input: 'cache c 64 ctor',
    code: 'missing-argument',
    line: 1,
    column: 12,
    mentions: 'ctor 8'
  },
  { source: 'scenario', input: 'free a b', code: 'extra-argument', line: 1, column: 8, length: 1 },
  {
    source: 'scenario',
    input: 'alloc a 1 2 3',
    code: 'extra-argument',
    line: 1,
    column: 11,
    length: 3
  },
  { source: 'scenario', input: 'alloc 1x 5', code: 'bad-name', line: 1, column: 7, length: 2 },
  { source: 'scenario', input: 'alloc a 12x4', code: 'bad-number', line: 1, column: 9, length: 4 },
  {
    source: 'scenario',
    input: 'pages p 2K',
    code: 'bad-number',
    line: 1,
    column: 9,
    mentions: 'no unit'
  },
  {
    source: 'scenario',
    input: 'alloc a 16KB',
    code: 'bad-unit',
    line: 1,
    column: 9,
    length: 4,
    mentions: 'KiB'
  },
  { source: 'scenario', input: 'alloc a 16 kg', code: 'extra-argument', line: 1, column: 12 },
  { source: 'scenario', input: 'alloc a 1.3K', code: 'fractional-bytes', line: 1, column: 9 },
  {
    source: 'scenario',
    input: 'alloc a 2048GiB',
    code: 'out-of-range',
    line: 1,
    column: 9,
    mentions: '1TiB'
  },
  { source: 'scenario', input: 'alloc a -5', code: 'out-of-range', line: 1, column: 9 },
  { source: 'scenario', input: 'frames 0', code: 'out-of-range', line: 1, column: 8 },
  { source: 'scenario', input: 'cache c 0', code: 'out-of-range', line: 1, column: 9 },
  {
    source: 'scenario',
    input: 'page-size 3000',
    code: 'not-power-of-two',
    line: 1,
    column: 11,
    mentions: '2048'
  },
  {
    source: 'scenario',
    input: 'cache c 64 align 3',
    code: 'not-power-of-two',
    line: 1,
    column: 18
  },
  {
    source: 'scenario',
    input: 'cache c 64 aling 8',
    code: 'unknown-option',
    line: 1,
    column: 12,
    mentions: '"align"'
  },
  {
    source: 'scenario',
    input: 'cache c 64 ctor 1 ctor 2',
    code: 'duplicate-option',
    line: 1,
    column: 19
  },
  {
    source: 'scenario',
    input: 'arena 1M\narena 2M',
    code: 'duplicate-directive',
    line: 2,
    column: 1,
    mentions: 'line 1'
  },
  {
    source: 'scenario',
    input: 'alloc a 1\nname Late',
    code: 'directive-after-request',
    line: 2,
    column: 1,
    mentions: 'line 1'
  },
  { source: 'scenario', input: 'alloc a 1\nfree b', code: 'unknown-handle', line: 2, column: 6 },
  {
    source: 'scenario',
    input: 'alloc buf 1\nfree bug',
    code: 'unknown-handle',
    line: 2,
    column: 6,
    mentions: '"buf"'
  },
  { source: 'scenario', input: 'realloc a 5', code: 'unknown-handle', line: 1, column: 9 },
  {
    source: 'scenario',
    input: 'alloc a 1\nfree a\nfree a',
    code: 'handle-freed',
    line: 3,
    column: 6,
    mentions: 'line 2'
  },
  {
    source: 'scenario',
    input: 'alloc a 1\nfree a\nrealloc a 4',
    code: 'handle-freed',
    line: 3,
    column: 9
  },
  {
    source: 'scenario',
    input: 'alloc a 1\nalloc a 2',
    code: 'handle-live',
    line: 2,
    column: 7,
    mentions: 'free a'
  },
  {
    source: 'scenario',
    input: 'pages p 1\nrealloc p 8',
    code: 'cannot-realloc',
    line: 2,
    column: 9
  },
  {
    source: 'scenario',
    input: 'object o inode',
    code: 'unknown-cache',
    line: 1,
    column: 10,
    length: 5
  },
  {
    source: 'scenario',
    input: 'cache inode 64\nshrink inodes',
    code: 'unknown-cache',
    line: 2,
    column: 8,
    mentions: '"inode"'
  },
  { source: 'scenario', input: 'cache c 64\ncache c 32', code: 'cache-exists', line: 2, column: 7 },
  {
    source: 'scenario',
    input: 'cache c 64\ndestroy c\nobject o c',
    code: 'cache-destroyed',
    line: 3,
    column: 10
  },
  {
    source: 'scenario',
    input: 'cache c 64\nobject o c\ndestroy c',
    code: 'cache-busy',
    line: 3,
    column: 9,
    mentions: '"o"'
  },
  { source: 'scenario', input: 'alloc a 0', code: 'size-zero', line: 1, column: 9 },
  {
    source: 'scenario',
    input: 'kmalloc k 1\nfree k',
    code: 'mismatched-free',
    line: 2,
    column: 1,
    mentions: 'kfree k'
  },
  { source: 'scenario', input: 'arena 1K\nalloc a 2K', code: 'exceeds-arena', line: 2, column: 9 },
  { source: 'scenario', input: 'pages p 11', code: 'exceeds-max-order', line: 1, column: 9 },
  {
    source: 'scenario',
    input: 'max-order 4\npages p 5',
    code: 'exceeds-max-order',
    line: 2,
    column: 9
  },
  { source: 'malloclab', input: '6\n12\n1\na 0 8\n', code: 'trace-bad-header', line: 1, column: 1 },
  { source: 'malloclab', input: '1\n1\nx 0 8\n', code: 'trace-bad-line', line: 3, column: 1 },
  { source: 'malloclab', input: '1\n1\na 0\n', code: 'trace-bad-line', line: 3, column: 3 },
  {
    source: 'malloclab',
    input: '1\n1\na zero 8\n',
    code: 'trace-bad-line',
    line: 3,
    column: 3,
    length: 4
  },
  { source: 'malloclab', input: '1\n1\na 0 -8\n', code: 'trace-bad-line', line: 3, column: 5 },
  {
    source: 'malloclab',
    input: '1\n3\na 0 8\nf 0\n',
    code: 'trace-count-mismatch',
    line: 2,
    column: 1
  },
  {
    source: 'malloclab',
    input: '1\n2\nf 0\na 0 8\n',
    code: 'trace-unknown-id',
    line: 3,
    column: 3
  },
  { source: 'malloclab', input: '1\n2\na 0 8\na 0 9\n', code: 'trace-id-live', line: 4, column: 3 },
  { source: 'oplist', input: '+10,*3', code: 'oplist-bad-item', line: 1, column: 5, length: 2 },
  { source: 'oplist', input: '+10,\n+20, -2', code: 'oplist-unknown-index', line: 2, column: 6 },
  { source: 'oplist', input: '+10,-0,-0', code: 'oplist-already-freed', line: 1, column: 8 }
]

function diagnose(golden: Golden): readonly Diagnostic[] {
  switch (golden.source) {
    case 'scenario':
      return compileScenario(golden.input).diagnostics
    case 'malloclab':
      return importMalloclab(golden.input).diagnostics
    case 'oplist':
      return importOpList(golden.input).diagnostics
  }
}

describe('diagnostics', () => {
  it.each(GOLDEN)('$source "$input" reports $code at $line:$column', (golden) => {
    const found = diagnose(golden).find((d) => d.code === golden.code)
    expect(found, JSON.stringify(diagnose(golden))).toBeDefined()
    expect([found!.line, found!.column]).toEqual([golden.line, golden.column])
    if (golden.length !== undefined) expect(found!.length).toBe(golden.length)
    expect(found!.severity).toBe(DIAGNOSTIC_SEVERITY[golden.code])
    if (golden.mentions) expect(renderDiagnostic(found!, 'en')).toContain(golden.mentions)
  })

  it('has a golden case for every diagnostic code', () => {
    const covered = new Set(GOLDEN.map((g) => g.code))
    expect(DIAGNOSTIC_CODES.filter((code) => !covered.has(code))).toEqual([])
  })

  it('renders every golden diagnostic in English and Chinese with every placeholder filled', () => {
    for (const golden of GOLDEN) {
      for (const d of diagnose(golden)) {
        const english = renderDiagnostic(d, 'en')
        const chinese = renderDiagnostic(d, 'zh-CN')
        expect(english).not.toMatch(/\{\w+\}|scenario\./)
        expect(chinese).not.toMatch(/\{\w+\}|scenario\./)
        expect(chinese).toMatch(/[\u4e00-\u9fff]/)
        expect(chinese).not.toBe(english)
      }
    }
  })

  it('keeps reporting after an error, one diagnostic per broken line', () => {
    const { diagnostics, program } = compileScenario('aloc a 1\nalloc b 1\nfree c\nfree b\nfrob\n')
    expect(diagnostics.map((d) => [d.code, d.line])).toEqual([
      ['unknown-keyword', 1],
      ['unknown-handle', 3],
      ['unknown-keyword', 5]
    ])
    expect(program).toBeUndefined()
  })

  it('gives a program when there are only warnings', () => {
    const { diagnostics, program } = compileScenario('alloc a 0\nfree a\n')
    expect(diagnostics.map((d) => d.severity)).toEqual(['warning'])
    expect(program?.count).toBe(2)
  })
})
