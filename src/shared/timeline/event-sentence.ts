import type { FamilyKind } from '../allocator-catalog'
import { formatAddress, formatBytes } from '../format/format-value'
import type { Locale } from '../i18n/locales'
import { translator } from '../i18n/translate'
import type { TimelineEvent } from '../run-schemas'
import { invalidReasonKey } from '../vocabulary/request-statuses'
import { structuralSentence } from './structural-sentence'

/** What a sentence needs beyond the event: which memory the allocator manages, and its page size. */
export interface EventSentenceContext {
  readonly kind: FamilyKind
  /** Bytes in a page frame (page and slab families). */
  readonly pageBytes: number
}

const key = (name: string): string => `replay.event.${name}`

/**
 * One request of a timeline told in plain words in `locale`: what was asked,
 * what came back, then what it did to the blocks (the structural sentences),
 * then the counters worth a word (slabs grown, constructor calls saved...).
 * Events fetched without details still tell how many splits and merges.
 */
export function eventSentence(
  locale: Locale,
  event: TimelineEvent,
  context: EventSentenceContext
): string {
  const parts = [requestSentence(locale, event, context)]
  let details = 0
  for (const entry of event.structural) {
    if ('count' in entry) continue
    details++
    parts.push(structuralSentence(locale, entry))
  }
  for (const entry of event.structural) {
    if (!('count' in entry)) continue
    const sentence = countSentence(locale, entry.kind, entry.count, details > 0)
    if (sentence) parts.push(sentence)
  }
  return joinSentences(parts)
}

/** Sentences ending in a full-width stop (Chinese) follow each other directly; others take a space. */
function joinSentences(parts: readonly string[]): string {
  let text = ''
  for (const part of parts) {
    text += text === '' || /[。！？]$/.test(text) ? part : ` ${part}`
  }
  return text
}

function requestSentence(
  locale: Locale,
  event: TimelineEvent,
  context: EventSentenceContext
): string {
  const t = translator(locale)
  const bytes = (value: number): string => formatBytes(locale, value)
  const pages = context.kind !== 'heap' && context.pageBytes > 0
  const frames = pages ? Math.round(event.granted / context.pageBytes) : 0
  const handle = event.handle ?? ''
  const cache = event.cache ?? ''
  const asked =
    event.op === 'pages'
      ? t(key('orderSize'), { order: event.size, frames: 2 ** event.size })
      : bytes(event.size)
  const params = {
    handle,
    cache,
    size: asked,
    granted: bytes(event.granted),
    addr: formatAddress(event.addr),
    frame: event.frame,
    frames,
    order: event.size
  }
  switch (event.status) {
    case 'no-memory':
      return t(key('failNoMemory'), params)
    case 'fragmented':
      return t(key('failFragmented'), params)
    case 'invalid':
      return t(key('invalid'), {
        request: requestText(locale, event),
        reason: t(invalidReasonKey(event.reason ?? 'none'))
      })
    case 'noop':
      return t(key('noop'), { request: requestText(locale, event) })
    case 'ok':
      break
  }
  switch (event.op) {
    case 'alloc':
    case 'kmalloc':
      // kmalloc on slab; a page family serves bytes with whole frames; a heap mallocs.
      if (context.kind === 'slab') return t(key('kmalloc'), params)
      return t(key(pages ? 'allocPages' : 'alloc'), params)
    case 'pages':
      if (!pages) return t(key('alloc'), { ...params, size: bytes(event.requested) })
      return t(key('pages'), params)
    case 'object':
      if (context.kind === 'slab') return t(key('object'), params)
      return t(key(pages ? 'allocPages' : 'alloc'), { ...params, size: bytes(event.requested) })
    case 'realloc':
      return t(key(context.kind === 'pages' ? 'reallocPages' : 'realloc'), params)
    case 'free':
    case 'free-pages':
    case 'kfree':
      if (context.kind === 'slab')
        return t(key(event.op === 'free-pages' ? 'freePages' : 'kfree'), params)
      return t(key(pages ? 'freePages' : 'free'), params)
    case 'free-object':
      if (context.kind === 'slab') return t(key('freeObject'), params)
      return t(key(pages ? 'freePages' : 'free'), params)
    case 'cache':
      return t(key('cache'), params)
    case 'shrink':
      return t(key('shrink'), params)
    case 'destroy':
      return t(key('destroy'), params)
    default:
      return requestText(locale, event)
  }
}

/** The request as the scenario wrote it ("free a", "alloc b 100 B"). */
function requestText(locale: Locale, event: TimelineEvent): string {
  const words = [event.op]
  if (event.handle) words.push(event.handle)
  if (event.cache && !event.handle) words.push(event.cache)
  if (event.op === 'pages') words.push(String(event.size))
  else if (event.size > 0) words.push(formatBytes(locale, event.size))
  return words.join(' ')
}

function countSentence(
  locale: Locale,
  kind: string,
  count: number,
  detailed: boolean
): string | undefined {
  const t = translator(locale)
  const one = count === 1
  switch (kind) {
    case 'slabGrown':
      return t(key(one ? 'slabGrownOne' : 'slabGrownMany'), { count })
    case 'slabReaped':
      return t(key(one ? 'slabReapedOne' : 'slabReapedMany'), { count })
    case 'ctorCalls':
      return t(key(one ? 'ctorCallsOne' : 'ctorCallsMany'), { count })
    case 'ctorSaved':
      return t(key(one ? 'ctorSavedOne' : 'ctorSavedMany'), { count })
    case 'copied':
      return t(key('copied'), { bytes: formatBytes(locale, count) })
    // The detailed sentences already say which blocks were cut and joined.
    case 'split':
      return detailed ? undefined : t(key(one ? 'splitsOne' : 'splitsMany'), { count })
    case 'merge':
      return detailed ? undefined : t(key(one ? 'mergesOne' : 'mergesMany'), { count })
    default:
      return undefined
  }
}
