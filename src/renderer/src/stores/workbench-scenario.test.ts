// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { until, workbenchStores } from '@renderer/test-support/workbench-stores'
import { SCENARIO_TEMPLATES } from '@renderer/workbench/templates'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

function stores() {
  const made = workbenchStores(new FakeLabBridge())
  dispose = () => made.scenario.$dispose()
  return made
}

function type(scenario: ReturnType<typeof stores>['scenario'], text: string): void {
  const doc = scenario.document.state.doc
  scenario.document.dispatch({ changes: { from: doc.length, insert: text } })
}

describe('useScenarioStore', () => {
  it('shows the analysis of the text as it is now, with the problem and its hint', async () => {
    const { scenario } = stores()
    type(scenario, 'alocc a 10\n')
    await until(() => !scenario.analysing)
    expect(scenario.errorCount).toBe(1)
    expect(scenario.current?.diagnostics[0]).toMatchObject({
      line: 1,
      messageKey: 'scenario.diag.unknownKeywordSuggest',
      params: { suggestion: 'alloc' }
    })
  })

  it('counts an analysis as stale as soon as the text changes again', async () => {
    const { scenario } = stores()
    type(scenario, 'alloc a 10\n')
    await until(() => !scenario.analysing)
    type(scenario, 'free a\n')
    expect(scenario.analysing).toBe(true)
    expect(scenario.current).toBeNull()
    await until(() => !scenario.analysing)
    expect(scenario.current?.requests).toBe(2)
  })

  it('applies a quick fix where the analyzer points, and the problem goes away', async () => {
    const { scenario } = stores()
    type(scenario, 'alocc a 10\n')
    await until(() => !scenario.analysing)
    scenario.applyFix(scenario.current!.diagnostics[0]!, 'alloc')
    expect(scenario.document.state.doc.toString()).toBe('alloc a 10\n')
    await until(() => !scenario.analysing)
    expect(scenario.errorCount).toBe(0)
  })

  it('formats the scenario, keeping the unchanged part, and says when nothing changed', async () => {
    const { scenario } = stores()
    type(scenario, 'alloc  a   16kib\n')
    await scenario.format()
    expect(scenario.document.state.doc.toString()).toBe('alloc a 16KiB\n')
    await scenario.format()
    expect(scenario.message?.key).toBe('workbench.editor.alreadyFormatted')
  })

  it('loads an example in the reader’s language, one undo step away from the empty editor', async () => {
    const { scenario } = stores()
    scenario.useTemplate(SCENARIO_TEMPLATES[0]!)
    expect(scenario.document.state.doc.toString()).toContain('frames 1024')
    expect(scenario.isEmpty).toBe(false)
    await until(() => !scenario.analysing)
    expect(scenario.errorCount).toBe(0)
  })

  it('puts a generated scenario in place of the text and gives the run the same text', async () => {
    const { scenario } = stores()
    type(scenario, 'alloc old 1\n')
    const info = await scenario.generate('ramp', { seed: 4, count: 50 })
    await scenario.adopt(info, 'replace')
    const text = await scenario.text()
    expect(text).toBe(scenario.document.state.doc.toString())
    expect(text).toContain('# alloclab generate ramp --seed 4')
    await until(() => !scenario.analysing)
    expect(scenario.current?.requests).toBe(100)
  })

  it('inserts at the cursor as whole lines, even from the middle of a line', async () => {
    const { scenario } = stores()
    type(scenario, 'alloc a 10\nfree a\n')
    scenario.document.dispatch({ selection: { anchor: 3 } })
    const info = await scenario.generate('ramp', { seed: 1, count: 2 })
    await scenario.adopt(info, 'cursor')
    const doc = scenario.document.state.doc.toString()
    expect(doc.startsWith(`alloc a 10\n# alloclab generate ramp`)).toBe(true)
    expect(doc.endsWith('free a\n')).toBe(true)
    expect(await scenario.text()).toBe(doc)
  })

  it('explains a file it cannot open and keeps the text it had', async () => {
    const { scenario } = stores()
    type(scenario, 'alloc kept 1\n')
    const broken = { name: 'lesson.alloc', text: () => Promise.reject(new Error('unreadable')) }
    const opened = await scenario.openFile(broken as unknown as File)
    expect(opened).toBe(false)
    expect(scenario.message).toMatchObject({
      key: 'workbench.editor.openFailed',
      params: { file: 'lesson.alloc' },
      tone: 'error'
    })
    expect(scenario.document.state.doc.toString()).toBe('alloc kept 1\n')
  })
})
