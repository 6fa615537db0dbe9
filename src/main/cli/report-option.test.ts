import { existsSync, readFileSync } from 'node:fs'
import { afterEach, describe, expect, it } from 'vitest'
import { compileScenario } from '@shared/scenario'
import { allFamilies } from '../engine/families'
import { procFormatters } from '../engine/proc-formatters'
import { engineWorkerFromSource } from '../worker/testing/tsx-worker'
import { externalReferences } from '../reports/testing/external-references'
import { FAMILY_SCENARIOS } from '../reports/testing/report-runs'
import { createRunCommand } from './commands/run'
import { scenarioCliHarness } from './commands/scenario-cli-harness'

const cli = scenarioCliHarness([
  createRunCommand({
    families: () => allFamilies,
    launch: engineWorkerFromSource,
    compile: compileScenario,
    formatters: procFormatters,
    parallel: 2
  })
])
cli.write('heap.alloc', FAMILY_SCENARIOS.heap.scenario)
const FIT = ['-a', FAMILY_SCENARIOS.heap.allocators[0], '-a', FAMILY_SCENARIOS.heap.allocators[1]]

const savedChromium = process.env['CHROMIUM_PATH']
afterEach(() => {
  if (savedChromium === undefined) delete process.env['CHROMIUM_PATH']
  else process.env['CHROMIUM_PATH'] = savedChromium
})

describe('alloclab run --report', () => {
  it('writes a self-contained HTML report after the run and says where', async () => {
    const { code, stdout, stderr } = await cli.run([
      'run',
      'heap.alloc',
      ...FIT,
      '--report',
      'out.html'
    ])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^requests +5 +5$/m)
    expect(stderr).toMatch(/^Wrote the report to out\.html \(\d+(\.\d)? KiB\)\.\n$/)
    const html = cli.read('out.html')
    expect(html).toMatch(/^<!doctype html>\s+<html lang="en">/)
    expect(externalReferences(html)).toEqual([])
  })

  it('writes the per-request metrics as CSV, every sampled figure at every request', async () => {
    const { code } = await cli.run(['run', 'heap.alloc', ...FIT, '--report', 'steps.CSV'])
    expect(code).toBe(0)
    const rows = cli.read('steps.CSV').trimEnd().split('\n')
    expect(rows).toHaveLength(1 + 2 * 5)
    expect(rows.slice(1).every((row) => !row.includes(',,') && !row.endsWith(','))).toBe(true)
  })

  it('writes the whole run as JSON, and speaks Chinese when asked', async () => {
    const { code, stderr } = await cli.run([
      'run',
      'heap.alloc',
      ...FIT,
      '--report',
      'run.json',
      '--lang',
      'zh-CN'
    ])
    expect(code).toBe(0)
    expect(stderr).toMatch(/^已将报告写入 run\.json（\d+(\.\d)? KiB）。\n$/)
    expect(JSON.parse(cli.read('run.json'))).toMatchObject({
      format: 'alloclab-experiment',
      version: 1
    })
  })

  it('refuses a file that names no report format before running anything', async () => {
    expect(await cli.run(['run', 'heap.alloc', ...FIT, '--report', 'notes.txt'])).toEqual({
      code: 2,
      stdout: '',
      stderr:
        'alloclab run: "notes.txt" does not end in a report format; use .html, .pdf, .json or .csv (for example report.html).\n'
    })
  })

  it('refuses a path it cannot write before running anything', async () => {
    const { code, stdout, stderr } = await cli.run([
      'run',
      'heap.alloc',
      ...FIT,
      '--report',
      'no/such/out.html'
    ])
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toBe(
      'alloclab run: cannot write "no/such/out.html": the folder "no/such" does not exist.\n'
    )
  })

  it('refuses a PDF when no Chromium or Chrome can print it, before running anything', async () => {
    process.env['CHROMIUM_PATH'] = '/nowhere/chromium'
    const { code, stdout, stderr } = await cli.run([
      'run',
      'heap.alloc',
      ...FIT,
      '--report',
      'out.pdf'
    ])
    expect([code, stdout]).toEqual([2, ''])
    expect(stderr).toBe(
      'alloclab run: No Chromium or Chrome was found to make the PDF (looked for CHROMIUM_PATH=/nowhere/chromium). Install one, or set CHROMIUM_PATH to it, or write an .html report and print it from any browser.\n'
    )
    expect(existsSync(`${cli.folder}/out.pdf`)).toBe(false)
  })

  it('shows a report path with control characters escaped', async () => {
    const { code, stderr } = await cli.run([
      'run',
      'heap.alloc',
      ...FIT,
      '--report',
      'bad\u001b[31m.txt'
    ])
    expect(code).toBe(2)
    expect(stderr).toContain('"bad\\x1b[31m.txt"')
    expect(readFileSync(`${cli.folder}/heap.alloc`, 'utf8')).toBe(FAMILY_SCENARIOS.heap.scenario)
  })
})
