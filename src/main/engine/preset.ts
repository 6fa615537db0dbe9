/**
 * A named set of allocator configurations the window and the CLI offer
 * ready-made (`allocators:list`): one spec per configuration, the same text
 * `--allocator` takes.
 */
export interface AllocatorPreset {
  /** Stable id, e.g. "textbook-heap"; tools may match on it. */
  readonly id: string
  /** i18n keys of a short name and a one-sentence description. */
  readonly labelKey: string
  readonly descriptionKey: string
  readonly specs: readonly string[]
}
