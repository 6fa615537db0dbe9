import { RangeSetBuilder } from '@codemirror/state'
import {
  Decoration,
  ViewPlugin,
  type DecorationSet,
  type EditorView,
  type ViewUpdate
} from '@codemirror/view'
import { tokenizeLine, type TokenKind } from './scenario-tokens'

const MARKS: Readonly<Record<TokenKind, Decoration>> = {
  request: Decoration.mark({ class: 'cm-scn-request' }),
  directive: Decoration.mark({ class: 'cm-scn-directive' }),
  name: Decoration.mark({ class: 'cm-scn-name' }),
  number: Decoration.mark({ class: 'cm-scn-number' }),
  unit: Decoration.mark({ class: 'cm-scn-unit' }),
  option: Decoration.mark({ class: 'cm-scn-option' }),
  text: Decoration.mark({ class: 'cm-scn-text' }),
  comment: Decoration.mark({ class: 'cm-scn-comment' }),
  unknown: Decoration.mark({ class: 'cm-scn-unknown' })
}

function decorate(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  const doc = view.state.doc
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = doc.lineAt(pos)
      for (const token of tokenizeLine(line.text)) {
        builder.add(line.from + token.from, line.from + token.to, MARKS[token.kind])
      }
      pos = line.to + 1
    }
  }
  return builder.finish()
}

/**
 * Syntax colours for the lines on screen only: scenario lines do not depend
 * on one another, so a ten-million-line scenario costs what its viewport does.
 */
export const scenarioHighlight = ViewPlugin.fromClass(
  class {
    decorations: DecorationSet
    constructor(view: EditorView) {
      this.decorations = decorate(view)
    }
    update(update: ViewUpdate): void {
      if (update.docChanged || update.viewportChanged) this.decorations = decorate(update.view)
    }
  },
  { decorations: (plugin) => plugin.decorations }
)
