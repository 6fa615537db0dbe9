// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { LabOutput } from '@shared/api'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { piniaWithLab } from '@renderer/test-support/lab-app'
import { useExperimentSaveStore } from './experiment-save'

function saving(bridge = new FakeLabBridge()) {
  return { bridge, saves: useExperimentSaveStore(piniaWithLab(bridge)) }
}

describe('useExperimentSaveStore', () => {
  it('keeps the timelines unless the user turns that off', async () => {
    const { bridge, saves } = saving()
    expect(saves.keepTimelines).toBe(true)
    await saves.save('run-1', 'Fits', null)
    expect(bridge.callsTo('experiment:save')).toEqual([
      { runId: 'run-1', name: 'Fits', replayState: null, keepTimelines: true }
    ])
    expect(saves.status.get('run-1')).toEqual({
      kind: 'saved',
      name: 'Fits',
      updated: false,
      withoutTimelines: false
    })
  })

  it('saves summaries only when asked, and says so', async () => {
    const { bridge, saves } = saving()
    saves.keepTimelines = false
    await saves.save('run-1', 'Summaries', { version: 1 })
    expect(bridge.callsTo('experiment:save')).toEqual([
      { runId: 'run-1', name: 'Summaries', replayState: { version: 1 }, keepTimelines: false }
    ])
    expect(saves.status.get('run-1')).toMatchObject({ kind: 'saved', withoutTimelines: true })
    expect(bridge.library.experiments.get(1)!.item.timelinesKept).toBe(0)
  })

  it('asks about timelines only when a save writes the run’s results', async () => {
    const { bridge, saves } = saving()
    expect(saves.writesResults('run-1')).toBe(true)
    await saves.save('run-1', 'Fits', null)
    // Saved: saving again keeps only the replay state, so the choice does not apply.
    expect(saves.writesResults('run-1')).toBe(false)
    saves.keepTimelines = false
    await saves.save('run-1', 'Fits', { version: 1 })
    expect(bridge.callsTo('experiment:save').at(-1)).toEqual({ id: 1, replayState: { version: 1 } })
    expect(saves.status.get('run-1')).toMatchObject({ updated: true, withoutTimelines: false })
  })

  it('passes the choice on when a re-run’s results are written over the experiment', async () => {
    const { bridge, saves } = saving()
    bridge.library.add('Older')
    saves.remember(opened(bridge, 1))
    const rerun = await saves.rerun('opened-1')
    expect(rerun).toBe('rerun-1')
    expect(saves.writesResults('rerun-1')).toBe(true)
    saves.keepTimelines = false
    await saves.save('rerun-1', 'ignored', null)
    expect(bridge.callsTo('experiment:save')).toEqual([
      { id: 1, runId: 'rerun-1', replayState: null, keepTimelines: false }
    ])
    expect(saves.status.get('rerun-1')).toMatchObject({ updated: true, withoutTimelines: true })
  })

  it('names the configurations of an opened experiment that were saved without timelines', async () => {
    const { bridge, saves } = saving()
    saves.keepTimelines = false
    await saves.save('run-1', 'Summaries', null)
    bridge.library.add('Whole')
    saves.remember(opened(bridge, 1))
    saves.remember(opened(bridge, 2))
    expect(saves.savedWithoutTimelines('opened-1').map((config) => config.label)).toEqual([
      'first-fit:arena=100'
    ])
    expect(saves.savedWithoutTimelines('opened-2')).toEqual([])
    expect(saves.savedWithoutTimelines('never-opened')).toEqual([])
  })
})

function opened(bridge: FakeLabBridge, id: number): LabOutput<'experiment:open'> {
  return bridge.library.answer('experiment:open', { id }) as LabOutput<'experiment:open'>
}
