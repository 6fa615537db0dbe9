// @vitest-environment jsdom
import '@renderer/test-support/jsdom-editor-shims'
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { mountRenderer, type MountedRenderer } from '@renderer/test-support/mount-renderer'
import { until } from '@renderer/test-support/workbench-stores'
import { useScenarioStore } from '@renderer/stores/workbench-scenario'

let mounted: MountedRenderer | undefined
afterEach(() => {
  mounted?.unmount()
  mounted = undefined
})

async function workbench(bridge = new FakeLabBridge()): Promise<MountedRenderer> {
  mounted = await mountRenderer(bridge, '/workbench')
  await until(() => mounted!.root.find('[data-testid="draft-status"]').exists())
  return mounted
}

function buttonNamed(root: MountedRenderer['root'], name: string) {
  const button = root
    .findAll('button')
    .find((candidate) => (candidate.attributes('aria-label') ?? candidate.text()).includes(name))
  if (!button) throw new Error(`no button named ${name}`)
  return button
}

describe('the Workbench', () => {
  it('offers the examples while the scenario is empty, and one click loads one with its allocators', async () => {
    const { root, renderer } = await workbench()
    await until(() => root.text().includes('Start from an example'))
    await buttonNamed(root, 'A 256-frame request on an empty pool').trigger('click')
    await flushPromises()
    const scenario = useScenarioStore(renderer.pinia)
    expect(scenario.document.state.doc.toString()).toContain('pages a 8')
    await until(() => root.text().includes('Allocator 1: buddy'))
    expect(root.text()).not.toContain('Start from an example')
  })

  it('lists a problem with its hint, jumps to it and applies its fix', async () => {
    const { root, renderer } = await workbench()
    const scenario = useScenarioStore(renderer.pinia)
    scenario.document.dispatch({ changes: { from: 0, insert: 'alloc a 1\nalocc b 10\n' } })
    await until(() => root.text().includes('Did you mean "alloc"?'))
    expect(root.get('#workbench-problems-summary').text()).toBe('1 error')
    await root.get('.problems__jump').trigger('click')
    expect(scenario.cursor).toEqual({ line: 2, column: 1 })
    await buttonNamed(root, 'Change “alocc” on line 2 to “alloc”').trigger('click')
    expect(scenario.document.state.doc.toString()).toBe('alloc a 1\nalloc b 10\n')
    await until(() => root.get('#workbench-problems-summary').text() === 'No problems')
  })

  it('renders every option of a family from the catalog and shows a bad value at its field', async () => {
    const { root } = await workbench()
    await buttonNamed(root, 'Add allocators…').trigger('click')
    await buttonNamed(root, 'buddy').trigger('click')
    await until(() => root.text().includes('Allocator 1: buddy'))
    const details = root.get('.config-item__options')
    details.element.setAttribute('open', '')
    const frames = root.findAll('input').find((input) => {
      const id = input.attributes('id')
      return id !== undefined && root.find(`label[for="${id}"]`).text() === 'frames'
    })!
    await frames.setValue('0')
    await until(() => root.find('.base-field__error').exists())
    expect(root.get('.base-field__error').text()).toContain('frames=0 is out of range')
    expect(root.get('[data-testid="workbench-run"]').attributes('disabled')).toBeDefined()
  })

  it('names every toolbar button for assistive technology', async () => {
    const { root } = await workbench()
    const toolbar = root.get('[role="group"]')
    const names = toolbar.findAll('button').map((b) => b.attributes('aria-label') ?? b.text())
    expect(names).toEqual([
      'New scenario',
      'Open a scenario file…',
      'Save the scenario to a file',
      'Import…',
      'Generate…',
      'Format',
      'Find and replace'
    ])
  })
})
