import type { GeneratorKind, GeneratorOptions } from './options'

export interface StandardWorkload {
  readonly kind: GeneratorKind
  readonly options: GeneratorOptions
}

/**
 * The engine's reference workloads, as generator calls, so benchmarks and
 * reports everywhere run the very same requests: `generate(w.kind, w.options)`.
 */
export const STANDARD_WORKLOADS = {
  /** Heap fits: a million random requests, half allocations, 16..4096 B, at most 1000 live, 16 MiB arena. */
  heap: {
    kind: 'random',
    options: {
      seed: 1,
      count: 1_000_000,
      allocShare: 0.5,
      sizes: 'uniform',
      sizeMin: 16,
      sizeMax: 4096,
      maxLive: 1000,
      arena: 16 * 1024 * 1024
    }
  },
  /** Buddy: a million page requests, half allocations, orders 0..4, 65,536 frames, max order 10. */
  buddy: {
    kind: 'pages',
    options: {
      seed: 1,
      count: 1_000_000,
      allocShare: 0.5,
      orderMin: 0,
      orderMax: 4,
      maxLive: 1000,
      frames: 65_536,
      maxOrder: 10
    }
  },
  /** Slab: one hot cache of 256-byte objects, a million alloc/free requests, at most 1000 live. */
  slab: {
    kind: 'slab',
    options: {
      seed: 1,
      count: 1_000_000,
      caches: 1,
      allocShare: 0.5,
      sizeMin: 256,
      sizeMax: 256,
      maxLive: 1000,
      frames: 65_536,
      maxOrder: 10
    }
  }
} as const satisfies Record<string, StandardWorkload>
