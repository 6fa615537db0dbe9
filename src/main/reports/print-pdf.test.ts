import { mkdtempSync, readFileSync, readdirSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { LabError } from '@shared/lab-error'
import { translate } from '@shared/i18n/translate'
import { findChromium } from './find-chromium'
import { printHtmlToPdf } from './print-pdf'
import { requireChromium } from './write-report'

const installed = findChromium()

describe('findChromium', () => {
  it('takes CHROMIUM_PATH alone when it is set, and says so when it is wrong', () => {
    const exists = (path: string): boolean => path === '/opt/chrome/chrome'
    expect(findChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }, 'linux', exists).path).toBe(
      '/opt/chrome/chrome'
    )
    expect(
      findChromium({ CHROMIUM_PATH: '/nowhere/chrome', PATH: '/usr/bin' }, 'linux', exists)
    ).toEqual({
      path: null,
      looked: ['CHROMIUM_PATH=/nowhere/chrome']
    })
  })

  it('looks on PATH before the usual install folders', () => {
    const found = (paths: string[]) => (path: string) => paths.includes(path)
    expect(
      findChromium({ PATH: '/a:/b' }, 'linux', found(['/b/google-chrome', '/usr/bin/chromium']))
        .path
    ).toBe('/b/google-chrome')
    expect(findChromium({ PATH: '/a' }, 'linux', found(['/usr/bin/chromium'])).path).toBe(
      '/usr/bin/chromium'
    )
    expect(
      findChromium(
        {},
        'darwin',
        found(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'])
      ).path
    ).toBe('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome')
  })

  it('gives a plain, translated message when there is none', () => {
    const search = findChromium({ PATH: '/nothing' }, 'linux', () => false)
    let error: unknown
    try {
      requireChromium(search)
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(LabError)
    const { key, params } = error as LabError
    expect(translate('en', key, params)).toMatch(
      /^No Chromium or Chrome was found to make the PDF \(looked for chromium \(PATH\), .*\/usr\/bin\/chromium.*\)\. Install one, or set CHROMIUM_PATH/
    )
    expect(translate('zh-CN', key, params)).toMatch(/^没有找到可用来生成 PDF 的 Chromium 或 Chrome/)
  })
})

describe('printHtmlToPdf', () => {
  const skip = installed.path === null
  if (skip)
    console.log(
      `[pdf] skipped: no Chromium or Chrome here (looked for ${installed.looked.join(', ')})`
    )

  it.skipIf(skip)(
    'prints a page to a PDF with the installed Chromium and leaves no temporary folder',
    async () => {
      const out = join(mkdtempSync(join(tmpdir(), 'alloclab-report-test-')), 'report.pdf')
      const before = readdirSync(tmpdir()).filter((name) => name.startsWith('alloclab-pdf-')).length
      await printHtmlToPdf(
        '<!doctype html><meta charset="utf-8"><h1>AllocLab</h1><p>中文</p>',
        out,
        {
          browser: installed.path!
        }
      )
      const pdf = readFileSync(out)
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-')
      expect(pdf.length).toBeGreaterThan(1000)
      const after = readdirSync(tmpdir()).filter((name) => name.startsWith('alloclab-pdf-')).length
      expect(after).toBe(before)
    },
    60_000
  )

  it('says what went wrong when the program prints no PDF', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'alloclab-report-test-')), 'report.pdf')
    await expect(printHtmlToPdf('<p>x</p>', out, { browser: '/bin/false' })).rejects.toMatchObject({
      code: 'internal',
      key: 'report.pdf.failed',
      params: { detail: 'exit status 1: ' }
    })
  })
})
