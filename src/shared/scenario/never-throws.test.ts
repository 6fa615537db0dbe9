import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { compileScenario } from './compile'
import { formatScenario } from './format'
import { importMalloclab } from './importers/malloclab'
import { importOpList } from './importers/oplist'
import { parseScenario } from './parse'
import { renderDiagnostic } from './render-diagnostic'
import { mutatedScenarioText } from './scenario-arbitrary'

/** Characters that matter to the scanner, so random strings hit its edge cases often. */
const scannerCharacter = fc.constantFrom(
  ...'allocfreepagescacheobject kmalloc 0123456789.xKMGiB_-#\n\r\t\u3000\ufeff\ud800+,'.split('')
)
const scannerText = fc.array(scannerCharacter, { maxLength: 200 }).map((c) => c.join(''))
const anyText = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 200 }),
  scannerText,
  mutatedScenarioText
)

describe('the scenario language on arbitrary input', () => {
  it('never throws and every diagnostic points inside the text', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const lines = text.split('\n')
        const { diagnostics } = compileScenario(text)
        for (const d of diagnostics) {
          expect(d.line).toBeGreaterThanOrEqual(1)
          expect(d.line).toBeLessThanOrEqual(lines.length)
          expect(d.column).toBeGreaterThanOrEqual(1)
          expect(d.column + d.length - 1).toBeLessThanOrEqual(
            Math.max(1, lines[d.line - 1]!.length)
          )
          expect(renderDiagnostic(d, 'zh-CN')).not.toMatch(/\{\w+\}/)
        }
        expect(parseScenario(text).statements).toHaveLength(lines.length)
        formatScenario(text)
      }),
      { numRuns: 1000 }
    )
  })

  it('never throws in the importers', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        importMalloclab(text)
        importOpList(text)
        importMalloclab(`2\n3\n${text}`)
      }),
      { numRuns: 500 }
    )
  })
})
