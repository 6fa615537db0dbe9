import { EditorState } from '@codemirror/state'
import type { Translate } from './scenario-diagnostics'

/** CodeMirror's own words (search panel, lint, completion), in the reader's language. */
export function editorPhrases(t: Translate) {
  const w = (key: string): string => t(`workbench.codemirror.${key}`)
  return EditorState.phrases.of({
    Find: w('find'),
    Replace: w('replace'),
    next: w('next'),
    previous: w('previous'),
    all: w('all'),
    'match case': w('matchCase'),
    regexp: w('regexp'),
    'by word': w('byWord'),
    replace: w('replaceOne'),
    'replace all': w('replaceAll'),
    close: w('close'),
    'current match': w('currentMatch'),
    'replaced $ matches': w('replacedMatches'),
    'replaced match on line $': w('replacedOnLine'),
    'on line': w('onLine'),
    'Go to line': w('goToLine'),
    go: w('go'),
    Diagnostics: w('diagnostics'),
    'No diagnostics': w('noDiagnostics'),
    Completions: w('completions'),
    'Control character': w('controlCharacter'),
    'Selection deleted': w('selectionDeleted')
  })
}
