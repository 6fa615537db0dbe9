import { EditorView } from '@codemirror/view'

/**
 * The editor in the app's own tokens (styles/theme.css), so it follows the
 * light and dark themes without a second palette, at the app's type size.
 */
export const editorTheme = EditorView.theme({
  '&': {
    height: '100%',
    fontFamily: 'var(--font-sans)',
    color: 'var(--color-text)',
    backgroundColor: 'var(--color-surface)',
    fontSize: 'var(--text-base)'
  },
  '&.cm-focused': { outline: 'none' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.6' },
  '.cm-content': { caretColor: 'var(--color-text)', paddingBlock: 'var(--space-2)' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--color-text)', borderLeftWidth: '2px' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground, ::selection':
    { backgroundColor: 'var(--color-editor-selection)' },
  '.cm-activeLine': { backgroundColor: 'var(--color-editor-active-line)' },
  '.cm-gutters': {
    backgroundColor: 'var(--color-bg)',
    color: 'var(--color-text-muted)',
    borderInlineEnd: '1px solid var(--color-border)'
  },
  '.cm-activeLineGutter': {
    backgroundColor: 'var(--color-editor-active-line)',
    color: 'var(--color-text)'
  },
  '.cm-lineNumbers .cm-gutterElement': { paddingInline: 'var(--space-2) var(--space-3)' },
  '.cm-lintRange-error': {
    backgroundImage: 'none',
    textDecoration: 'underline wavy var(--color-danger)',
    textDecorationThickness: '2px',
    textDecorationSkipInk: 'none',
    textUnderlineOffset: '4px'
  },
  '.cm-lintRange-warning': {
    backgroundImage: 'none',
    textDecoration: 'underline dashed var(--color-warning-border)',
    textDecorationThickness: '2px',
    textUnderlineOffset: '4px'
  },
  '.cm-tooltip': {
    border: '1px solid var(--color-border-strong)',
    borderRadius: 'var(--radius-md)',
    backgroundColor: 'var(--color-surface)',
    color: 'var(--color-text)',
    fontSize: 'var(--text-sm)',
    boxShadow: 'var(--shadow-raised)',
    maxWidth: '34rem'
  },
  '.cm-tooltip-lint, .cm-tooltip-hover': { padding: 'var(--space-2) var(--space-3)' },
  '.cm-diagnostic': { padding: 'var(--space-1) 0', borderLeftWidth: '4px' },
  '.cm-diagnosticSource': {
    color: 'var(--color-text-muted)',
    fontFamily: 'var(--font-mono)',
    fontSize: '0.8125rem',
    opacity: '1'
  },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--color-danger)' },
  '.cm-diagnostic-warning': { borderLeftColor: 'var(--color-warning-border)' },
  '.cm-diagnosticAction': {
    marginInlineStart: 'var(--space-2)',
    padding: 'var(--space-1) var(--space-2)',
    border: '2px solid var(--color-accent)',
    borderRadius: 'var(--radius-md)',
    backgroundColor: 'var(--color-surface)',
    color: 'var(--color-accent-strong)',
    font: 'inherit',
    fontWeight: '600',
    cursor: 'pointer'
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-mono)', maxHeight: '16em' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: 'var(--space-1) var(--space-2)' },
  '.cm-tooltip-autocomplete ul li[aria-selected]': {
    backgroundColor: 'var(--color-accent)',
    color: 'var(--color-on-accent)'
  },
  '.cm-completionDetail': {
    marginInlineStart: 'var(--space-3)',
    fontStyle: 'normal',
    opacity: '1'
  },
  '.cm-completionInfo': { padding: 'var(--space-2) var(--space-3)' },
  '.cm-panels': {
    backgroundColor: 'var(--color-bg)',
    color: 'var(--color-text)',
    fontSize: 'var(--text-sm)'
  },
  '.cm-panels.cm-panels-top': { borderBottom: '1px solid var(--color-border)' },
  '.cm-panel.cm-search': { padding: 'var(--space-2) var(--space-3)' },
  '.cm-panel.cm-search input[type=checkbox]': {
    inlineSize: '1.1rem',
    blockSize: '1.1rem',
    verticalAlign: 'middle',
    accentColor: 'var(--color-accent)'
  },
  '.cm-panel.cm-search label': { fontSize: 'var(--text-sm)', whiteSpace: 'nowrap' },
  '.cm-textfield': {
    minHeight: '2.25rem',
    padding: '0 var(--space-2)',
    border: '2px solid var(--color-border-strong)',
    borderRadius: 'var(--radius-md)',
    backgroundColor: 'var(--color-surface)',
    color: 'var(--color-text)',
    font: 'inherit'
  },
  '.cm-button': {
    minHeight: '2.25rem',
    padding: '0 var(--space-3)',
    border: '2px solid var(--color-border-strong)',
    borderRadius: 'var(--radius-md)',
    backgroundImage: 'none',
    backgroundColor: 'var(--color-surface)',
    color: 'var(--color-text)',
    font: 'inherit',
    fontWeight: '600'
  },
  '.cm-textfield:focus-visible, .cm-button:focus-visible, .cm-diagnosticAction:focus-visible, .cm-panel input[type=checkbox]:focus-visible':
    { outline: '3px solid var(--color-focus)', outlineOffset: '2px' },
  '.cm-panel.cm-search [name=close]': { color: 'var(--color-text)', fontSize: 'var(--text-lg)' },
  '.cm-searchMatch': {
    backgroundColor: 'var(--color-warning-bg)',
    outline: '1px solid var(--color-warning-border)'
  },
  '.cm-searchMatch-selected': { backgroundColor: 'var(--color-editor-selection)' },
  '.cm-selectionMatch': { backgroundColor: 'var(--color-accent-soft)' },
  '.cm-scn-request': { color: 'var(--color-syntax-request)', fontWeight: '700' },
  '.cm-scn-directive': { color: 'var(--color-syntax-directive)', fontWeight: '700' },
  '.cm-scn-number': { color: 'var(--color-syntax-number)' },
  '.cm-scn-unit': { color: 'var(--color-syntax-unit)', fontWeight: '600' },
  '.cm-scn-option': { color: 'var(--color-syntax-option)', fontStyle: 'italic' },
  '.cm-scn-comment': { color: 'var(--color-syntax-comment)', fontStyle: 'italic' },
  '.cm-scn-help': { display: 'grid', gap: 'var(--space-1)', maxWidth: '32rem' },
  '.cm-scn-help__synopsis': { fontWeight: '700', fontSize: 'var(--text-base)' },
  '.cm-scn-help p': { margin: '0' }
})
