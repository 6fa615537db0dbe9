/**
 * jsdom lays nothing out, so the few measuring calls CodeMirror makes get
 * empty answers here instead of throwing. Import before mounting an editor.
 */
const emptyRects = (): DOMRectList => {
  const list = [] as unknown as DOMRectList
  return Object.assign(list, { item: () => null })
}
const emptyRect = (): DOMRect => new DOMRect(0, 0, 0, 0)

if (typeof Range !== 'undefined') {
  Range.prototype.getClientRects ??= emptyRects
  Range.prototype.getBoundingClientRect ??= emptyRect
}
if (typeof document !== 'undefined') document.execCommand ??= () => false
