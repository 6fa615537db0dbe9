import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ExperimentFileSchema } from '@shared/experiment-file'
import { METRIC_NAMES } from '@shared/vocabulary/metrics'
import { externalReferences } from '../../reports/testing/external-references'
import { openStore } from '../../store/open-store'
import {
  PAGES_SCENARIO,
  finishedRun,
  libraryService
} from '../../experiments/testing/library-service'
import { experimentsCommand } from './experiments'
import { exportCommand } from './export'
import { importCommand } from './import'
import { scenarioCliHarness, type ScenarioCliHarness } from './scenario-cli-harness'

const commands = [experimentsCommand, exportCommand, importCommand]

/** A harness whose folder holds lab.db with two saved experiments (#1 with timelines, #2 without). */
async function withLibrary(): Promise<ScenarioCliHarness> {
  const cli = scenarioCliHarness(commands)
  const lab = libraryService(openStore(join(cli.folder, 'lab.db')))
  const runId = await finishedRun(lab, PAGES_SCENARIO, ['buddy', 'first-fit:arena=256KiB'])
  await lab.call('experiment:save', { runId, name: 'Buddy orders', tags: ['lab 3'] })
  await lab.call('experiment:save', {
    runId,
    name: 'Fits \u202e reversed',
    notes: 'first fit against buddy',
    tags: ['lab 4'],
    keepTimelines: false
  })
  lab.close()
  return cli
}

describe('alloclab experiments', () => {
  it('lists the library as a table, the newest first, with names escaped', async () => {
    const cli = await withLibrary()
    const result = await cli.run(['experiments', '--db', 'lab.db'])
    expect(result.stderr).toBe('')
    expect(result.code).toBe(0)
    const lines = result.stdout.split('\n')
    expect(lines[0]).toMatch(
      /^ID\s+Name\s+Configs\s+Best utilization\s+Timelines\s+Updated\s+Tags$/
    )
    expect(lines[1]).toMatch(
      /^#2\s+Fits \\u202e reversed\s+2\s+[\d.]+%\s+0\/2\s+\d{4}-\d\d-\d\d \d\d:\d\d\s+lab 4$/
    )
    expect(lines[2]).toMatch(/^#1\s+Buddy orders\s+2\s+.*2\/2.*lab 3$/)
    expect(result.stdout).toContain('Experiments: 2\n')
  })

  it('finds by words and tags, sorts, and prints JSON', async () => {
    const cli = await withLibrary()
    const json = async (args: string[]): Promise<{ total: number; items: { name: string }[] }> => {
      const result = await cli.run(['experiments', '--db', 'lab.db', '--json', ...args])
      expect(result.code, result.stderr).toBe(0)
      return JSON.parse(result.stdout) as { total: number; items: { name: string }[] }
    }
    expect((await json(['--search', 'against'])).items.map((i) => i.name)).toEqual([
      'Fits \u202e reversed'
    ])
    expect((await json(['--tag', 'LAB 3'])).items.map((i) => i.name)).toEqual(['Buddy orders'])
    expect((await json(['--sort', 'name'])).items.map((i) => i.name)).toEqual([
      'Buddy orders',
      'Fits \u202e reversed'
    ])
    const raw = await cli.run(['experiments', '--db', 'lab.db', '--json'])
    expect(raw.stdout).toContain('\\u202e')
    const none = await cli.run(['experiments', '--db', 'lab.db', '--search', 'nothing'])
    expect(none.stdout).toBe('No experiments match.\n')
  })

  it('refuses a sort it does not know, listing the ones it does, with exit 2', async () => {
    const cli = await withLibrary()
    const result = await cli.run(['experiments', '--db', 'lab.db', '--sort', 'speed'])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('"speed" is not a way to sort the library')
    expect(result.stderr).toContain('externalFragmentation')
  })
})

describe('alloclab export', () => {
  it('writes the experiment file, which imports into another library', async () => {
    const cli = await withLibrary()
    const exported = await cli.run([
      'export',
      '--db',
      'lab.db',
      '--experiment',
      '1',
      '--format',
      'json',
      '-o',
      'lab3.alloclab.json'
    ])
    expect(exported).toEqual({ code: 0, stdout: '', stderr: 'Wrote lab3.alloclab.json.\n' })
    const file = ExperimentFileSchema.parse(JSON.parse(cli.read('lab3.alloclab.json')))
    expect(file.runs.map((run) => run.timeline.state)).toEqual(['kept', 'kept'])

    const imported = await cli.run(['import', 'lab3.alloclab.json', '--db', 'other.db'])
    expect(imported).toEqual({
      code: 0,
      stdout: '',
      stderr: 'Imported experiment #1 "Buddy orders" (2 configurations, 2 with timelines).\n'
    })
    const listed = await cli.run(['experiments', '--db', 'other.db', '--json'])
    expect(JSON.parse(listed.stdout).items[0]).toMatchObject({
      name: 'Buddy orders',
      tags: ['lab 3']
    })
  })

  it('writes per-request metrics of every kept timeline as CSV, to stdout or a file', async () => {
    const cli = await withLibrary()
    const result = await cli.run([
      'export',
      '--db',
      'lab.db',
      '--experiment',
      '1',
      '--format',
      'csv'
    ])
    expect(result.code, result.stderr).toBe(0)
    const lines = result.stdout.trimEnd().split('\n')
    expect(lines[0]).toBe(`config,step,${METRIC_NAMES.join(',')}`)
    expect(lines).toHaveLength(1 + 2 * 6)
    expect(lines[1]).toMatch(/^"buddy:[^"]*",0,/)
    expect(lines[7]).toMatch(/^"first-fit:[^"]*",0,/)
    const toFile = await cli.run([
      'export',
      '--db',
      'lab.db',
      '--experiment=1',
      '--format=csv',
      '-o',
      'steps.csv'
    ])
    expect(toFile.stderr).toMatch(/^Wrote the report to steps\.csv \(\d/)
    expect(cli.read('steps.csv')).toBe(result.stdout)
  })

  it('says an experiment without timelines has no metrics to export, and exports its file', async () => {
    const cli = await withLibrary()
    const csv = await cli.run(['export', '--db', 'lab.db', '--experiment', '2', '--format', 'csv'])
    expect(csv.code).toBe(2)
    expect(csv.stderr).toContain('experiment #2 keeps no timeline')
    const json = await cli.run([
      'export',
      '--db',
      'lab.db',
      '--experiment',
      '2',
      '--format',
      'json'
    ])
    expect(json.code).toBe(0)
    expect(ExperimentFileSchema.parse(JSON.parse(json.stdout)).program).toBeNull()
  })

  it('exports the HTML report of a saved experiment, self-contained, without running it again', async () => {
    const cli = await withLibrary()
    const result = await cli.run([
      'export',
      '--experiment',
      '1',
      '--format',
      'html',
      '-o',
      'lab3.html',
      '--db',
      'lab.db'
    ])
    expect(result.stderr).toMatch(/^Wrote the report to lab3\.html/m)
    expect(result.code).toBe(0)
    const html = readFileSync(join(cli.folder, 'lab3.html'), 'utf8')
    expect(html).toContain('Buddy orders')
    expect(html).toContain('buddyinfo')
    expect(externalReferences(html)).toEqual([])
  })

  it('asks for a file for a PDF report before opening the library', async () => {
    const cli = await withLibrary()
    const result = await cli.run(['export', '--experiment', '1', '--format', 'pdf'])
    expect(result.code).toBe(2)
    expect(result.stderr).toBe(
      'alloclab export: a PDF report is written to a file: add -o FILE, for example -o report.pdf.\n'
    )
  })

  it('refuses a bad or missing ID or format, and an output path it cannot write, before any work', async () => {
    const cli = await withLibrary()
    const cases: [string[], string][] = [
      [['export', '--format', 'csv'], 'say which experiment with --experiment ID'],
      [['export', '--experiment', 'one', '--format', 'csv'], '"one" is not an experiment ID'],
      [
        ['export', '--experiment', '1'],
        'say which format with --format, one of: csv, json, html, pdf.'
      ],
      [['export', '--experiment', '1', '--format', 'xml'], '"xml" is not an export format'],
      [
        ['export', '--experiment', '1', '--format', 'csv', '--no-timelines'],
        '--no-timelines only applies'
      ],
      [
        ['export', '--experiment', '1', '--format', 'json', '-o', 'missing/x.json'],
        'does not exist'
      ],
      [
        ['export', '--db', 'lab.db', '--experiment', '9', '--format', 'json'],
        'There is no experiment #9 in the library.'
      ]
    ]
    for (const [args, message] of cases) {
      const result = await cli.run(args)
      expect(result.code, args.join(' ')).toBe(2)
      expect(result.stderr, args.join(' ')).toContain(message)
    }
    expect(existsSync(join(cli.folder, 'missing'))).toBe(false)
  })

  it('says it in Chinese with --lang zh-CN', async () => {
    const cli = await withLibrary()
    const result = await cli.run([
      'export',
      '--experiment',
      '1',
      '--format',
      'pdf',
      '--lang',
      'zh-CN'
    ])
    expect(result.stderr).toContain('PDF 报告只能写入文件')
  })
})

describe('alloclab import of an experiment file', () => {
  it('refuses a damaged file whole, naming what is wrong, and leaves the library as it was', async () => {
    const cli = await withLibrary()
    await cli.run([
      'export',
      '--db',
      'lab.db',
      '--experiment',
      '1',
      '--format',
      'json',
      '-o',
      'a.alloclab.json'
    ])
    const file = JSON.parse(cli.read('a.alloclab.json'))
    file.runs[1].timeline.data = `${file.runs[1].timeline.data.slice(0, -12)}AAAAAAAAAAA=`
    writeFileSync(join(cli.folder, 'bad.alloclab.json'), JSON.stringify(file))
    const before = readFileSync(join(cli.folder, 'lab.db'))
    const result = await cli.run(['import', 'bad.alloclab.json', '--db', 'lab.db'])
    expect(result.code).toBe(2)
    expect(result.stderr).toMatch(
      /^alloclab import: The timeline of configuration #1 is damaged at "runs\.1\.timeline\.data": .*Nothing was imported\.\n$/
    )
    const listed = await cli.run(['experiments', '--db', 'lab.db', '--json'])
    expect(JSON.parse(listed.stdout).total).toBe(2)
    expect(readFileSync(join(cli.folder, 'lab.db')).length).toBe(before.length)
  })

  it('takes --from experiment for a file named otherwise, and --name', async () => {
    const cli = await withLibrary()
    const exported = await cli.run([
      'export',
      '--db',
      'lab.db',
      '--experiment',
      '2',
      '--format',
      'json'
    ])
    cli.write('handed-in.json', exported.stdout)
    const result = await cli.run([
      'import',
      '--from',
      'experiment',
      'handed-in.json',
      '--name',
      'Anna’s lab 4',
      '--db',
      'new.db'
    ])
    expect(result.stderr).toBe(
      'Imported experiment #1 "Anna’s lab 4" (2 configurations, 0 with timelines).\n'
    )
  })

  it('refuses -o and a file that is not an experiment file', async () => {
    const cli = await withLibrary()
    cli.write('x.alloclab.json', '{"format": "something else", "version": 1}')
    expect((await cli.run(['import', 'x.alloclab.json', '-o', 'y.scn'])).stderr).toContain(
      'leave out -o'
    )
    const wrong = await cli.run(['import', 'x.alloclab.json', '--db', 'lab.db'])
    expect(wrong.code).toBe(2)
    expect(wrong.stderr).toContain('is not an AllocLab experiment file')
    const db = await cli.run(['import', '--from', 'oplist', 'list.txt', '--db', 'lab.db'])
    expect(db.stderr).toContain('--db only applies when importing an experiment file')
  })
})
