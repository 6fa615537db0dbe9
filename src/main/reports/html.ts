/**
 * HTML built from templates whose interpolations are escaped unless they are
 * already HTML: user text (a scenario, a cache name, an experiment's notes)
 * can only ever become text, whatever it holds (`</pre>`, `<script>`, quotes).
 */

/** Markup that is already safe to place as it is. */
export class SafeHtml {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text
  }
}

export type HtmlValue = SafeHtml | string | number | null | undefined | false | readonly HtmlValue[]

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;'
}

/** Text made safe for element content and for quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!)
}

function render(value: HtmlValue): string {
  if (value instanceof SafeHtml) return value.text
  if (Array.isArray(value)) return value.map(render).join('')
  if (value === null || value === undefined || value === false) return ''
  return escapeHtml(String(value))
}

/** A template whose values are escaped (arrays are joined, null/undefined/false leave nothing). */
export function markup(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!
  for (let i = 0; i < values.length; i++) out += render(values[i]!) + strings[i + 1]!
  return new SafeHtml(out)
}

/** Markup the code itself produced (styles, numbers it formatted); never user text. */
export function trusted(text: string): SafeHtml {
  return new SafeHtml(text)
}
