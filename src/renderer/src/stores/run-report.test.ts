// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { LabError } from '@shared/lab-error'
import { FakeLabBridge } from '@renderer/test-support/fake-lab-bridge'
import { piniaWithLab } from '@renderer/test-support/lab-app'
import { useExperimentSaveStore } from './experiment-save'
import { useRunReportStore } from './run-report'

afterEach(() => vi.restoreAllMocks())

/** The blobs offered as downloads, and the names they were offered under. */
function downloads() {
  const blobs: Blob[] = []
  const names: string[] = []
  URL.createObjectURL = (blob: Blob) => {
    blobs.push(blob)
    return 'blob:fake'
  }
  URL.revokeObjectURL = () => {}
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement
  ) {
    names.push(this.download)
  })
  return { blobs, names }
}

describe('useRunReportStore', () => {
  it('downloads the report of a run not saved yet, without saving it', async () => {
    const offered = downloads()
    const bridge = new FakeLabBridge()
    const reports = useRunReportStore(piniaWithLab(bridge))
    await reports.exportReport('run-1', 'zh-CN')
    expect(bridge.callsTo('report:html')).toEqual([{ runId: 'run-1', locale: 'zh-CN' }])
    expect(bridge.callsTo('experiment:save')).toEqual([])
    expect(offered.names).toEqual(['run-1.html'])
    expect(offered.blobs.map((blob) => blob.type)).toEqual(['text/html'])
    expect(reports.status.get('run-1')).toEqual({ kind: 'exported', fileName: 'run-1.html' })
  })

  it('heads the report of a saved run with its experiment', async () => {
    const offered = downloads()
    const bridge = new FakeLabBridge()
    const pinia = piniaWithLab(bridge)
    await useExperimentSaveStore(pinia).save('run-1', 'Fits', null)
    const reports = useRunReportStore(pinia)
    await reports.exportReport('run-1', 'en')
    expect(bridge.callsTo('report:html')).toEqual([{ runId: 'run-1', locale: 'en', id: 1 }])
    expect(offered.names).toEqual(['Fits.html'])
  })

  it('says why a report could not be made, and offers no download', async () => {
    const offered = downloads()
    const bridge = new FakeLabBridge()
    bridge.failChannel(
      'report:html',
      new LabError('invalid-input', 'experiments.runNotFinished', { runId: 'run-1' })
    )
    const reports = useRunReportStore(piniaWithLab(bridge))
    await reports.exportReport('run-1', 'en')
    expect(offered.names).toEqual([])
    expect(reports.status.get('run-1')).toMatchObject({
      kind: 'failed',
      reason: { key: 'experiments.runNotFinished' }
    })
  })
})
