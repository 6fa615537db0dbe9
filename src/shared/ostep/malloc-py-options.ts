/**
 * malloc.py's command line, read the way its optparse parser reads it: short
 * options that may be bundled (`-cC`) or carry their value (`-S100`), long
 * options that may be abbreviated (`--head 4`) or joined (`--size=64`),
 * option values taken as given even when they start with a dash (`-a -1`),
 * `--` ending the options, the last of a repeated option winning, and words
 * that are not options ignored (malloc.py never looks at them).
 */
import { ostepProblem, type OstepProblem } from './ostep-problem'
import { optparseInt } from './python-int'

/** Every option malloc.py defines, with optparse's types; numbers are Python ints. */
export interface MallocPyOptions {
  readonly seed: bigint
  readonly heapSize: bigint
  readonly baseAddr: bigint
  readonly headerSize: bigint
  readonly alignment: bigint
  readonly policy: string
  readonly order: string
  readonly coalesce: boolean
  readonly opsNum: bigint
  readonly opsRange: bigint
  readonly opsPAlloc: bigint
  readonly opsList: string
  readonly solve: boolean
}

export const MALLOC_PY_DEFAULTS: MallocPyOptions = {
  seed: 0n,
  heapSize: 100n,
  baseAddr: 1000n,
  headerSize: 0n,
  alignment: -1n,
  policy: 'BEST',
  order: 'ADDRSORT',
  coalesce: false,
  opsNum: 10n,
  opsRange: 10n,
  opsPAlloc: 50n,
  opsList: '',
  solve: false
}

type Dest = keyof MallocPyOptions

interface OptionDef {
  readonly short: string
  readonly long: string
  /** Where the value goes; undefined for --help. */
  readonly dest?: Dest
  readonly type: 'int' | 'string' | 'flag' | 'help'
}

/** In malloc.py's order, which is also the order its header lines print in. */
export const MALLOC_PY_OPTIONS: readonly OptionDef[] = [
  { short: '-s', long: '--seed', dest: 'seed', type: 'int' },
  { short: '-S', long: '--size', dest: 'heapSize', type: 'int' },
  { short: '-b', long: '--baseAddr', dest: 'baseAddr', type: 'int' },
  { short: '-H', long: '--headerSize', dest: 'headerSize', type: 'int' },
  { short: '-a', long: '--alignment', dest: 'alignment', type: 'int' },
  { short: '-p', long: '--policy', dest: 'policy', type: 'string' },
  { short: '-l', long: '--listOrder', dest: 'order', type: 'string' },
  { short: '-C', long: '--coalesce', dest: 'coalesce', type: 'flag' },
  { short: '-n', long: '--numOps', dest: 'opsNum', type: 'int' },
  { short: '-r', long: '--range', dest: 'opsRange', type: 'int' },
  { short: '-P', long: '--percentAlloc', dest: 'opsPAlloc', type: 'int' },
  { short: '-A', long: '--allocList', dest: 'opsList', type: 'string' },
  { short: '-c', long: '--compute', dest: 'solve', type: 'flag' },
  { short: '-h', long: '--help', type: 'help' }
]

export type MallocPyParse =
  { readonly options: MallocPyOptions; readonly help: boolean } | { readonly problem: OstepProblem }

export function parseMallocPyArgs(args: readonly string[]): MallocPyParse {
  const values: Record<string, bigint | string | boolean> = { ...MALLOC_PY_DEFAULTS }
  let help = false
  const rest = [...args]
  const take = (
    option: OptionDef,
    name: string,
    value: string | undefined
  ): OstepProblem | undefined => {
    if (option.type === 'help') {
      help = true
      return undefined
    }
    if (option.type === 'flag') {
      values[option.dest!] = true
      return undefined
    }
    if (value === undefined) return ostepProblem('usage', 'needsArgument', { option: name })
    if (option.type === 'string') {
      values[option.dest!] = value
      return undefined
    }
    const number = optparseInt(value)
    if (number === undefined) return ostepProblem('usage', 'notInteger', { option: name, value })
    values[option.dest!] = number
    return undefined
  }
  while (rest.length > 0) {
    const arg = rest.shift()!
    if (arg === '--') break
    if (arg.startsWith('--')) {
      const equals = arg.indexOf('=')
      const word = equals < 0 ? arg : arg.slice(0, equals)
      const matched = matchLong(word)
      if ('problem' in matched) return matched
      const option = matched.option
      let value: string | undefined
      if (equals >= 0) {
        if (option.type === 'flag' || option.type === 'help') {
          return { problem: ostepProblem('usage', 'takesNoValue', { option: option.long }) }
        }
        value = arg.slice(equals + 1)
      } else if (option.type === 'int' || option.type === 'string') {
        value = rest.shift()
      }
      const problem = take(option, option.long, value)
      if (problem) return { problem }
    } else if (arg.startsWith('-') && arg.length > 1) {
      for (let i = 1; i < arg.length; i++) {
        const name = `-${arg[i]}`
        const option = MALLOC_PY_OPTIONS.find((o) => o.short === name)
        if (option === undefined)
          return { problem: ostepProblem('usage', 'noSuchOption', { option: name }) }
        if (option.type === 'int' || option.type === 'string') {
          // The rest of the word is the value, or else the next word, whatever it looks like.
          const value = i + 1 < arg.length ? arg.slice(i + 1) : rest.shift()
          const problem = take(option, name, value)
          if (problem) return { problem }
          break
        }
        const problem = take(option, name, undefined)
        if (problem) return { problem }
      }
    }
    // Other words are positional arguments, which malloc.py ignores.
  }
  return { options: values as unknown as MallocPyOptions, help }
}

/** optparse's abbreviation rule: an exact long option, or the only one the word begins. */
function matchLong(word: string): { option: OptionDef } | { problem: OstepProblem } {
  const exact = MALLOC_PY_OPTIONS.find((o) => o.long === word)
  if (exact) return { option: exact }
  const candidates = MALLOC_PY_OPTIONS.filter((o) => o.long.startsWith(word))
  if (candidates.length === 1) return { option: candidates[0]! }
  if (candidates.length === 0)
    return { problem: ostepProblem('usage', 'noSuchOption', { option: word }) }
  return {
    problem: ostepProblem('usage', 'ambiguousOption', {
      option: word,
      candidates: candidates.map((o) => o.long).join(', ')
    })
  }
}

/**
 * A pasted command line as words, the way a POSIX shell splits it: blanks
 * separate words, single quotes keep everything, double quotes keep all but
 * `\"` and `\\`, a backslash outside quotes escapes the next character.
 * Undefined when a quote is left open.
 */
export function shellWords(line: string): string[] | undefined {
  const words: string[] = []
  let word = ''
  let inWord = false
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!
    if (c === "'") {
      const end = line.indexOf("'", i + 1)
      if (end < 0) return undefined
      word += line.slice(i + 1, end)
      inWord = true
      i = end
    } else if (c === '"') {
      let j = i + 1
      for (; j < line.length && line[j] !== '"'; j++) {
        if (line[j] === '\\' && (line[j + 1] === '"' || line[j + 1] === '\\')) j++
        word += line[j]
      }
      if (j >= line.length) return undefined
      inWord = true
      i = j
    } else if (c === '\\') {
      if (i + 1 < line.length && line[i + 1] !== '\n') word += line[i + 1]
      i++
      inWord = true
    } else if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      if (inWord) words.push(word)
      word = ''
      inWord = false
    } else {
      word += c
      inWord = true
    }
  }
  if (inWord) words.push(word)
  return words
}

/** The words after the program, from a pasted `python3 ./malloc.py -S 100 ...` (or a bare `-S 100 ...`). */
export function mallocPyArguments(words: readonly string[]): string[] {
  let start = 0
  if (start < words.length && /^python[0-9.]*$/.test(basename(words[start]!))) start++
  if (start < words.length && /\.py$/.test(words[start]!)) start++
  return words.slice(start)
}

function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1)
}

/**
 * A pasted malloc.py command line (`python3 malloc.py -S 100 -c`, or just its
 * flags), read as a shell splits it and malloc.py parses it: what the window's
 * import takes.
 */
export function parseMallocPyCommandLine(
  line: string
): MallocPyParse & { readonly flags?: string[] } {
  const words = shellWords(line)
  if (words === undefined) return { problem: ostepProblem('usage', 'badCommandLine') }
  const flags = mallocPyArguments(words)
  return { ...parseMallocPyArgs(flags), flags }
}
