import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { JSDOM } from 'jsdom'
import { LOCALES } from '@shared/i18n/locales'
import type { LabService } from '../service/lab-service'
import { collectReport } from './collect-report'
import { reportContentSecurityPolicy, renderReportHtml } from './render-html'
import { externalReferences } from './testing/external-references'
import { FAMILY_SCENARIOS, finishedRun, testLabService, type Family } from './testing/report-runs'
import { runReportHtml } from './write-report'

const HOSTILE_EXPERIMENT = {
  name: '<img src="http://evil.example/n.png" onerror=alert(1)>',
  notes:
    'first line\n</dd></dl><link rel="stylesheet" href="http://evil.example/x.css"><script>alert(2)</script>',
  tags: ['"><script>alert(3)</script>', 'url(http://evil.example/t.png)', '碎片']
}

let lab: LabService
const runs = new Map<Family, string>()
beforeAll(async () => {
  lab = testLabService()
  for (const [family, { scenario, allocators }] of Object.entries(FAMILY_SCENARIOS)) {
    runs.set(family as Family, await finishedRun(lab, scenario, allocators))
  }
}, 60_000)
afterAll(() => lab.close())

function reportOf(family: Family, locale: (typeof LOCALES)[number]): Promise<string> {
  return runReportHtml(lab, {
    runId: runs.get(family)!,
    scenario: FAMILY_SCENARIOS[family].scenario,
    locale,
    experiment: HOSTILE_EXPERIMENT
  })
}

describe('the no-external-reference check', () => {
  it('finds every way a document can reach out', () => {
    const found = externalReferences(`<!doctype html><html><head>
<link rel="icon" href="data:,"><base href="http://x/"><style>@import "a.css"; p { background: url(http://x/b.png) }</style>
<meta http-equiv="refresh" content="0;url=http://x/"></head><body>
<script>1</script><iframe srcdoc="x"></iframe><img src="data:image/png;base64,AA"><picture><source srcset="http://x/a.png 1x"></picture>
<a href="http://x/">a</a><a href="#ok">b</a><p style="background-image: url('//x/c.png')">c</p>
<svg><image xlink:href="http://x/d.png"/><use href="#defs"/><rect fill="url(#pattern)"/></svg><button onclick="go()">d</button>
</body></html>`)
    expect(found).toEqual(
      expect.arrayContaining([
        '<link>',
        '<base>',
        '<base href="http://x/">',
        '<style>: @import',
        '<style>: url(http://x/b.png)',
        '<meta http-equiv="refresh">',
        '<script>',
        '<iframe>',
        '<img>',
        '<source srcset>',
        '<a href="http://x/">',
        '<p style>: url(//x/c.png)',
        '<image>',
        '<image xlink:href="http://x/d.png">',
        '<use>',
        '<button onclick>'
      ])
    )
    expect(found.join('\n')).not.toMatch(/#ok|url\(#pattern\)/)
  })

  it('finds nothing in a document that only points inside itself', () => {
    expect(
      externalReferences(
        '<!doctype html><html><head><style>p { color: red }</style></head><body><a href="#x">x</a><svg><rect fill="url(#p)"/></svg></body></html>'
      )
    ).toEqual([])
  })
})

describe('an HTML report', () => {
  for (const family of Object.keys(FAMILY_SCENARIOS) as Family[]) {
    for (const locale of LOCALES) {
      it(`of a ${family} run in ${locale}, with hostile text everywhere, references nothing outside itself`, async () => {
        const html = await reportOf(family, locale)
        expect(externalReferences(html)).toEqual([])
        const document = new JSDOM(html).window.document
        expect(document.querySelectorAll('script, iframe, link, img, base')).toHaveLength(0)
        expect(document.documentElement.getAttribute('lang')).toBe(locale)
      })
    }
  }

  it('shows hostile text as text, exactly as written', async () => {
    const document = new JSDOM(await reportOf('heap', 'en')).window.document
    const scenario = document.querySelector('pre.scenario')!.textContent!
    expect(scenario).toBe(FAMILY_SCENARIOS.heap.scenario)
    expect(document.querySelector('h1')!.textContent).toBe(HOSTILE_EXPERIMENT.name)
    expect(document.title).toBe(`${HOSTILE_EXPERIMENT.name} — AllocLab report`)
    expect(document.querySelector('dd.notes')!.textContent).toBe(HOSTILE_EXPERIMENT.notes)
    expect(Array.from(document.querySelectorAll('ul.tags li')).map((li) => li.textContent)).toEqual(
      HOSTILE_EXPERIMENT.tags
    )
  })

  it('sets a policy that forbids every fetch, first thing in its head', async () => {
    for (const locale of LOCALES) {
      const html = await reportOf('slab', locale)
      const head = new JSDOM(html).window.document.head
      const [charset, policy] = Array.from(head.children)
      expect(charset!.getAttribute('charset')).toBe('utf-8')
      expect(policy!.getAttribute('http-equiv')).toBe('Content-Security-Policy')
      const fonts = /@font-face/.test(html)
      expect(policy!.getAttribute('content')).toBe(reportContentSecurityPolicy(fonts))
      expect(policy!.getAttribute('content')).toMatch(
        /^default-src 'none'; style-src 'unsafe-inline'; img-src data:/
      )
    }
  })

  it('carries the glyphs of its Chinese text and none for an English report without any', async () => {
    const chinese = await reportOf('buddy', 'zh-CN')
    expect(chinese).toMatch(
      /@font-face \{ font-family: "AllocLab Noto Sans SC"; src: url\(data:font\/woff2;base64,/
    )
    const english = await runReportHtml(lab, {
      runId: runs.get('buddy')!,
      scenario: FAMILY_SCENARIOS.buddy.scenario,
      locale: 'en'
    })
    expect(english).not.toContain('@font-face')
    expect(reportContentSecurityPolicy(false)).not.toContain('font-src')
  })

  it('marks the best value of a column, and only where the configurations differ', async () => {
    // First fit takes the first block that fits; worst fit looks at the whole list for the largest.
    const scenario =
      'arena 100\nalloc a 10\nalloc b 10\nalloc c 10\nalloc d 10\nfree a\nfree c\nalloc e 5\n'
    const runId = await finishedRun(lab, scenario, [
      'first-fit:arena=100,base=0,header=0,align=1,meta=side',
      'worst-fit:arena=100,base=0,header=0,align=1,meta=side'
    ])
    const model = await collectReport(lab, runId, { scenario, locale: 'en' })
    const [first, worst] = model.configs.map((config) => config.summary!.costPerRequest.examined)
    expect(first).toBeLessThan(worst!)
    const document = new JSDOM(renderReportHtml(model)).window.document
    const table = document.querySelector('#summary table')!
    const headers = Array.from(table.querySelectorAll('thead th')).map((th) => th.textContent)
    const column = (header: string): (string | null)[] =>
      Array.from(table.querySelectorAll('tbody tr')).map((row) => {
        const cell = row.children[headers.indexOf(header)]!
        return cell.getAttribute('class')
      })
    expect(column('Entries examined (per request)')).toEqual(['num best', 'num'])
    // Neither configuration failed: nothing to prefer.
    expect(column('Failed: fragmented')).toEqual(['num', 'num'])
  })
})
