/**
 * What each generator accepts, its defaults and limits. One table serves the
 * programmatic API, the CLI flags (kebab-case of the key) and the
 * generator panel of the workbench.
 */
import { MAX_BYTES, formatSize } from '../size'
import { SIZE_DISTRIBUTIONS, powerOfTwoExponents, type SizeDistribution } from './size-distribution'

export const GENERATOR_KINDS = [
  'random',
  'ramp',
  'plateau',
  'fragmentation',
  'slab',
  'pages'
] as const
export type GeneratorKind = (typeof GENERATOR_KINDS)[number]

export const RELEASE_ORDERS = ['fifo', 'lifo', 'random'] as const
export type ReleaseOrder = (typeof RELEASE_ORDERS)[number]

export interface GeneratorOptions {
  /** Seed of the Mulberry32 generator, taken modulo 2^32. Required: no hidden randomness. */
  readonly seed: number
  /** Number of requests (random, slab churn, pages), blocks (ramp, fragmentation) or churn pairs (plateau). */
  readonly count?: number
  /** Probability that a request allocates, when neither forced by zero nor by max live. */
  readonly allocShare?: number
  /** random: probability that a request is a realloc of a live block. */
  readonly reallocShare?: number
  /** Most handles live at once; at the limit the next request frees. */
  readonly maxLive?: number
  /** plateau: blocks live during the churn. */
  readonly live?: number
  readonly sizes?: SizeDistribution
  /** Smallest size in bytes (fragmentation: the small blocks). */
  readonly sizeMin?: number
  /** Largest size in bytes (fragmentation: the large requests). */
  readonly sizeMax?: number
  /** exponential: mean bytes above sizeMin. */
  readonly sizeMean?: number
  /** bimodal: share of large requests. */
  readonly largeShare?: number
  /** ramp: which blocks go first when shrinking. */
  readonly release?: ReleaseOrder
  /** slab: number of caches (object types). */
  readonly caches?: number
  /** slab: constructor cost per object. */
  readonly ctor?: number
  /** pages: smallest order requested. */
  readonly orderMin?: number
  /** pages: largest order requested. */
  readonly orderMax?: number
  /** Scenario name; defaults to "<kind> (seed N)". */
  readonly name?: string
  readonly arena?: number
  readonly base?: number
  readonly frames?: number
  readonly pageSize?: number
  readonly maxOrder?: number
}

export type GeneratorOptionKey = Exclude<keyof GeneratorOptions, 'seed' | 'name'>
export type ResolvedOptions = Required<Omit<GeneratorOptions, GeometryKey | 'name'>> &
  Pick<GeneratorOptions, GeometryKey> & { readonly name: string }

type GeometryKey = 'arena' | 'base' | 'frames' | 'pageSize' | 'maxOrder'

export type OptionType = 'integer' | 'size' | 'share' | 'choice'

export interface GeneratorOptionInfo {
  readonly key: GeneratorOptionKey
  /** CLI flag without dashes. */
  readonly flag: string
  readonly type: OptionType
  readonly min: number
  readonly max: number
  readonly choices?: readonly string[]
  /** i18n key of a one-line description. */
  readonly descriptionKey: string
}

/** Most requests one generator call writes: about a gigabyte of text. */
export const MAX_GENERATED = 50_000_000

function option(
  key: GeneratorOptionKey,
  type: OptionType,
  min: number,
  max: number,
  choices?: readonly string[]
): GeneratorOptionInfo {
  const flag = key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)
  return { key, flag, type, min, max, choices, descriptionKey: `scenario.generator.option.${key}` }
}

export const GENERATOR_OPTIONS: readonly GeneratorOptionInfo[] = [
  option('count', 'integer', 0, MAX_GENERATED),
  option('allocShare', 'share', 0, 1),
  option('reallocShare', 'share', 0, 1),
  option('maxLive', 'integer', 1, 10_000_000),
  option('live', 'integer', 1, 10_000_000),
  option('sizes', 'choice', 0, 0, SIZE_DISTRIBUTIONS),
  option('sizeMin', 'size', 1, MAX_BYTES),
  option('sizeMax', 'size', 1, MAX_BYTES),
  option('sizeMean', 'size', 0, MAX_BYTES),
  option('largeShare', 'share', 0, 1),
  option('release', 'choice', 0, 0, RELEASE_ORDERS),
  option('caches', 'integer', 1, 64),
  option('ctor', 'integer', 0, 1e9),
  option('orderMin', 'integer', 0, 30),
  option('orderMax', 'integer', 0, 30),
  option('arena', 'size', 1, MAX_BYTES),
  option('base', 'size', 0, Number.MAX_SAFE_INTEGER),
  option('frames', 'integer', 1, 2 ** 24),
  option('pageSize', 'size', 1, 2 ** 30),
  option('maxOrder', 'integer', 0, 30)
]

const SIZE_KEYS: GeneratorOptionKey[] = ['sizes', 'sizeMin', 'sizeMax', 'sizeMean', 'largeShare']
const HEAP_GEOMETRY: GeneratorOptionKey[] = ['arena', 'base']
const PAGE_GEOMETRY: GeneratorOptionKey[] = ['frames', 'pageSize', 'maxOrder']

/** The options each kind reads, and the defaults that differ from the common ones. */
export const GENERATOR_KIND_INFO: Readonly<
  Record<
    GeneratorKind,
    {
      readonly options: readonly GeneratorOptionKey[]
      readonly defaults: Partial<GeneratorOptions>
      readonly summaryKey: string
    }
  >
> = {
  random: {
    options: ['count', 'allocShare', 'reallocShare', 'maxLive', ...SIZE_KEYS, ...HEAP_GEOMETRY],
    defaults: {},
    summaryKey: 'scenario.generator.kind.random'
  },
  ramp: {
    options: ['count', 'release', ...SIZE_KEYS, ...HEAP_GEOMETRY],
    defaults: {},
    summaryKey: 'scenario.generator.kind.ramp'
  },
  plateau: {
    options: ['live', 'count', ...SIZE_KEYS, ...HEAP_GEOMETRY],
    defaults: {},
    summaryKey: 'scenario.generator.kind.plateau'
  },
  fragmentation: {
    options: ['count', 'sizeMin', 'sizeMax', ...HEAP_GEOMETRY],
    defaults: { count: 100, sizeMin: 64, sizeMax: 512 },
    summaryKey: 'scenario.generator.kind.fragmentation'
  },
  slab: {
    options: ['caches', 'count', 'allocShare', 'maxLive', 'ctor', ...SIZE_KEYS, ...PAGE_GEOMETRY],
    defaults: { sizeMin: 32, sizeMax: 512 },
    summaryKey: 'scenario.generator.kind.slab'
  },
  pages: {
    options: ['count', 'allocShare', 'maxLive', 'orderMin', 'orderMax', ...PAGE_GEOMETRY],
    defaults: {},
    summaryKey: 'scenario.generator.kind.pages'
  }
}

const COMMON_DEFAULTS = {
  count: 1000,
  allocShare: 0.5,
  reallocShare: 0,
  maxLive: 1000,
  live: 100,
  sizes: 'uniform',
  sizeMin: 16,
  sizeMax: 4096,
  largeShare: 0.1,
  release: 'random',
  caches: 3,
  ctor: 10,
  orderMin: 0,
  orderMax: 4
} as const

/**
 * What each option of `kind` is when left out. Geometry options have no
 * default (nothing is written into the scenario) and `sizeMean` follows the
 * size range (`defaultSizeMean`), so neither is listed.
 */
export function generatorDefaults(
  kind: GeneratorKind
): Partial<Record<GeneratorOptionKey, number | string>> {
  const merged: Record<string, number | string> = {
    ...COMMON_DEFAULTS,
    ...GENERATOR_KIND_INFO[kind].defaults
  }
  const own: Partial<Record<GeneratorOptionKey, number | string>> = {}
  for (const key of GENERATOR_KIND_INFO[kind].options) {
    if (merged[key] !== undefined) own[key] = merged[key]
  }
  return own
}

/** The mean of exponential sizes when not given: a quarter of the size range. */
export function defaultSizeMean(sizeMin: number, sizeMax: number): number {
  return Math.floor((sizeMax - sizeMin) / 4)
}

/** A bad option, with an i18n message key and its params. */
export class GeneratorOptionError extends Error {
  override name = 'GeneratorOptionError'
  readonly messageKey: string
  readonly params: Readonly<Record<string, string | number>>

  constructor(messageKey: string, params: Record<string, string | number>, english: string) {
    super(english)
    this.messageKey = messageKey
    this.params = params
  }
}

function fail(key: string, params: Record<string, string | number>, english: string): never {
  throw new GeneratorOptionError(`scenario.generator.error.${key}`, params, english)
}

export function isGeneratorKind(value: string): value is GeneratorKind {
  return (GENERATOR_KINDS as readonly string[]).includes(value)
}

/** Fill defaults and check every option; throws GeneratorOptionError naming the first bad one. */
export function resolveOptions(kind: GeneratorKind, options: GeneratorOptions): ResolvedOptions {
  if (!isGeneratorKind(kind)) {
    fail('unknownKind', { kind, kinds: GENERATOR_KINDS.join(', ') }, `unknown generator ${kind}`)
  }
  if (!Number.isInteger(options.seed)) {
    fail('badSeed', { value: String(options.seed) }, 'the seed must be a whole number')
  }
  const info = GENERATOR_KIND_INFO[kind]
  const merged: Record<string, unknown> = { ...COMMON_DEFAULTS, ...info.defaults }
  for (const [key, value] of Object.entries(options)) {
    if (value === undefined || key === 'seed' || key === 'name') continue
    const spec = GENERATOR_OPTIONS.find((o) => o.key === key)
    if (spec === undefined || !info.options.includes(spec.key)) {
      fail(
        'notForKind',
        { option: spec?.flag ?? key, kind },
        `option ${key} does not apply to ${kind}`
      )
    }
    checkValue(spec, value)
    merged[key] = value
  }
  merged['sizeMean'] ??= defaultSizeMean(merged['sizeMin'] as number, merged['sizeMax'] as number)
  const resolved = {
    ...merged,
    seed: options.seed,
    name: options.name ?? `${kind} (seed ${options.seed})`
  } as ResolvedOptions
  if (resolved.sizeMin > resolved.sizeMax) {
    fail(
      'minAboveMax',
      { min: 'size-min', max: 'size-max', low: resolved.sizeMin, high: resolved.sizeMax },
      'size-min is above size-max'
    )
  }
  if (resolved.orderMin > resolved.orderMax) {
    fail(
      'minAboveMax',
      { min: 'order-min', max: 'order-max', low: resolved.orderMin, high: resolved.orderMax },
      'order-min is above order-max'
    )
  }
  if (resolved.allocShare + resolved.reallocShare > 1) {
    fail('sharesAboveOne', {}, 'alloc-share plus realloc-share is above 1')
  }
  if (
    kind === 'pages' &&
    resolved.maxOrder !== undefined &&
    resolved.orderMax > resolved.maxOrder
  ) {
    fail(
      'minAboveMax',
      { min: 'order-max', max: 'max-order', low: resolved.orderMax, high: resolved.maxOrder },
      'order-max is above max-order'
    )
  }
  const [lowExponent, highExponent] = powerOfTwoExponents(resolved.sizeMin, resolved.sizeMax)
  if (resolved.sizes === 'pow2' && lowExponent > highExponent) {
    fail(
      'noPowerOfTwo',
      { min: formatSize(resolved.sizeMin), max: formatSize(resolved.sizeMax) },
      'no power of two between size-min and size-max'
    )
  }
  return resolved
}

function checkValue(spec: GeneratorOptionInfo, value: unknown): void {
  if (spec.type === 'choice') {
    if (typeof value !== 'string' || !spec.choices!.includes(value)) {
      fail(
        'badChoice',
        { option: spec.flag, value: String(value), choices: spec.choices!.join(', ') },
        `${spec.flag} must be one of ${spec.choices!.join(', ')}`
      )
    }
    return
  }
  const whole = spec.type !== 'share'
  if (
    typeof value !== 'number' ||
    !(value >= spec.min && value <= spec.max) ||
    (whole && !Number.isInteger(value))
  ) {
    const bytes = spec.type === 'size'
    fail(
      whole ? 'badWhole' : 'badShare',
      {
        option: spec.flag,
        value: String(value),
        min: bytes ? formatSize(spec.min) : spec.min,
        max: bytes ? formatSize(spec.max) : spec.max
      },
      `${spec.flag} must be between ${spec.min} and ${spec.max}`
    )
  }
}

/** The options as CLI flags, so a generated file says how to make it again. */
export function describeOptions(kind: GeneratorKind, options: ResolvedOptions): string {
  const parts = [`--seed ${options.seed}`]
  for (const key of GENERATOR_KIND_INFO[kind].options) {
    const spec = GENERATOR_OPTIONS.find((o) => o.key === key)!
    const value = options[key]
    if (value === undefined) continue
    if (key === 'sizeMean' && options.sizes !== 'exponential') continue
    if (key === 'largeShare' && options.sizes !== 'bimodal') continue
    parts.push(`--${spec.flag} ${spec.type === 'size' ? formatSize(value as number) : value}`)
  }
  return parts.join(' ')
}
