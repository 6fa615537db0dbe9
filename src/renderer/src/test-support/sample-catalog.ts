import type { AllocatorCatalog, AllocatorOptionInfo } from '@shared/allocator-catalog'

function option(
  key: string,
  kind: AllocatorOptionInfo['kind'],
  defaultValue: number | string | boolean,
  defaultText: string,
  extra: Partial<AllocatorOptionInfo> = {}
): AllocatorOptionInfo {
  return {
    key,
    kind,
    default: defaultValue,
    defaultText,
    min: null,
    max: null,
    unit: null,
    choices: null,
    powerOfTwo: false,
    descriptionKey: `engine.option.${key}`,
    description: { en: key, 'zh-CN': key },
    ...extra
  }
}

/** A small catalog shaped like the engine's: two heap families, the buddy, two presets. */
export const SAMPLE_CATALOG: AllocatorCatalog = {
  families: [
    ...['first-fit', 'best-fit'].map((name) => ({
      name,
      kind: 'heap' as const,
      summaryKey: `engine.family.${name}`,
      summary: { en: name, 'zh-CN': name },
      options: [
        option('arena', 'size', 1048576, '1MiB', { min: 1, max: 2 ** 30, unit: 'bytes' }),
        option('meta', 'choice', 'inband', 'inband', { choices: ['inband', 'side'] }),
        option('coalesce', 'switch', true, 'on')
      ]
    })),
    {
      name: 'buddy',
      kind: 'pages',
      summaryKey: 'engine.family.buddy',
      summary: { en: 'buddy', 'zh-CN': 'buddy' },
      options: [option('frames', 'integer', 1024, '1024', { min: 1, max: 4194304, unit: 'frames' })]
    }
  ],
  presets: [
    {
      id: 'article-pool',
      labelKey: 'engine.preset.articlePool.label',
      label: { en: 'Buddy over 1024 frames', 'zh-CN': 'x' },
      descriptionKey: 'engine.preset.articlePool.description',
      description: { en: 'x', 'zh-CN': 'x' },
      specs: ['buddy:frames=1024']
    },
    {
      id: 'four-fits',
      labelKey: 'engine.preset.fourFits.label',
      label: { en: 'The four fits side by side', 'zh-CN': 'x' },
      descriptionKey: 'engine.preset.fourFits.description',
      description: { en: 'x', 'zh-CN': 'x' },
      specs: ['first-fit:arena=100', 'best-fit:arena=100']
    }
  ]
}
