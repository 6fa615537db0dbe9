import { describe, expect, it } from 'vitest'
import {
  MALLOC_PY_DEFAULTS,
  parseMallocPyArgs,
  parseMallocPyCommandLine,
  shellWords
} from './malloc-py-options'

function options(args: string[]): Record<string, unknown> {
  const parsed = parseMallocPyArgs(args)
  if ('problem' in parsed) throw new Error(parsed.problem.key)
  return { ...parsed.options }
}

describe('malloc.py’s command line, read as optparse reads it', () => {
  it('keeps malloc.py’s defaults for flags not given', () => {
    expect(options([])).toEqual(MALLOC_PY_DEFAULTS)
  })

  it('reads bundled flags, joined and abbreviated options, and dashed values', () => {
    expect(
      options(['-cCS64', '--head=4', '--ali', '-1', '-A', '-0,+3', '--', '-p', 'FIRST'])
    ).toEqual({
      ...MALLOC_PY_DEFAULTS,
      solve: true,
      coalesce: true,
      heapSize: 64n,
      headerSize: 4n,
      alignment: -1n,
      opsList: '-0,+3'
    })
  })

  it('lets the last of a repeated option win and ignores words that are not options', () => {
    expect(options(['-S', '10', 'extra', '-S', '0x20'])).toMatchObject({ heapSize: 32n })
  })

  it('names each refusal as optparse would', () => {
    const problem = (args: string[]): string | undefined => {
      const parsed = parseMallocPyArgs(args)
      return 'problem' in parsed ? parsed.problem.key : undefined
    }
    expect(problem(['-q'])).toBe('ostep.usage.noSuchOption')
    expect(problem(['--bogus'])).toBe('ostep.usage.noSuchOption')
    expect(problem(['--s', '1'])).toBe('ostep.usage.ambiguousOption')
    expect(problem(['-n'])).toBe('ostep.usage.needsArgument')
    expect(problem(['-n', '1.5'])).toBe('ostep.usage.notInteger')
    expect(problem(['--compute=yes'])).toBe('ostep.usage.takesNoValue')
  })

  it('asks for help on -h and on an abbreviated --help', () => {
    for (const flag of ['-h', '--hel']) {
      const parsed = parseMallocPyArgs([flag])
      expect('help' in parsed && parsed.help).toBe(true)
    }
  })
})

describe('a pasted malloc.py command line', () => {
  it('splits words as a shell does', () => {
    expect(shellWords(`python3 ./malloc.py -A '+1,-0' -l "SIZESORT+" a\\ b`)).toEqual([
      'python3',
      './malloc.py',
      '-A',
      '+1,-0',
      '-l',
      'SIZESORT+',
      'a b'
    ])
    expect(shellWords(`-A '+1`)).toBeUndefined()
  })

  it('drops the interpreter and the script, and reads the flags', () => {
    const parsed = parseMallocPyCommandLine('python3 malloc.py -S 64 -c')
    expect(parsed.flags).toEqual(['-S', '64', '-c'])
    expect('options' in parsed && parsed.options).toMatchObject({ heapSize: 64n, solve: true })
    expect(parseMallocPyCommandLine('./malloc.py -p FIRST').flags).toEqual(['-p', 'FIRST'])
    expect(parseMallocPyCommandLine('-n 3').flags).toEqual(['-n', '3'])
  })

  it('says so when a quote is left open', () => {
    const parsed = parseMallocPyCommandLine(`malloc.py -A "+1`)
    expect('problem' in parsed && parsed.problem.key).toBe('ostep.usage.badCommandLine')
  })
})
