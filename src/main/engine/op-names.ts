import { Op } from '@shared/scenario/program'

/** Each opcode as the scenario language spells the request, for event records. */
const OP_WORDS: Readonly<Record<number, string>> = {
  [Op.Alloc]: 'alloc',
  [Op.Free]: 'free',
  [Op.Realloc]: 'realloc',
  [Op.PageAlloc]: 'pages',
  [Op.PageFree]: 'free-pages',
  [Op.CacheCreate]: 'cache',
  [Op.CacheAlloc]: 'object',
  [Op.CacheFree]: 'free-object',
  [Op.CacheShrink]: 'shrink',
  [Op.CacheDestroy]: 'destroy',
  [Op.Kmalloc]: 'kmalloc',
  [Op.Kfree]: 'kfree'
}

const OPS_BY_WORD: ReadonlyMap<string, number> = new Map(
  Object.entries(OP_WORDS).map(([op, word]) => [word, Number(op)])
)

export function opWord(op: number): string {
  return OP_WORDS[op] ?? `op${op}`
}

/** The opcode a word of opWord names (-1 for none), for readers of event records. */
export function opOfWord(word: string): number {
  return OPS_BY_WORD.get(word) ?? -1
}

/** Requests whose size field holds bytes. */
export function opTakesBytes(op: number): boolean {
  return op === Op.Alloc || op === Op.Realloc || op === Op.Kmalloc
}

/** Requests whose size field holds a buddy order. */
export function opTakesOrder(op: number): boolean {
  return op === Op.PageAlloc
}
