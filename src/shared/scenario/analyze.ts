/**
 * One pass over scenario text: decode each line, follow every handle and cache
 * through its life (never used → live → freed, created → destroyed), report
 * what cannot happen, and write the compiled program as it goes. Handle and
 * cache state live in typed arrays indexed by id, so the pass allocates one
 * string per distinct name and nothing per request.
 */
import { diagnostic, type Diagnostic } from './diagnostic'
import { closestWord } from './closest-word'
import { KEYWORDS as keywordTable, Keyword as keywordIds, type KeywordId } from './keywords'
import { LineReader } from './line-reader'
import { NameTable } from './name-table'
import {
  CODE_STRIDE as codeStride,
  Op as opCodes,
  type CacheSpec,
  type CompiledProgram,
  type OpCode
} from './program'
import { formatSize } from './size'
import { StatementDecoder } from './statement-decoder'

// Imported bindings may compile to getter calls (CommonJS output, tsx); the
// per-line code reads these module-local copies instead.
const Keyword = keywordIds
const KEYWORDS = keywordTable
const Op = opCodes
const CODE_STRIDE = codeStride
const IS_DIRECTIVE = KEYWORDS.map((k) => k.role === 'directive')

/** Largest order a page allocator has when the scenario does not say (as Linux's MAX_ORDER). */
export const DEFAULT_MAX_ORDER = 10

/** What a live handle holds: decides which release keyword matches. */
const HandleKind = { Block: 1, Pages: 2, Object: 3, Kmalloc: 4 } as const
type HandleKindCode = (typeof HandleKind)[keyof typeof HandleKind]

const HandleState = { Unused: 0, Live: 1, Freed: 2 } as const

const ACQUIRE_WORD: Record<HandleKindCode, string> = {
  [HandleKind.Block]: 'alloc',
  [HandleKind.Pages]: 'pages',
  [HandleKind.Object]: 'object',
  [HandleKind.Kmalloc]: 'kmalloc'
}
const RELEASE_WORD: Record<HandleKindCode, string> = {
  [HandleKind.Block]: 'free',
  [HandleKind.Pages]: 'free-pages',
  [HandleKind.Object]: 'free-object',
  [HandleKind.Kmalloc]: 'kfree'
}

/** Suggesting a near name means scanning every name; skip it when there are very many. */
const SUGGEST_LIMIT = 5000

/** Called after each line is decoded and analysed, for callers that want more than the program. */
export type LineVisitor = (reader: LineReader, decoder: StatementDecoder) => void

export interface Analysis {
  readonly program: CompiledProgram
  readonly diagnostics: Diagnostic[]
}

export function analyzeScenario(text: string, visit?: LineVisitor): Analysis {
  return new ScenarioAnalyzer(text).run(visit)
}

class ScenarioAnalyzer {
  private readonly diagnostics: Diagnostic[] = []
  private readonly reader: LineReader
  private readonly decoder = new StatementDecoder()

  private count = 0
  private capacity: number
  private code: Int32Array
  private sizes: Float64Array
  private lines: Int32Array

  private readonly handles = new NameTable()
  private handleState = new Uint8Array(64)
  private handleKind = new Uint8Array(64)
  private handleLine = new Int32Array(64)
  private handleCache = new Int32Array(64)

  private readonly cacheNames = new NameTable()
  /** Cache name id to the id of the cache most recently created under that name. */
  private readonly cacheByName: number[] = []
  private readonly caches: CacheSpec[] = []
  private readonly cacheLine: number[] = []
  private readonly cacheDestroyedLine: number[] = []
  private readonly cacheLiveObjects: number[] = []

  private name = ''
  private readonly descriptionLines: string[] = []
  private arenaBytes: number | undefined
  private baseAddress: number | undefined
  private frames: number | undefined
  private pageSize: number | undefined
  private maxOrder: number | undefined
  private growBytes: number | undefined
  private readonly directiveLine = new Map<KeywordId, number>()
  private firstRequestLine = 0

  constructor(text: string) {
    this.reader = new LineReader(text)
    let lineCount = 1
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineCount++
    this.capacity = lineCount
    this.code = new Int32Array(lineCount * CODE_STRIDE)
    this.sizes = new Float64Array(lineCount)
    this.lines = new Int32Array(lineCount)
  }

  run(visit: LineVisitor | undefined): Analysis {
    const reader = this.reader
    const decoder = this.decoder
    while (reader.next()) {
      if (reader.wordCount > 0) {
        decoder.decode(reader, this.diagnostics)
        if (decoder.keyword >= 0) {
          if (IS_DIRECTIVE[decoder.keyword]) this.directive()
          else {
            if (this.firstRequestLine === 0) this.firstRequestLine = reader.line
            if (decoder.wellFormed) this.request()
          }
        }
      } else {
        decoder.keyword = -1
        decoder.wellFormed = true
      }
      visit?.(reader, decoder)
    }
    return { program: this.program(), diagnostics: this.diagnostics }
  }

  private program(): CompiledProgram {
    const count = this.count
    const geometry: Record<string, number> = {}
    if (this.arenaBytes !== undefined) geometry['arenaBytes'] = this.arenaBytes
    if (this.baseAddress !== undefined) geometry['baseAddress'] = this.baseAddress
    if (this.frames !== undefined) geometry['frames'] = this.frames
    if (this.pageSize !== undefined) geometry['pageSize'] = this.pageSize
    if (this.maxOrder !== undefined) geometry['maxOrder'] = this.maxOrder
    if (this.growBytes !== undefined) geometry['growBytes'] = this.growBytes
    return {
      version: 1,
      name: this.name,
      description: this.descriptionLines.join('\n'),
      geometry,
      count,
      code: count === this.capacity ? this.code : this.code.slice(0, count * CODE_STRIDE),
      sizes: count === this.capacity ? this.sizes : this.sizes.slice(0, count),
      lines: count === this.capacity ? this.lines : this.lines.slice(0, count),
      handles: this.handles.names,
      caches: this.caches
    }
  }

  private report(
    code: Parameters<typeof diagnostic>[0],
    word: number,
    message: string,
    params: Record<string, string | number>
  ): void {
    const reader = this.reader
    this.diagnostics.push(
      diagnostic(
        code,
        reader.line,
        reader.column(word),
        reader.wordEnd[word]! - reader.wordStart[word]!,
        message,
        params
      )
    )
  }

  private directive(): void {
    const decoder = this.decoder
    const keyword = decoder.keyword as KeywordId
    const line = this.reader.line
    const word = KEYWORDS[keyword]!.word
    if (this.firstRequestLine > 0) {
      this.report('directive-after-request', 0, 'directiveAfterRequest', {
        keyword: word,
        line: this.firstRequestLine
      })
      return
    }
    if (keyword !== Keyword.Description) {
      const earlier = this.directiveLine.get(keyword)
      if (earlier !== undefined) {
        this.report('duplicate-directive', 0, 'duplicateDirective', {
          keyword: word,
          line: earlier
        })
        return
      }
      this.directiveLine.set(keyword, line)
    }
    if (!decoder.wellFormed) return
    switch (keyword) {
      case Keyword.Name:
        this.name = decoder.text
        break
      case Keyword.Description:
        this.descriptionLines.push(decoder.text)
        break
      case Keyword.Arena:
        this.arenaBytes = decoder.value
        break
      case Keyword.Base:
        this.baseAddress = decoder.value
        break
      case Keyword.Frames:
        this.frames = decoder.value
        break
      case Keyword.PageSize:
        this.pageSize = decoder.value
        break
      case Keyword.MaxOrder:
        this.maxOrder = decoder.value
        break
      case Keyword.Grow:
        this.growBytes = decoder.value
        break
    }
  }

  private request(): void {
    const decoder = this.decoder
    switch (decoder.keyword) {
      case Keyword.Alloc:
        this.checkAgainstArena()
        this.acquire(Op.Alloc, HandleKind.Block, -1, decoder.value)
        break
      case Keyword.Kmalloc:
        this.acquire(Op.Kmalloc, HandleKind.Kmalloc, -1, decoder.value)
        break
      case Keyword.Pages: {
        const maxOrder = this.maxOrder ?? DEFAULT_MAX_ORDER
        if (decoder.value > maxOrder) {
          this.report('exceeds-max-order', decoder.valueWord, 'exceedsMaxOrder', {
            order: decoder.value,
            maxOrder
          })
        }
        this.acquire(Op.PageAlloc, HandleKind.Pages, -1, decoder.value)
        break
      }
      case Keyword.Realloc:
        this.realloc()
        break
      case Keyword.Free:
        this.release(Op.Free, HandleKind.Block)
        break
      case Keyword.FreePages:
        this.release(Op.PageFree, HandleKind.Pages)
        break
      case Keyword.FreeObject:
        this.release(Op.CacheFree, HandleKind.Object)
        break
      case Keyword.Kfree:
        this.release(Op.Kfree, HandleKind.Kmalloc)
        break
      case Keyword.Cache:
        this.createCache()
        break
      case Keyword.Object: {
        const cache = this.findCache(decoder.cacheWord)
        if (cache >= 0) {
          this.cacheLiveObjects[cache]!++
          this.acquire(Op.CacheAlloc, HandleKind.Object, cache, 0)
        }
        break
      }
      case Keyword.Shrink: {
        const cache = this.findCache(decoder.nameWord)
        if (cache >= 0) this.emit(Op.CacheShrink, -1, cache, 0)
        break
      }
      case Keyword.Destroy:
        this.destroyCache()
        break
    }
  }

  private emit(op: OpCode, handle: number, aux: number, size: number): void {
    const at = this.count
    this.code[at * CODE_STRIDE] = op
    this.code[at * CODE_STRIDE + 1] = handle
    this.code[at * CODE_STRIDE + 2] = aux
    this.sizes[at] = size
    this.lines[at] = this.reader.line
    this.count = at + 1
  }

  private checkAgainstArena(): void {
    const decoder = this.decoder
    // A heap that grows is not held to its first arena.
    if (
      this.arenaBytes !== undefined &&
      this.growBytes === undefined &&
      decoder.value > this.arenaBytes
    ) {
      this.report('exceeds-arena', decoder.valueWord, 'exceedsArena', {
        size: formatSize(decoder.value),
        arena: formatSize(this.arenaBytes)
      })
    }
  }

  /** Id of the handle named on this line (word `nameWord`), created on first use. */
  private handleId(): number {
    const reader = this.reader
    const word = this.decoder.nameWord
    const id = this.handles.intern(reader.text, reader.wordStart[word]!, reader.wordEnd[word]!)
    if (id === this.handleState.length) this.growHandles()
    return id
  }

  private growHandles(): void {
    const size = this.handleState.length * 2
    const grow = <T extends Uint8Array | Int32Array>(old: T, fresh: T): T => {
      fresh.set(old)
      return fresh
    }
    this.handleState = grow(this.handleState, new Uint8Array(size))
    this.handleKind = grow(this.handleKind, new Uint8Array(size))
    this.handleLine = grow(this.handleLine, new Int32Array(size))
    this.handleCache = grow(this.handleCache, new Int32Array(size))
  }

  private acquire(op: OpCode, kind: HandleKindCode, cache: number, size: number): void {
    const decoder = this.decoder
    const id = this.handleId()
    if (this.handleState[id] === HandleState.Live) {
      this.report('handle-live', decoder.nameWord, 'handleLive', {
        handle: decoder.name,
        line: this.handleLine[id]!,
        release: RELEASE_WORD[this.handleKind[id] as HandleKindCode]
      })
      if (this.handleKind[id] === HandleKind.Object) {
        this.cacheLiveObjects[this.handleCache[id]!]!--
      }
    }
    if (size === 0 && op !== Op.CacheAlloc && op !== Op.PageAlloc) {
      this.report('size-zero', decoder.valueWord, 'sizeZero', {
        keyword: KEYWORDS[decoder.keyword]!.word
      })
    }
    this.handleState[id] = HandleState.Live
    this.handleKind[id] = kind
    this.handleLine[id] = this.reader.line
    this.handleCache[id] = cache
    this.emit(op, id, cache, size)
  }

  /** The id of a handle that is live now, or -1 after reporting why it is not. */
  private liveHandle(): number {
    const decoder = this.decoder
    const reader = this.reader
    const word = decoder.nameWord
    const id = this.handles.find(reader.text, reader.wordStart[word]!, reader.wordEnd[word]!)
    if (id < 0) {
      const name = decoder.name
      const suggestion =
        this.handles.size <= SUGGEST_LIMIT ? this.suggestLiveHandle(name) : undefined
      this.report(
        'unknown-handle',
        decoder.nameWord,
        suggestion ? 'unknownHandleSuggest' : 'unknownHandle',
        { handle: name, suggestion: suggestion ?? '' }
      )
      return -1
    }
    if (this.handleState[id] !== HandleState.Live) {
      this.report('handle-freed', decoder.nameWord, 'handleFreed', {
        handle: decoder.name,
        line: this.handleLine[id]!
      })
      return -1
    }
    return id
  }

  private suggestLiveHandle(name: string): string | undefined {
    const live = this.handles.names.filter((_, id) => this.handleState[id] === HandleState.Live)
    return closestWord(name, live)
  }

  private release(op: OpCode, kind: HandleKindCode): void {
    const decoder = this.decoder
    const id = this.liveHandle()
    if (id < 0) return
    const heldKind = this.handleKind[id] as HandleKindCode
    if (heldKind !== kind) {
      this.report('mismatched-free', 0, 'mismatchedFree', {
        handle: decoder.name,
        used: KEYWORDS[decoder.keyword]!.word,
        acquire: ACQUIRE_WORD[heldKind],
        release: RELEASE_WORD[heldKind],
        line: this.handleLine[id]!
      })
    }
    const cache = this.handleCache[id]!
    if (heldKind === HandleKind.Object) this.cacheLiveObjects[cache]!--
    this.handleState[id] = HandleState.Freed
    this.handleLine[id] = this.reader.line
    this.emit(op, id, op === Op.CacheFree ? cache : -1, 0)
  }

  private realloc(): void {
    const decoder = this.decoder
    const id = this.liveHandle()
    if (id < 0) return
    const heldKind = this.handleKind[id] as HandleKindCode
    if (heldKind !== HandleKind.Block) {
      this.report('cannot-realloc', decoder.nameWord, 'cannotRealloc', {
        handle: decoder.name,
        acquire: ACQUIRE_WORD[heldKind],
        line: this.handleLine[id]!
      })
      return
    }
    this.checkAgainstArena()
    if (decoder.value === 0) {
      this.report('size-zero', decoder.valueWord, 'sizeZero', { keyword: 'realloc' })
    }
    this.handleLine[id] = this.reader.line
    this.emit(Op.Realloc, id, -1, decoder.value)
  }

  private createCache(): void {
    const decoder = this.decoder
    const reader = this.reader
    const word = decoder.nameWord
    const nameId = this.cacheNames.intern(
      reader.text,
      reader.wordStart[word]!,
      reader.wordEnd[word]!
    )
    const existing = this.cacheByName[nameId]
    if (existing !== undefined && this.cacheDestroyedLine[existing] === 0) {
      this.report('cache-exists', decoder.nameWord, 'cacheExists', {
        cache: decoder.name,
        line: this.cacheLine[existing]!
      })
      return
    }
    const id = this.caches.length
    this.caches.push({
      name: decoder.name,
      objectSize: decoder.value,
      align: decoder.align,
      ctorCost: decoder.ctorCost,
      dtorCost: decoder.dtorCost,
      pagesPerSlab: decoder.slabPages
    })
    this.cacheLine.push(this.reader.line)
    this.cacheDestroyedLine.push(0)
    this.cacheLiveObjects.push(0)
    this.cacheByName[nameId] = id
    this.emit(Op.CacheCreate, -1, id, 0)
  }

  /** The id of a cache that exists now, or -1 after reporting why it does not. */
  private findCache(word: number): number {
    const reader = this.reader
    const nameId = this.cacheNames.find(reader.text, reader.wordStart[word]!, reader.wordEnd[word]!)
    const id = nameId < 0 ? undefined : this.cacheByName[nameId]
    const name = nameId < 0 ? reader.word(word) : this.cacheNames.names[nameId]!
    if (id === undefined) {
      const suggestion = closestWord(
        name,
        this.cacheNames.names.filter((_, n) => this.cacheDestroyedLine[this.cacheByName[n]!] === 0)
      )
      this.report('unknown-cache', word, suggestion ? 'unknownCacheSuggest' : 'unknownCache', {
        cache: name,
        suggestion: suggestion ?? ''
      })
      return -1
    }
    const destroyedAt = this.cacheDestroyedLine[id]!
    if (destroyedAt > 0) {
      this.report('cache-destroyed', word, 'cacheDestroyed', { cache: name, line: destroyedAt })
      return -1
    }
    return id
  }

  private destroyCache(): void {
    const decoder = this.decoder
    const id = this.findCache(decoder.nameWord)
    if (id < 0) return
    const live = this.cacheLiveObjects[id]!
    if (live > 0) {
      const holder = this.handles.names.find(
        (_, h) =>
          this.handleState[h] === HandleState.Live &&
          this.handleKind[h] === HandleKind.Object &&
          this.handleCache[h] === id
      )
      this.report('cache-busy', 1, 'cacheBusy', {
        cache: decoder.name,
        count: live,
        handle: holder ?? ''
      })
      return
    }
    this.cacheDestroyedLine[id] = this.reader.line
    this.emit(Op.CacheDestroy, -1, id, 0)
  }
}
