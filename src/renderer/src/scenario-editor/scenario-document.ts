import {
  Annotation,
  EditorSelection,
  EditorState,
  Text,
  Transaction,
  type Extension,
  type TransactionSpec
} from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { editableCompartment } from './scenario-extensions'
import type { SourceInfo, TextChange } from '@renderer/scenario-worker/protocol'
import type { ScenarioWorkerClient } from '@renderer/scenario-worker/scenario-worker-client'

/** Marks a change whose inserted text the worker already holds as `source`. */
const adoptedSource = Annotation.define<{
  source: number
  from: number
  to: number
  before: string
  after: string
}>()

/** Characters per chunk when a large text is loaded: each chunk is split and added in its own task. */
const CHUNK_CHARS = 128 * 1024

export type InsertPlace = 'replace' | 'cursor'

/**
 * The scenario being edited: one CodeMirror state, shown in an editor view
 * while the Workbench is open and kept (with its undo history) while it is
 * not. Every change is mirrored to the scenario worker in order, tagged with
 * a version, so analyses can be matched to the text they describe.
 */
export class ScenarioDocument {
  private headless: EditorState
  private view: EditorView | null = null
  private readonly listeners = new Set<(transaction: Transaction | null) => void>()
  /** Increases with every change of the text; the worker's copy carries the same number. */
  version = 1

  constructor(
    private readonly worker: ScenarioWorkerClient,
    extensions: Extension
  ) {
    this.headless = EditorState.create({ doc: '', extensions })
    worker.reset(this.version, '')
    worker.onResync = () => worker.reset(this.version, this.state.doc.toString())
  }

  get state(): EditorState {
    return this.view?.state ?? this.headless
  }

  get editorView(): EditorView | null {
    return this.view
  }

  /**
   * Show the document in `host`, inside its shadow root: CodeMirror styles a
   * shadow root through a constructed (adopted) style sheet, which the
   * app's CSP (`style-src 'self'`, no inline styles) allows, where in the
   * document itself it would need an inline <style> element.
   */
  attach(host: HTMLElement): EditorView {
    this.detach()
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' })
    const view = new EditorView({
      state: this.headless,
      parent: root,
      root,
      dispatchTransactions: (transactions, target) => {
        target.update(transactions)
        for (const transaction of transactions) this.mirror(transaction)
      }
    })
    this.view = view
    this.notify(null)
    return view
  }

  detach(): void {
    if (!this.view) return
    this.headless = this.view.state
    this.view.destroy()
    this.view = null
  }

  dispatch(...specs: TransactionSpec[]): void {
    if (this.view) {
      this.view.dispatch(...specs)
      return
    }
    const transaction = this.headless.update(...specs)
    this.headless = transaction.state
    this.mirror(transaction)
  }

  /** Told after every transaction (null: a view was attached). */
  onUpdate(listener: (transaction: Transaction | null) => void): () => void {
    this.listeners.add(listener)
    return () => this.listeners.delete(listener)
  }

  /** Replace everything with a small text the window made itself (a template, a new scenario). */
  replaceAll(text: string): void {
    this.dispatch({
      changes: { from: 0, to: this.state.doc.length, insert: text },
      selection: EditorSelection.cursor(0),
      scrollIntoView: true,
      userEvent: 'input.replace'
    })
  }

  /**
   * Put a text the worker holds into the document, replacing it or at the
   * cursor. A large text comes over in whole-line chunks, each added in its
   * own task, so the window keeps answering while it loads.
   */
  async adopt(
    info: SourceInfo,
    place: InsertPlace,
    options: { onProgress?: (loaded: number, total: number) => void; undoable?: boolean } = {}
  ): Promise<void> {
    const { onProgress, undoable = true } = options
    let inserted: Text
    if (info.text !== null) inserted = Text.of(info.text.split('\n'))
    else {
      // Edits made while it loads would land in a text about to be replaced.
      this.setEditable(false)
      let built: Text | null = null
      let loaded = 0
      try {
        await this.worker.request(
          { kind: 'chunks', source: info.source, chunkChars: CHUNK_CHARS },
          (chunk) => {
            const piece = Text.of(chunk.split('\n'))
            built = built === null ? piece : built.append(piece)
            loaded += chunk.length
            onProgress?.(loaded, info.length)
          }
        )
      } finally {
        this.setEditable(true)
      }
      inserted = built ?? Text.empty
    }
    const { from, to, before, after } = this.insertionPoint(place, inserted)
    const glued =
      before === '' && after === ''
        ? inserted
        : Text.of(before.split('\n'))
            .append(inserted)
            .append(Text.of(after.split('\n')))
    this.dispatch({
      changes: { from, to, insert: glued },
      selection: EditorSelection.cursor(place === 'replace' ? 0 : from + glued.length),
      annotations: [
        adoptedSource.of({ source: info.source, from, to, before, after }),
        Transaction.addToHistory.of(undoable)
      ],
      scrollIntoView: true,
      userEvent: place === 'replace' ? 'input.replace' : 'input.paste'
    })
    this.worker.release(info.source)
  }

  /**
   * Where an adopted text goes. At the cursor it goes in as whole lines: a
   * cursor in the middle of a line moves to that line's end, so a generated
   * scenario never splits a request in two.
   */
  private insertionPoint(
    place: InsertPlace,
    inserted: Text
  ): { from: number; to: number; before: string; after: string } {
    const doc = this.state.doc
    if (place === 'replace') return { from: 0, to: doc.length, before: '', after: '' }
    const selection = this.state.selection.main
    const line = doc.lineAt(selection.from)
    const endsWithBreak = inserted.length > 0 && inserted.sliceString(inserted.length - 1) === '\n'
    if (selection.empty && selection.from > line.from) {
      return { from: line.to, to: line.to, before: '\n', after: '' }
    }
    const followed = selection.to < doc.length
    return {
      from: selection.from,
      to: selection.to,
      before: '',
      after: endsWithBreak || !followed ? '' : '\n'
    }
  }

  /**
   * Replace the text with `next`, changing only the stretch that differs, so
   * the cursor stays where it was and undo restores exactly that stretch.
   */
  replaceDifference(next: string): void {
    const current = this.state.doc.toString()
    const shorter = Math.min(current.length, next.length)
    let start = 0
    while (start < shorter && current.charCodeAt(start) === next.charCodeAt(start)) start++
    let endCurrent = current.length
    let endNext = next.length
    while (
      endCurrent > start &&
      endNext > start &&
      current.charCodeAt(endCurrent - 1) === next.charCodeAt(endNext - 1)
    ) {
      endCurrent--
      endNext--
    }
    this.dispatch({
      changes: { from: start, to: endCurrent, insert: next.slice(start, endNext) },
      userEvent: 'input.format'
    })
  }

  setEditable(editable: boolean): void {
    this.dispatch({ effects: editableCompartment.reconfigure(EditorView.editable.of(editable)) })
  }

  /** Put the cursor at a line and column (1-based), scroll there and focus the editor. */
  jumpTo(line: number, column: number): void {
    const doc = this.state.doc
    const target = doc.line(Math.min(Math.max(1, line), doc.lines))
    const pos = Math.min(target.to, target.from + Math.max(0, column - 1))
    this.dispatch({
      selection: EditorSelection.cursor(pos),
      effects: EditorView.scrollIntoView(pos, { y: 'center' })
    })
    this.view?.focus()
  }

  private mirror(transaction: Transaction): void {
    if (transaction.docChanged) {
      this.version++
      const adopted = transaction.annotation(adoptedSource)
      if (adopted) {
        this.worker.adopt(
          this.version,
          adopted.source,
          adopted.from,
          adopted.to,
          adopted.before,
          adopted.after
        )
      } else {
        const changes: TextChange[] = []
        transaction.changes.iterChanges((fromA, toA, _fromB, _toB, inserted) => {
          changes.push([fromA, toA, inserted.toString()])
        })
        this.worker.change(this.version, changes)
      }
    }
    this.notify(transaction)
  }

  private notify(transaction: Transaction | null): void {
    for (const listener of this.listeners) listener(transaction)
  }
}
