import type { AllocatorPreset } from './preset'

function preset(id: string, specs: readonly string[]): AllocatorPreset {
  const key = id.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())
  return {
    id,
    labelKey: `engine.preset.${key}.label`,
    descriptionKey: `engine.preset.${key}.description`,
    specs
  }
}

const TEXTBOOK_HEAP = 'arena=100,base=1000,header=0,align=1,meta=side'

/** OSTEP's vm-freespace/malloc.py with its default flags (see `alloclab ostep`). */
export const OSTEP_SPEC =
  'best-fit:arena=100,base=1000,header=0,align=1,order=addr,coalesce=off,meta=side,' +
  'sort=resort,split=any,merge=list'

/**
 * CS:APP §9.9.12 on a 64-bit machine: an implicit free list with 8-byte
 * boundary tags, 16-byte alignment, the padding word and prologue block, the
 * epilogue header, a heap of 32 bytes plus one 4 KiB chunk that grows by
 * max(block, 4 KiB) up to mdriver's 20 MiB, first fit, realloc as malloc + copy + free.
 */
export const CSAPP_TEXTBOOK_SPEC =
  'first-fit:arena=4128,base=0,header=16,align=16,word=8,meta=inband,list=implicit,' +
  'coalesce=on,realloc=move,prologue=24,epilogue=8,grow=4KiB,limit=20MiB'

/** Every preset, in the order the window lists them. */
export const allPresets: readonly AllocatorPreset[] = [
  preset('textbook-heap', [`first-fit:${TEXTBOOK_HEAP}`]),
  preset(
    'four-fits',
    ['first-fit', 'next-fit', 'best-fit', 'worst-fit'].map((f) => `${f}:${TEXTBOOK_HEAP}`)
  ),
  preset('article-pool', ['buddy:frames=1024,page=4KiB,max-order=10']),
  preset('slab-over-buddy', [
    'slab:frames=1024,page=4KiB,max-order=10',
    'buddy:frames=1024,page=4KiB,max-order=10'
  ]),
  preset('malloclab-heap', ['first-fit:arena=16MiB,header=8,align=8,meta=inband']),
  preset('ostep', [OSTEP_SPEC]),
  preset('csapp-textbook', [CSAPP_TEXTBOOK_SPEC])
]

export function findPreset(id: string): AllocatorPreset | undefined {
  return allPresets.find((p) => p.id === id)
}

/**
 * Allocator arguments as a command line gives them: a spec, or the id of a
 * preset (`csapp-textbook`, `four-fits`...), which stands for its specs.
 */
export function expandPresets(texts: readonly string[]): string[] {
  return texts.flatMap((text) => {
    const preset = text.includes(':') ? undefined : findPreset(text.trim())
    return preset ? [...preset.specs] : [text]
  })
}
