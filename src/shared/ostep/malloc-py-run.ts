/**
 * OSTEP's vm-freespace/malloc.py, replayed: the same header lines, the same
 * workload (its op list, or its random one drawn with Python's Mersenne
 * Twister), the same lines per step and the same quirks — the address after
 * the header in random mode, "Invalid Free: Skipping", frees by address
 * (a pointer freed twice returns -1; an old pointer whose address was given
 * out again frees the new block) — printed from the answers of a real heap
 * the caller provides. Alongside, the workload as a scenario, so the window
 * and `alloclab run` can replay it on the same allocator.
 *
 * Pure TypeScript: the caller brings the heap (the CLI runs the engine in
 * process), so the window can use the same code with the engine behind its API.
 */
import type { MessageParams } from '../i18n/translate'
import { PythonRandom } from '../scenario/generators/python-random'
import type { MallocPyOptions } from './malloc-py-options'
import { ostepProblem, type OstepProblem } from './ostep-problem'
import { pythonInt } from './python-int'

/** The heap the answers come from; `addr` is a block's first byte (header included), -1 on failure. */
export interface OstepHeap {
  malloc(handle: string, size: number): { readonly addr: number; readonly searched: number }
  free(handle: string): void
  freeList(): readonly { readonly addr: number; readonly size: number }[]
}

const POLICIES: Readonly<Record<string, string>> = {
  FIRST: 'first-fit',
  BEST: 'best-fit',
  WORST: 'worst-fit'
}
const ORDERS: Readonly<Record<string, string>> = {
  ADDRSORT: 'addr',
  'SIZESORT+': 'size-asc',
  'SIZESORT-': 'size-desc',
  'INSERT-FRONT': 'front',
  'INSERT-BACK': 'back'
}

/** The most requests AllocLab replays in random mode (malloc.py has no limit). */
export const MAX_RANDOM_OPS = 1_000_000
/** The largest heap, header, alignment and base AllocLab's heaps take. */
const LIMITS = { heap: 2 ** 30, header: 4096, align: 4096, base: 2 ** 48, request: 2 ** 40 }

/** What a run needs to know before it starts: the allocator and how many handles it may use. */
export interface MallocPyPlan {
  /** The allocator spec that follows malloc.py's rules for these options. */
  readonly spec: string
  /** At most this many allocations (handles p0, p1, ...). */
  readonly allocations: number
  readonly arena: number
  readonly base: number
}

/**
 * Check what malloc.py checks before it prints anything (its asserts on
 * policy, list order and alignment) and what AllocLab's heaps can hold, and
 * name the allocator.
 */
export function planMallocPy(options: MallocPyOptions): MallocPyPlan | { problem: OstepProblem } {
  const policy = POLICIES[options.policy]
  if (policy === undefined) {
    return crash('AssertionError', 'policy', { policy: options.policy })
  }
  const order = ORDERS[options.order]
  if (order === undefined) return crash('AssertionError', 'order', { order: options.order })
  if (options.alignment !== -1n && options.alignment <= 0n) {
    return crash('AssertionError', 'alignment', { alignment: String(options.alignment) })
  }
  const outside = (value: bigint, min: number, max: number): boolean =>
    value < BigInt(min) || value > BigInt(max)
  const unsupported = (key: string, params: MessageParams): { problem: OstepProblem } => ({
    problem: ostepProblem('unsupported', key, params)
  })
  if (outside(options.heapSize, 1, LIMITS.heap)) {
    return unsupported('heapSize', { size: String(options.heapSize), max: LIMITS.heap })
  }
  if (outside(options.baseAddr, 0, LIMITS.base)) {
    return unsupported('baseAddr', { base: String(options.baseAddr) })
  }
  if (outside(options.headerSize, 0, LIMITS.header)) {
    return unsupported('headerSize', { header: String(options.headerSize), max: LIMITS.header })
  }
  const align = options.alignment === -1n ? 1 : Number(options.alignment)
  if (align > LIMITS.align || (align & (align - 1)) !== 0) {
    return unsupported('alignment', { alignment: String(options.alignment) })
  }
  if (options.opsList === '' && options.opsNum > BigInt(MAX_RANDOM_OPS)) {
    return unsupported('opsNum', { ops: String(options.opsNum), max: MAX_RANDOM_OPS })
  }
  const arena = Number(options.heapSize)
  const base = Number(options.baseAddr)
  const spec =
    `${policy}:arena=${arena},base=${base},header=${options.headerSize},align=${align},` +
    `order=${order},coalesce=${options.coalesce ? 'on' : 'off'},meta=side,` +
    'sort=resort,split=any,merge=list'
  const allocations =
    options.opsList === ''
      ? Math.max(0, Number(options.opsNum))
      : options.opsList.split(',').filter((op) => op.startsWith('+')).length
  return { spec, allocations, arena, base }
}

export interface MallocPyRun {
  /** Exactly what `python3 malloc.py` prints on stdout for these options (up to a problem, if any). */
  readonly stdout: string
  /** The same workload as scenario text (the requests up to a problem, if any). */
  readonly scenario: string
  readonly problem?: OstepProblem
}

/** Play malloc.py's main program against `heap`. `commandLine` heads the scenario. */
export function runMallocPy(
  options: MallocPyOptions,
  plan: MallocPyPlan,
  heap: OstepHeap,
  commandLine: string
): MallocPyRun {
  return new MallocPyPlayer(options, plan, heap, commandLine).play()
}

/** Thrown inside the player where malloc.py stops; caught by play(). */
class Stop {
  constructor(readonly problem: OstepProblem) {}
}

class MallocPyPlayer {
  private out = ''
  private readonly requests: string[] = []
  /** p: the address of each successful allocation, by allocation number (never deleted in -A mode). */
  private readonly pointer = new Map<number, number>()
  /** malloc.py's sizemap: which allocation holds the block at each address now. */
  private readonly holder = new Map<number, number>()
  private readonly header: number

  constructor(
    private readonly options: MallocPyOptions,
    private readonly plan: MallocPyPlan,
    private readonly heap: OstepHeap,
    private readonly commandLine: string
  ) {
    this.header = Number(options.headerSize)
  }

  play(): MallocPyRun {
    const o = this.options
    this.line(`seed ${o.seed}`)
    this.line(`size ${o.heapSize}`)
    this.line(`baseAddr ${o.baseAddr}`)
    this.line(`headerSize ${o.headerSize}`)
    this.line(`alignment ${o.alignment}`)
    this.line(`policy ${o.policy}`)
    this.line(`listOrder ${o.order}`)
    this.line(`coalesce ${python(o.coalesce)}`)
    this.line(`numOps ${o.opsNum}`)
    this.line(`range ${o.opsRange}`)
    this.line(`percentAlloc ${o.opsPAlloc}`)
    this.line(`allocList ${o.opsList}`)
    this.line(`compute ${python(o.solve)}`)
    this.line('')
    let problem: OstepProblem | undefined
    try {
      const random = new PythonRandom(o.seed)
      const percent = Number(o.opsPAlloc) / 100
      if (!(percent > 0)) throw stop('AssertionError', 'percent', { percent: String(o.opsPAlloc) })
      if (o.opsList === '') this.playRandom(random, percent)
      else this.playList()
    } catch (thrown) {
      if (!(thrown instanceof Stop)) throw thrown
      problem = thrown.problem
    }
    return { stdout: this.out, scenario: this.scenarioText(), ...(problem ? { problem } : {}) }
  }

  /** The random workload: an allocation with probability `percent`, otherwise a free of a random live block. */
  private playRandom(random: PythonRandom, percent: number): void {
    const ops = Number(this.options.opsNum)
    const range = Number(this.options.opsRange)
    /** L: the allocations still live, in allocation order. */
    const live: number[] = []
    let c = 0
    let j = 0
    while (j < ops) {
      let printed = false
      if (random.random() < percent) {
        const size = Math.trunc(random.random() * range) + 1
        const ptr = this.malloc(c, size)
        if (ptr !== -1) live.push(c)
        this.text(`ptr[${c}] = Alloc(${size})`)
        // Random mode prints the address after the header (a failure prints -1 + header).
        this.line(
          this.options.solve
            ? ` returned ${ptr + this.header} (searched ${this.searched} elements)`
            : ' returned ?'
        )
        c++
        j++
        printed = true
      } else if (this.pointer.size > 0) {
        const d = Math.trunc(random.random() * live.length)
        const index = live[d]!
        const rc = this.free(index)
        this.line(`Free(ptr[${index}])`)
        this.line(this.options.solve ? `returned ${rc}` : 'returned ?')
        this.pointer.delete(index)
        live.splice(d, 1)
        printed = true
        j++
      }
      if (printed) {
        this.listLine('List? ')
        this.line('')
      }
    }
  }

  /** The op list: `+N` allocates N bytes, `-K` frees the K-th allocation's pointer. */
  private playList(): void {
    let c = 0
    for (const op of this.options.opsList.split(',')) {
      if (op === '') throw stop('IndexError', 'emptyOp', {})
      if (op[0] === '+') {
        const size = this.opNumber(op, '+')
        const ptr = this.malloc(c, size)
        this.text(`ptr[${c}] = Alloc(${size})`)
        this.line(
          this.options.solve
            ? ` returned ${ptr} (searched ${this.searched} elements)`
            : ' returned ?'
        )
        c++
      } else if (op[0] === '-') {
        const index = this.opNumber(op, '-')
        if (index >= this.pointer.size) {
          this.line('Invalid Free: Skipping')
          this.requests.push(
            `# ${op}: Invalid Free: Skipping (${this.pointer.size} allocations succeeded so far)`
          )
          continue
        }
        this.line(`Free(ptr[${index}])`)
        if (!this.pointer.has(index)) throw stop('KeyError', 'failedPointer', { index })
        const rc = this.free(index)
        this.line(this.options.solve ? `returned ${rc}` : 'returned ?')
      } else {
        throw stop('NameError', 'badOp', { op })
      }
      this.listLine('List?')
      this.line('')
    }
  }

  /** `int(op.split(sign)[1])`, as malloc.py reads an op. */
  private opNumber(op: string, sign: '+' | '-'): number {
    const word = op.split(sign)[1] ?? ''
    const value = pythonInt(word, 10)
    if (value === undefined) throw stop('ValueError', 'notInteger', { op, word })
    if (value > BigInt(LIMITS.request)) {
      throw new Stop(ostepProblem('unsupported', 'request', { size: String(value) }))
    }
    return Number(value)
  }

  private searched = 0

  /** m.malloc(size) for allocation `c`; returns the address or -1, leaves the count in `searched`. */
  private malloc(c: number, size: number): number {
    const align = Number(this.options.alignment)
    const aligned =
      align === -1 ? size : size + ((align - (((size % align) + align) % align)) % align)
    if (size < 0 || aligned + this.header <= 0) {
      throw new Stop(
        ostepProblem('unsupported', 'blockSize', { size, block: aligned + this.header })
      )
    }
    const handle = `p${c}`
    this.requests.push(`alloc ${handle} ${size}`)
    const { addr, searched } = this.heap.malloc(handle, size)
    this.searched = searched
    if (addr === -1) return -1
    this.pointer.set(c, addr)
    this.holder.set(addr, c)
    return addr
  }

  /** m.free(p[index]): frees whatever block starts at that address now; -1 when none does. */
  private free(index: number): number {
    const addr = this.pointer.get(index)!
    const owner = this.holder.get(addr)
    if (owner === undefined) {
      this.requests.push(
        `# free of ptr[${index}] skipped: no block starts at its address now (returned -1)`
      )
      return -1
    }
    this.holder.delete(addr)
    this.requests.push(
      owner === index
        ? `free p${owner}`
        : `free p${owner}  # ptr[${index}]'s address belongs to ptr[${owner}] now`
    )
    this.heap.free(`p${owner}`)
    return 0
  }

  /** The free list as m.dump() prints it, or malloc.py's placeholder without -c. */
  private listLine(placeholder: string): void {
    if (!this.options.solve) {
      this.line(placeholder)
      return
    }
    const list = this.heap.freeList()
    let text = `Free List [ Size ${list.length} ]: `
    for (const e of list) text += `[ addr:${e.addr} sz:${e.size} ]`
    this.line(text)
  }

  private text(text: string): void {
    this.out += text
  }

  private line(text: string): void {
    this.out += `${text}\n`
  }

  private scenarioText(): string {
    const command = this.commandLine.replace(/[\r\n]/g, ' ')
    const lines = [
      `# OSTEP vm-freespace: ${command}`,
      `# Replay with: alloclab run FILE --allocator ${this.plan.spec}`,
      `name ${command.replace(/#/g, ' ').trim() || 'malloc.py'}`,
      `description The workload of OSTEP's malloc.py; its allocator: ${this.plan.spec}`,
      `arena ${this.plan.arena}`,
      `base ${this.plan.base}`,
      '',
      ...this.requests
    ]
    return `${lines.join('\n')}\n`
  }
}

function python(value: boolean): string {
  return value ? 'True' : 'False'
}

function crash(error: string, key: string, params: MessageParams): { problem: OstepProblem } {
  return { problem: ostepProblem('crash', key, { ...params, error }) }
}

function stop(error: string, key: string, params: MessageParams): Stop {
  return new Stop(ostepProblem('crash', key, { ...params, error }))
}
