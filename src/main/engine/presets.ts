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
  preset('malloclab-heap', ['first-fit:arena=16MiB,header=8,align=8,meta=inband'])
]

export function findPreset(id: string): AllocatorPreset | undefined {
  return allPresets.find((p) => p.id === id)
}
