// @vitest-environment jsdom
import '@renderer/test-support/jsdom-editor-shims'
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { findLesson } from '@shared/lessons'
import { samplePack } from '@shared/lesson-pack/testing/sample-pack'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { mountRenderer, type MountedRenderer } from '@renderer/test-support/mount-renderer'
import { useConfigStore } from '@renderer/stores/workbench-configs'
import { useScenarioStore } from '@renderer/stores/workbench-scenario'

const buddy = findLesson('buddy-allocator')!
const title = 'The buddy allocator: splitting, merging and rounding up'
// The fake host's catalog knows the heap families, so the run is started with this one.
const fits = findLesson('first-fit-best-fit')!
const fitsTitle = 'First fit, best fit and the holes they leave'

let mounted: MountedRenderer | undefined
afterEach(() => {
  mounted?.unmount()
  mounted = undefined
  localStorage.clear()
})

function button(root: MountedRenderer['root'], label: string) {
  const found = root.findAll('button').find((b) => b.attributes('aria-label') === label)
  if (!found) throw new Error(`no button ${label}`)
  return found
}

describe('the Lessons view', () => {
  it('lists every built-in lesson with what it teaches and its allocators', async () => {
    mounted = await mountRenderer(new FakeLabBridge(), '/lessons')
    const cards = mounted.root.findAll('article')
    expect(cards).toHaveLength(7)
    const card = cards.find((c) => c.find('h2').text() === title)!
    expect(card.text()).toContain('Basic')
    expect(card.text()).toContain(buddy.allocators[0]!.spec)
  })

  it('opens a lesson in one click: its scenario runs and Replay opens with the lesson named', async () => {
    const bridge = new FakeLabBridge()
    // The fake host knows a few options of each heap family; teach it the rest the lesson names.
    bridge.catalog = {
      ...bridge.catalog,
      families: bridge.catalog.families.map((family) => ({
        ...family,
        options: [
          ...family.options,
          ...['base', 'header', 'align', 'order'].map((key) => ({
            ...family.options[0]!,
            key,
            kind: 'choice' as const,
            choices: ['0', '1', '1000', 'addr']
          }))
        ]
      }))
    }
    mounted = await mountRenderer(bridge, '/lessons')
    await button(mounted.root, `Open the lesson: ${fitsTitle}`).trigger('click')
    await flushPromises()
    const [run] = [...bridge.runs.values()]
    expect(run).toEqual({
      scenario: fits.scenario,
      allocators: fits.allocators.map((a) => a.spec),
      title: fitsTitle
    })
    const route = mounted.renderer.router.currentRoute.value
    expect(route.path).toBe('/replay/run-1')
    expect(route.query).toEqual({ lesson: 'first-fit-best-fit' })
  })

  it('copies a lesson into the Workbench as an editable scenario with its allocators', async () => {
    mounted = await mountRenderer(new FakeLabBridge(), '/lessons')
    await button(mounted.root, `Copy to the Workbench: ${title}`).trigger('click')
    await flushPromises()
    expect(mounted.renderer.router.currentRoute.value.path).toBe('/workbench')
    const pinia = mounted.renderer.pinia
    expect(await useScenarioStore(pinia).text()).toBe(buddy.scenario)
    expect(useConfigStore(pinia).specs).toEqual(buddy.allocators.map((a) => a.spec))
  })

  it('shows a lesson imported from a pack with its pack, and removes it on request', async () => {
    const bridge = new FakeLabBridge()
    bridge.lessons.answer('lessons:import-pack', { text: JSON.stringify(samplePack()) })
    mounted = await mountRenderer(bridge, '/lessons')
    const card = () =>
      mounted!.root.findAll('article').find((c) => c.find('h2').text() === 'Buddy, week 3')
    expect(card()?.text()).toContain('From “Week 3”')
    expect(
      mounted.root.findAll('button').filter((b) => b.text() === 'Remove the imported lesson')
    ).toHaveLength(1)

    await button(mounted.root, 'Remove the imported lesson: Buddy, week 3').trigger('click')
    await flushPromises()
    expect(card()).toBeUndefined()
    expect(bridge.lessons.imported).toEqual([])
  })
})
