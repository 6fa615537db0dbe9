/**
 * Print a report (src/main/reports) through the browser, with the print
 * stylesheet it carries. The window's own content security policy forbids
 * inline styles and data: fonts, and a frame inherits it, so the report's
 * stylesheet goes in through the CSS object model and its embedded fonts
 * as FontFace objects made from their bytes: neither is a load the policy
 * governs, and nothing leaves the page.
 */

/** A font face the report embeds as a data: URL. */
export interface EmbeddedFace {
  readonly family: string
  readonly bytes: Uint8Array<ArrayBuffer>
  readonly descriptors: FontFaceDescriptors
}

const STYLE_ELEMENT = /<style\b[^>]*>([\s\S]*?)<\/style>/gi
const FONT_FACE = /@font-face\s*\{([^}]*)\}/g
const DESCRIPTOR = /([a-z-]+)\s*:\s*([^;]+);?/g
const SRC = /\bsrc\s*:[^;]*url\([^)]*\)[^;]*;?/g
const DATA_URL = /url\(\s*["']?data:[^;,]+;base64,([A-Za-z0-9+/=]+)["']?\s*\)/

/** The report's stylesheet without its @font-face rules, and the faces those rules embed. */
export function splitReportStyles(css: string): { css: string; faces: EmbeddedFace[] } {
  const faces: EmbeddedFace[] = []
  const rest = css.replace(FONT_FACE, (_rule, body: string) => {
    let family = ''
    // The data: URL holds a `;` of its own, so it is found before the descriptors are split.
    const base64 = DATA_URL.exec(body)?.[1] ?? ''
    const descriptors: Record<string, string> = {}
    for (const [, name, value] of body.replace(SRC, '').matchAll(DESCRIPTOR)) {
      const text = value!.trim()
      if (name === 'font-family') family = text.replace(/^["']|["']$/g, '')
      else if (name === 'unicode-range') descriptors['unicodeRange'] = text
      else if (name === 'font-weight') descriptors['weight'] = text
      else if (name === 'font-style') descriptors['style'] = text
      else if (name === 'font-display') descriptors['display'] = text
    }
    if (family && base64) faces.push({ family, bytes: decodeBase64(base64), descriptors })
    return ''
  })
  return { css: rest, faces }
}

function decodeBase64(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** Lay the report out in a hidden frame of this page and open the browser's print dialog on it. */
export async function printReport(html: string, frameTitle: string): Promise<void> {
  // Taken out before parsing: even a parsed document's <style> is checked against the window's policy.
  const styles: string[] = []
  const unstyled = html.replace(STYLE_ELEMENT, (_element, css: string) => {
    styles.push(css)
    return ''
  })
  const source = new DOMParser().parseFromString(unstyled, 'text/html')
  const frame = document.createElement('iframe')
  frame.title = frameTitle
  frame.setAttribute('aria-hidden', 'true')
  frame.tabIndex = -1
  // A class, not a style attribute: the window's policy refuses inline styles.
  frame.className = 'print-frame'
  document.body.append(frame)
  // The frame's own constructors: a sheet or a face from this window could not be adopted there.
  const view = frame.contentWindow as (Window & typeof globalThis) | null
  const target = frame.contentDocument
  if (!view || !target) {
    frame.remove()
    throw new Error('the print frame has no document')
  }
  target.documentElement.lang = source.documentElement.lang
  target.title = source.title
  source.querySelectorAll('script, style, meta, link, base').forEach((node) => node.remove())
  const { css, faces } = splitReportStyles(styles.join('\n'))
  const sheet = new view.CSSStyleSheet()
  sheet.replaceSync(css)
  target.adoptedStyleSheets = [sheet]
  for (const face of faces) {
    const font = new view.FontFace(face.family, face.bytes, face.descriptors)
    target.fonts.add(await font.load())
  }
  target.body.replaceChildren(
    ...[...source.body.childNodes].map((node) => target.importNode(node, true))
  )
  await target.fonts.ready
  const done = (): void => frame.remove()
  view.addEventListener('afterprint', done, { once: true })
  // A browser that never says the dialog closed still lets the frame go.
  setTimeout(done, 10 * 60 * 1000)
  view.focus()
  view.print()
}
