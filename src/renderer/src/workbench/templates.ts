/**
 * The examples one click away from an empty Workbench. Their text is made
 * in the reader's language (name and comments), and each names the preset
 * that suits it, added when no allocator is chosen yet.
 */
import { importMalloclab } from '@shared/scenario'

export type Translate = (key: string, params?: Record<string, string | number>) => string

export interface ScenarioTemplate {
  readonly id: 'articlePool' | 'firstFitHole' | 'slabCache' | 'malloclab'
  /** Preset id from `allocators:list`. */
  readonly presetId: string
  text(t: Translate): string
}

function commented(t: Translate, id: string, lines: readonly string[]): string {
  const key = (name: string): string => t(`workbench.templates.${id}.${name}`)
  return [
    `# ${key('comment1')}`,
    `# ${key('comment2')}`,
    `# ${key('comment3')}`,
    `name ${key('name')}`,
    ...lines,
    ''
  ].join('\n')
}

/** A short trace in the malloc-lab format (ids, operations, then one operation a line). */
const SHORT_TRACE = [
  '5',
  '11',
  'a 0 512',
  'a 1 128',
  'a 2 1024',
  'f 1',
  'a 3 64',
  'r 0 768',
  'f 2',
  'a 4 2000',
  'f 0',
  'f 3',
  'f 4',
  ''
].join('\n')

export const SCENARIO_TEMPLATES: readonly ScenarioTemplate[] = [
  {
    id: 'articlePool',
    presetId: 'article-pool',
    text: (t) => commented(t, 'articlePool', ['frames 1024', '', 'pages a 8', 'free-pages a'])
  },
  {
    id: 'firstFitHole',
    presetId: 'four-fits',
    text: (t) =>
      commented(t, 'firstFitHole', [
        'arena 100',
        '',
        'alloc a 20',
        'alloc b 30',
        'alloc c 25',
        'free b',
        'alloc d 22',
        'alloc e 28'
      ])
  },
  {
    id: 'slabCache',
    presetId: 'slab-over-buddy',
    text: (t) =>
      commented(t, 'slabCache', [
        'frames 1024',
        '',
        'cache inode 600 ctor 40',
        'object i1 inode',
        'object i2 inode',
        'free-object i1',
        'object i3 inode',
        'free-object i2',
        'free-object i3',
        'shrink inode',
        'destroy inode'
      ])
  },
  {
    id: 'malloclab',
    presetId: 'malloclab-heap',
    text: (t) =>
      importMalloclab(SHORT_TRACE, { name: t('workbench.templates.malloclab.name') }).text
  }
]
