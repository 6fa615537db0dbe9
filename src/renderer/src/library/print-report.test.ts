import { describe, expect, it } from 'vitest'
import { splitReportStyles } from './print-report'

describe('splitReportStyles', () => {
  it('takes the embedded font faces out of the stylesheet as bytes, with their descriptors', () => {
    const bytes = btoa(String.fromCharCode(0, 1, 2, 250))
    const css = `body { color: red }
@font-face { font-family: "AllocLab Noto Sans SC"; src: url(data:font/woff2;base64,${bytes}) format("woff2"); unicode-range: U+4E00-9FFF; font-display: block; }
@media print { h2 { break-after: avoid } }`
    const { css: rest, faces } = splitReportStyles(css)
    expect(rest).not.toContain('@font-face')
    expect(rest).toContain('body { color: red }')
    expect(rest).toContain('@media print { h2 { break-after: avoid } }')
    expect(faces).toHaveLength(1)
    expect(faces[0]!.family).toBe('AllocLab Noto Sans SC')
    expect([...faces[0]!.bytes]).toEqual([0, 1, 2, 250])
    expect(faces[0]!.descriptors).toEqual({ unicodeRange: 'U+4E00-9FFF', display: 'block' })
  })

  it('drops a face that names no embedded bytes rather than let it be fetched', () => {
    const { css, faces } = splitReportStyles(
      '@font-face { font-family: X; src: url(https://example.com/x.woff2) }'
    )
    expect(faces).toEqual([])
    expect(css.trim()).toBe('')
  })
})
