import { spawn } from 'node:child_process'
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import { LabError } from '@shared/lab-error'

export interface PrintPdfOptions {
  /** The Chromium or Chrome program (see find-chromium.ts). */
  readonly browser: string
  /** Longest wait for the browser, in milliseconds. */
  readonly timeoutMs?: number
}

/**
 * Print a report's HTML to `pdfFile` with a headless Chromium, as the page's
 * print stylesheet lays it out. The browser gets a fresh profile in a temporary
 * folder and every background service off (it must not try a network that is
 * not there); the folder is removed afterwards, whatever happened. Fails with
 * LabError 'internal' (key report.pdf.failed) when no PDF comes out.
 */
export async function printHtmlToPdf(
  html: string,
  pdfFile: string,
  options: PrintPdfOptions
): Promise<void> {
  const folder = await mkdtemp(join(tmpdir(), 'alloclab-pdf-'))
  try {
    const page = join(folder, 'report.html')
    const pdf = join(folder, 'report.pdf')
    await writeFile(page, html, 'utf8')
    const args = [
      '--headless',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-extensions',
      '--disable-default-apps',
      '--no-first-run',
      '--no-default-browser-check',
      '--no-pdf-header-footer',
      `--user-data-dir=${join(folder, 'profile')}`,
      `--print-to-pdf=${pdf}`,
      // Chromium refuses to start its sandbox as root (containers, lab images run as root).
      ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
      pathToFileURL(page).href
    ]
    const { code, output } = await run(options.browser, args, options.timeoutMs ?? 60_000)
    const bytes = await readFile(pdf).catch(() => null)
    if (!bytes || bytes.subarray(0, 5).toString('latin1') !== '%PDF-') {
      const detail = code === null ? 'timed out' : `exit status ${code}: ${lastLine(output)}`
      throw new LabError('internal', 'report.pdf.failed', { detail }, [], `PDF: ${detail}`)
    }
    await copyFile(pdf, pdfFile)
  } finally {
    await rm(folder, { recursive: true, force: true })
  }
}

function lastLine(output: string): string {
  return output.trim().split('\n').at(-1)?.slice(0, 300) ?? ''
}

function run(
  program: string,
  args: readonly string[],
  timeoutMs: number
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(program, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    const collect = (chunk: Buffer): void => {
      if (output.length < 64 * 1024) output += chunk.toString()
    }
    child.stdout.on('data', collect)
    child.stderr.on('data', collect)
    const timer = setTimeout(() => {
      child.kill('SIGKILL')
      resolve({ code: null, output })
    }, timeoutMs)
    child.on('error', (error) => {
      clearTimeout(timer)
      resolve({ code: -1, output: error.message })
    })
    child.on('close', (code) => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, output })
    })
  })
}
