import { SANS_STACK } from '../reports/report-style'

/**
 * A CSS string holding `text` as it is: every character but plain letters,
 * digits and spaces written as a hex escape, so a title can never close
 * the string, the rule or the <style> element it sits in.
 */
export function cssString(text: string): string {
  let out = '"'
  for (const char of text) {
    out += /^[A-Za-z0-9 ]$/.test(char) ? char : `\\${char.codePointAt(0)!.toString(16)} `
  }
  return `${out}"`
}

/**
 * What an exercise sheet adds to the report's stylesheet, for paper first:
 * the printer's own paper (A4 or Letter: the report's A4 is not forced on a
 * sheet a teacher prints at school), each page footed with the sheet's
 * name and its page number so loose pages find their place, a question
 * never split across pages, and room to write an answer by hand.
 */
export function sheetStyle(footer: string, embeddedFamily: string | null): string {
  // The embedded CJK face first, as in the report's own stack: a footer in Chinese needs it too.
  const first = embeddedFamily ? [`"${embeddedFamily}"`] : []
  const footerFont = `9pt ${[...first, ...SANS_STACK, 'sans-serif'].join(', ')}`
  return `
ol.requests { columns: 3 14em; margin: 8px 0; padding-inline-start: 2.5em; font-family: var(--mono, monospace); }
ol.requests li { break-inside: avoid; }
ol.requests li.asked { font-weight: 700; }
section.question { break-inside: avoid; margin: 14px 0; padding: 10px 14px; border: 1px solid #aab2bc; border-radius: 8px; }
section.question h3 { margin: 0 0 6px; }
.answer-label { margin: 10px 0 0; }
.write-line { height: 2.1em; border-bottom: 1px dashed #6b7480; }
dl.facts dt.write-in { align-self: end; }
dl.facts dd.write-in { max-width: 26em; min-height: 1.9em; border-bottom: 1px solid #6b7480; }
.right { font-weight: 700; }
@page {
  size: auto;
  margin: 15mm 14mm 17mm;
  @bottom-left { content: ${cssString(footer)}; font: ${footerFont}; color: #5b6572; }
  @bottom-right { content: counter(page) " / " counter(pages); font: ${footerFont}; color: #5b6572; }
}
@media print {
  section.question { margin: 10px 0; }
  header.top { break-after: avoid; }
}
`
}
