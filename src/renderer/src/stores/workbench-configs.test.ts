// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { MAX_CONFIGS } from '@shared/run-schemas'
import { LabError } from '@shared/api'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { until, workbenchStores } from '@renderer/test-support/workbench-stores'

let dispose: (() => void) | undefined
afterEach(() => dispose?.())

function stores(bridge = new FakeLabBridge()) {
  const made = workbenchStores(bridge)
  dispose = () => made.scenario.$dispose()
  return { ...made, bridge }
}

describe('useConfigStore', () => {
  it('lists the families and presets the host describes, and adds a preset’s specs in order', async () => {
    const { configs } = stores()
    await configs.loadCatalog()
    const preset = configs.catalog!.presets.find((p) => p.id === 'four-fits')!
    configs.add(preset.specs)
    expect(configs.specs).toEqual(['first-fit:arena=100', 'best-fit:arena=100'])
  })

  it('never holds more than a run takes, and says how many fitted', () => {
    const { configs } = stores()
    expect(configs.add(Array.from({ length: 20 }, () => 'buddy'))).toBe(MAX_CONFIGS)
    expect(configs.configs).toHaveLength(MAX_CONFIGS)
    expect(configs.full).toBe(true)
    expect(configs.add(['buddy'])).toBe(0)
  })

  it('writes a field into the spec text, and leaves it out again when the field is emptied', () => {
    const { configs } = stores()
    configs.add(['buddy'])
    const id = configs.configs[0]!.id
    configs.setOption(id, 'frames', '64')
    expect(configs.specs).toEqual(['buddy:frames=64'])
    configs.setOption(id, 'frames', null)
    expect(configs.specs).toEqual(['buddy'])
  })

  it('shows the engine’s complaint at the option it names, before any run', async () => {
    const { configs } = stores()
    configs.add(['first-fit', 'buddy:frames=0'])
    await until(() => configs.allChecked)
    const bad = configs.checks.get(configs.configs[1]!.id)
    expect(bad?.error).toMatchObject({ key: 'engine.spec.outOfRange', option: 'frames' })
    expect(configs.firstInvalid).toBe(1)
    configs.setOption(configs.configs[1]!.id, 'frames', '64')
    await until(() => configs.allChecked)
    expect(configs.firstInvalid).toBe(-1)
  })

  it('moves, duplicates and removes configurations by identity', () => {
    const { configs } = stores()
    configs.add(['first-fit', 'best-fit', 'buddy'])
    const [first, , third] = configs.configs.map((c) => c.id)
    configs.move(third!, -1)
    expect(configs.specs).toEqual(['first-fit', 'buddy', 'best-fit'])
    configs.duplicate(first!)
    expect(configs.specs).toEqual(['first-fit', 'first-fit', 'buddy', 'best-fit'])
    configs.remove(first!)
    expect(configs.specs).toEqual(['first-fit', 'buddy', 'best-fit'])
    configs.move(configs.configs[0]!.id, -1)
    expect(configs.specs).toEqual(['first-fit', 'buddy', 'best-fit'])
  })

  it('keeps the options the new family shares when the family changes', async () => {
    const { configs } = stores()
    await configs.loadCatalog()
    configs.add(['first-fit:arena=100,meta=side'])
    configs.setFamily(configs.configs[0]!.id, 'best-fit')
    expect(configs.specs).toEqual(['best-fit:arena=100,meta=side'])
    configs.setFamily(configs.configs[0]!.id, 'buddy')
    expect(configs.specs).toEqual(['buddy'])
  })

  it('says why the allocator list is missing when the host cannot give it', async () => {
    const bridge = new FakeLabBridge()
    bridge.failChannel(
      'allocators:list',
      new LabError('internal', 'service.internal', { detail: 'x' })
    )
    const { configs } = stores(bridge)
    await configs.loadCatalog()
    expect(configs.catalogError).toMatchObject({ key: 'service.internal' })
  })
})
