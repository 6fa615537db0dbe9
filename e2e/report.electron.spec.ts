import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { electronNativeAddon, findElectron } from './electron-binary'

/**
 * `printReportToPdf` in src/main/index.ts turns a report into PDF through
 * Electron's own Chromium. Without the Electron program it is type-checked
 * only (the CLI's PDF path, through an installed Chromium, is tested in
 * src/main/reports/print-pdf.test.ts and runs everywhere Chromium is).
 */
test('the Electron shell prints a report to PDF with printToPDF', async () => {
  const binary = findElectron()
  if ('missing' in binary) {
    console.log(
      `[electron] skipped: ${binary.missing}. printReportToPdf in src/main/index.ts is type-checked only here.`
    )
    test.skip(true, binary.missing)
    return
  }
  if (!existsSync(electronNativeAddon)) {
    const why = 'better-sqlite3 has not been built for Electron yet; run `npm start` once'
    console.log(`[electron] skipped: ${why}.`)
    test.skip(true, why)
    return
  }
  const folder = mkdtempSync(join(tmpdir(), 'alloclab-electron-report-'))
  try {
    const scenario = join(folder, 'pages.alloc')
    writeFileSync(scenario, 'frames 64\npages a 2\npages b 0\nfree-pages a\n')
    const report = join(folder, 'report.html')
    const made = spawnSync(
      process.execPath,
      [
        join(__dirname, '..', 'bin', 'alloclab.cjs'),
        'run',
        scenario,
        '-a',
        'buddy:frames=64',
        '--report',
        report
      ],
      { encoding: 'utf8' }
    )
    expect(made.status, made.stderr).toBe(0)
    const app = await electron.launch({
      executablePath: binary.path,
      args: [join(__dirname, '..')],
      env: {
        ...process.env,
        ALLOCLAB_DB: join(folder, 'alloclab.db'),
        ALLOCLAB_NATIVE_BINDING: electronNativeAddon
      }
    })
    try {
      await app.firstWindow()
      // The shell's entry module is Electron's main module; its export is the wrapper under test.
      const head = await app.evaluate(
        async (_electron, html) => {
          const shell = (process as unknown as { mainModule: { exports: Record<string, unknown> } })
            .mainModule.exports as { printReportToPdf: (html: string) => Promise<Buffer> }
          const pdf = await shell.printReportToPdf(html)
          return pdf.subarray(0, 5).toString('latin1')
        },
        readFileSync(report, 'utf8')
      )
      expect(head).toBe('%PDF-')
    } finally {
      await app.close()
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
})
