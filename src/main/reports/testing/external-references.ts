import { JSDOM, type TestDocument, type TestElement } from 'jsdom'

/** Elements that load, run or embed something by their nature, whatever their attributes say. */
const FORBIDDEN_ELEMENTS = new Set([
  'script',
  'iframe',
  'frame',
  'frameset',
  'object',
  'embed',
  'applet',
  'link',
  'base',
  'img',
  'image',
  'picture',
  'source',
  'audio',
  'video',
  'track',
  'portal',
  'form',
  'foreignobject',
  'use'
])

/** Attributes that name a resource or a destination. */
const URL_ATTRIBUTES = new Set([
  'src',
  'href',
  'xlink:href',
  'action',
  'formaction',
  'poster',
  'data',
  'background',
  'ping',
  'manifest',
  'lowsrc',
  'longdesc',
  'codebase',
  'archive',
  'dynsrc',
  'cite',
  'icon'
])

/** May point at a fragment of this document, or (src only) carry its data inline. */
function allowedUrl(value: string): boolean {
  const trimmed = value.trim()
  return trimmed.startsWith('#') || /^data:/i.test(trimmed)
}

/** Every `url(...)` and `@import` in CSS text that leaves the document. */
function cssReferences(css: string, where: string): string[] {
  const found: string[] = []
  if (/@import/i.test(css)) found.push(`${where}: @import`)
  for (const match of css.matchAll(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi)) {
    if (!allowedUrl(match[2]!)) found.push(`${where}: url(${match[2]})`)
  }
  for (const match of css.matchAll(/image-set\(|-webkit-image-set\(/gi))
    found.push(`${where}: ${match[0]}`)
  return found
}

/**
 * What in an HTML document could make a reader's browser fetch anything:
 * every src, href, xlink:href (and the like), srcset, `url(` and `@import`
 * that is not a `#fragment` or `data:`, and every element that loads or runs
 * something (script, iframe, link, img...), plus a meta refresh. Empty when
 * the document is self-contained.
 */
export function externalReferences(html: string): string[] {
  const document: TestDocument = new JSDOM(html).window.document
  const found: string[] = []
  const elements = Array.from(document.querySelectorAll('*')) as TestElement[]
  for (const element of elements) {
    const tag = element.localName.toLowerCase()
    if (FORBIDDEN_ELEMENTS.has(tag)) found.push(`<${tag}>`)
    if (tag === 'meta' && (element.getAttribute('http-equiv') ?? '').toLowerCase() === 'refresh')
      found.push('<meta http-equiv="refresh">')
    if (tag === 'style') found.push(...cssReferences(element.textContent ?? '', '<style>'))
    for (const attribute of Array.from(element.attributes)) {
      const name = attribute.name.toLowerCase()
      if (name === 'srcset' || name === 'imagesrcset') found.push(`<${tag} ${name}>`)
      else if (URL_ATTRIBUTES.has(name) && !allowedUrl(attribute.value))
        found.push(`<${tag} ${name}="${attribute.value}">`)
      else if (name.startsWith('on')) found.push(`<${tag} ${name}>`)
      if (/url\(|@import|image-set\(/i.test(attribute.value))
        found.push(...cssReferences(attribute.value, `<${tag} ${name}>`))
    }
  }
  return found
}
