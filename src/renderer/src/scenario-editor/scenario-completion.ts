import type {
  Completion,
  CompletionContext,
  CompletionResult,
  CompletionSource
} from '@codemirror/autocomplete'
import { CACHE_OPTION_WORDS, KEYWORDS, UNIT_WORDS, keywordOf } from '@shared/scenario'
import type { LiveCache, LiveHandle } from '@renderer/scenario-worker/protocol'
import type { Translate } from './scenario-diagnostics'
import { lineWords } from './scenario-tokens'

export interface LiveNames {
  readonly handles: readonly LiveHandle[]
  readonly caches: readonly LiveCache[]
}

/** The keyword that gives a handle memory, for each keyword that needs a live one. */
const HANDLE_FOR: Readonly<Record<string, string>> = {
  free: 'alloc',
  realloc: 'alloc',
  'free-pages': 'pages',
  'free-object': 'object',
  kfree: 'kmalloc'
}

/** Where a cache name goes: keyword → word index. */
const CACHE_AT: Readonly<Record<string, number>> = { object: 2, shrink: 1, destroy: 1 }

/** Where a size with a unit goes: keyword → word index. */
const SIZE_AT: Readonly<Record<string, number>> = {
  alloc: 2,
  realloc: 2,
  kmalloc: 2,
  cache: 2,
  arena: 1,
  base: 1,
  'page-size': 1
}

const NAME_CHARS = /^[\w.-]*$/

/**
 * Completion of keywords at the start of a line, live handles and caches
 * where the language expects one (asking the worker which are live above
 * the line), size units after a number and cache options after a cache's size.
 */
export function scenarioCompletion(
  translate: () => Translate,
  namesAbove: (lineStart: number) => Promise<LiveNames>
): CompletionSource {
  return async (context: CompletionContext): Promise<CompletionResult | null> => {
    const t = translate()
    const line = context.state.doc.lineAt(context.pos)
    const before = line.text.slice(0, context.pos - line.from)
    const { words, commentFrom } = lineWords(before)
    if (commentFrom >= 0) return null
    const typing = before.length > 0 && !/\s$/.test(before)
    const index = typing ? words.length - 1 : words.length
    const current = typing ? words[words.length - 1]! : undefined
    const from = current ? line.from + current.from : context.pos
    const typed = current?.text ?? ''
    if (index === 0) {
      if (!typing && !context.explicit) return null
      return {
        from,
        options: KEYWORDS.map((info): Completion => ({
          label: info.word,
          type: 'keyword',
          detail: info.synopsis,
          info: t(info.descriptionKey),
          boost: info.role === 'request' ? 1 : 0
        })),
        validFor: NAME_CHARS
      }
    }
    const keyword = words[0]!.text
    if (keywordOf(keyword) < 0) return null
    const sizeAt = SIZE_AT[keyword]
    if (
      sizeAt === index ||
      (keyword === 'cache' && index > 3 && words[index - 1]?.text === 'align')
    ) {
      const match = /^(\d[\d_]*)([a-z]*)$/i.exec(typed)
      if (!match || (match[2] === '' && !context.explicit)) return null
      return {
        from: from + match[1]!.length,
        options: UNIT_WORDS.map((unit) => ({
          label: unit,
          type: 'constant',
          detail: t('workbench.editor.completionUnit')
        })),
        validFor: /^[a-z]*$/i
      }
    }
    if (keyword === 'cache' && index >= 3 && index % 2 === 1) {
      const used = new Set(words.slice(3).map((w) => w.text))
      return {
        from,
        options: CACHE_OPTION_WORDS.filter((w) => !used.has(w) || w === typed).map((word) => ({
          label: word,
          type: 'property',
          detail: t('workbench.editor.completionOption')
        })),
        validFor: NAME_CHARS
      }
    }
    const wantsHandle = HANDLE_FOR[keyword] !== undefined && index === 1
    const wantsCache = CACHE_AT[keyword] === index
    if (!wantsHandle && !wantsCache) return null
    const names = await namesAbove(line.from)
    if (context.aborted) return null
    if (wantsCache) {
      return {
        from,
        options: names.caches.map((cache) => ({
          label: cache.name,
          type: 'class',
          detail: t('workbench.editor.completionCache', { size: cache.objectSize })
        })),
        validFor: NAME_CHARS
      }
    }
    const acquiredBy = HANDLE_FOR[keyword]
    return {
      from,
      options: names.handles.map((handle) => ({
        label: handle.name,
        type: 'variable',
        detail: t('workbench.editor.completionHandle', { line: handle.line }),
        boost: handle.acquiredBy === acquiredBy ? 1 : -1
      })),
      validFor: NAME_CHARS
    }
  }
}
