import { autocompletion, completionKeymap } from '@codemirror/autocomplete'
import { defaultKeymap, history, historyKeymap, toggleComment } from '@codemirror/commands'
import { lintGutter, lintKeymap } from '@codemirror/lint'
import { highlightSelectionMatches, search, searchKeymap } from '@codemirror/search'
import { Compartment, EditorState, Prec, type Extension } from '@codemirror/state'
import {
  EditorView,
  drawSelection,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers
} from '@codemirror/view'
import { editorPhrases } from './editor-phrases'
import { editorTheme } from './editor-theme'
import { scenarioCompletion, type LiveNames } from './scenario-completion'
import type { Translate } from './scenario-diagnostics'
import { scenarioHighlight } from './scenario-highlight'
import { scenarioHover } from './scenario-hover'

export interface ScenarioEditorHooks {
  /** The translator of the current language, read whenever text is shown. */
  translate(): Translate
  /** Ctrl/Cmd+Enter. */
  run(): void
  /** Shift+Alt+F. */
  format(): void
  namesAbove(lineStart: number): Promise<LiveNames>
}

/** The parts of the editor that speak the reader's language; swapped on a language change. */
export const localizedCompartment = new Compartment()

/** Editing is off while a large text is being loaded into the document. */
export const editableCompartment = new Compartment()

export function localizedExtensions(t: Translate): Extension {
  return [
    editorPhrases(t),
    EditorView.contentAttributes.of({ 'aria-label': t('workbench.editor.label') })
  ]
}

/** Everything the scenario editor is: the language's colours, help and completion, and the usual editing. */
export function scenarioExtensions(hooks: ScenarioEditorHooks): Extension {
  return [
    lineNumbers(),
    highlightActiveLineGutter(),
    history(),
    drawSelection(),
    EditorView.lineWrapping,
    highlightActiveLine(),
    highlightSelectionMatches(),
    search({ top: true }),
    autocompletion({
      override: [scenarioCompletion(() => hooks.translate(), hooks.namesAbove)],
      icons: false
    }),
    lintGutter(),
    scenarioHighlight,
    scenarioHover(() => hooks.translate()),
    EditorState.languageData.of(() => [{ commentTokens: { line: '#' } }]),
    editorTheme,
    localizedCompartment.of(localizedExtensions(hooks.translate())),
    editableCompartment.of(EditorView.editable.of(true)),
    Prec.highest(
      keymap.of([
        {
          key: 'Mod-Enter',
          run: () => {
            hooks.run()
            return true
          }
        },
        {
          key: 'Shift-Alt-f',
          run: () => {
            hooks.format()
            return true
          }
        },
        { key: 'Mod-/', run: toggleComment }
      ])
    ),
    keymap.of([
      ...defaultKeymap,
      ...searchKeymap,
      ...historyKeymap,
      ...completionKeymap,
      ...lintKeymap
    ])
  ]
}
