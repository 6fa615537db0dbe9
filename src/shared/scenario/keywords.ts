/**
 * The words of the scenario language. Keywords are lower-case and matched
 * exactly; every line starts with one of them. The editor uses these tables
 * for highlighting and completion, the parser for dispatch.
 */

/** Keyword ids, dense so the parser can switch on them. */
export const Keyword = {
  Name: 0,
  Description: 1,
  Arena: 2,
  Base: 3,
  Frames: 4,
  PageSize: 5,
  MaxOrder: 6,
  Alloc: 7,
  Free: 8,
  Realloc: 9,
  Pages: 10,
  FreePages: 11,
  Cache: 12,
  Object: 13,
  FreeObject: 14,
  Shrink: 15,
  Destroy: 16,
  Kmalloc: 17,
  Kfree: 18,
  Grow: 19
} as const
export type KeywordId = (typeof Keyword)[keyof typeof Keyword]

export type KeywordRole = 'directive' | 'request'

export interface KeywordInfo {
  readonly id: KeywordId
  readonly word: string
  /** Directives describe the scenario and must come before the first request. */
  readonly role: KeywordRole
  /** Shape shown in completion and help, e.g. "alloc HANDLE SIZE". */
  readonly synopsis: string
  /** A complete line using it, for help and "how to fix" messages. */
  readonly example: string
  /** i18n key of a one-line explanation. */
  readonly descriptionKey: string
}

function info(
  id: KeywordId,
  word: string,
  role: KeywordRole,
  synopsis: string,
  example: string
): KeywordInfo {
  const key = word.replace(/-(\w)/g, (_, c: string) => c.toUpperCase())
  return { id, word, role, synopsis, example, descriptionKey: `scenario.keyword.${key}` }
}

/** Every keyword, in the order the documentation presents them (but `grow`). Index = KeywordId. */
export const KEYWORDS: readonly KeywordInfo[] = [
  info(Keyword.Name, 'name', 'directive', 'name TEXT', 'name First fit meets a hole'),
  info(
    Keyword.Description,
    'description',
    'directive',
    'description TEXT',
    'description Small blocks first, then a large one'
  ),
  info(Keyword.Arena, 'arena', 'directive', 'arena SIZE', 'arena 64KiB'),
  info(Keyword.Base, 'base', 'directive', 'base ADDRESS', 'base 0x10000'),
  info(Keyword.Frames, 'frames', 'directive', 'frames COUNT', 'frames 1024'),
  info(Keyword.PageSize, 'page-size', 'directive', 'page-size SIZE', 'page-size 4KiB'),
  info(Keyword.MaxOrder, 'max-order', 'directive', 'max-order ORDER', 'max-order 10'),
  info(Keyword.Alloc, 'alloc', 'request', 'alloc HANDLE SIZE', 'alloc a 100'),
  info(Keyword.Free, 'free', 'request', 'free HANDLE', 'free a'),
  info(Keyword.Realloc, 'realloc', 'request', 'realloc HANDLE SIZE', 'realloc a 200'),
  info(Keyword.Pages, 'pages', 'request', 'pages HANDLE ORDER', 'pages p 2'),
  info(Keyword.FreePages, 'free-pages', 'request', 'free-pages HANDLE', 'free-pages p'),
  info(
    Keyword.Cache,
    'cache',
    'request',
    'cache CACHE SIZE [align N] [ctor COST] [dtor COST] [pages N]',
    'cache inode 600 align 8 ctor 40'
  ),
  info(Keyword.Object, 'object', 'request', 'object HANDLE CACHE', 'object i1 inode'),
  info(Keyword.FreeObject, 'free-object', 'request', 'free-object HANDLE', 'free-object i1'),
  info(Keyword.Shrink, 'shrink', 'request', 'shrink CACHE', 'shrink inode'),
  info(Keyword.Destroy, 'destroy', 'request', 'destroy CACHE', 'destroy inode'),
  info(Keyword.Kmalloc, 'kmalloc', 'request', 'kmalloc HANDLE SIZE', 'kmalloc k 100'),
  info(Keyword.Kfree, 'kfree', 'request', 'kfree HANDLE', 'kfree k'),
  // Added after the requests so that keyword ids stay what they were.
  info(Keyword.Grow, 'grow', 'directive', 'grow SIZE', 'grow 4KiB')
]

/** Keyword words alone, for editors. */
export const KEYWORD_WORDS: readonly string[] = KEYWORDS.map((k) => k.word)
export const DIRECTIVE_WORDS: readonly string[] = KEYWORDS.filter(
  (k) => k.role === 'directive'
).map((k) => k.word)
export const REQUEST_WORDS: readonly string[] = KEYWORDS.filter((k) => k.role === 'request').map(
  (k) => k.word
)

/** Option words after `cache NAME SIZE`, each followed by a whole number. */
export const CACHE_OPTION_WORDS = ['align', 'ctor', 'dtor', 'pages'] as const
export type CacheOptionWord = (typeof CACHE_OPTION_WORDS)[number]

/** Size units, in canonical spelling; matched without regard to case. */
export const UNIT_WORDS = ['B', 'K', 'KiB', 'M', 'MiB', 'G', 'GiB', 'T', 'TiB'] as const

/** Keywords grouped by length, so a lookup compares against two or three words at most. */
const byLength: KeywordInfo[][] = []
for (const k of KEYWORDS) (byLength[k.word.length] ??= []).push(k)

/** The keyword spelled by `text[start, end)`, or -1; reads in place, without a substring. */
export function keywordAt(text: string, start: number, end: number): KeywordId | -1 {
  const candidates = byLength[end - start]
  if (candidates === undefined) return -1
  for (const k of candidates) if (text.startsWith(k.word, start)) return k.id
  return -1
}

/** The keyword id for `word`, or -1. */
export function keywordOf(word: string): KeywordId | -1 {
  return keywordAt(word, 0, word.length)
}
