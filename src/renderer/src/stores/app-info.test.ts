import { describe, expect, it } from 'vitest'
import { LabError } from '@shared/api'
import { FakeLabBridge, SAMPLE_APP_INFO } from '@renderer/test-support/fake-lab-bridge'
import { piniaWithLab } from '@renderer/test-support/lab-app'
import { useAppInfoStore } from './app-info'
import { useNoticeStore } from './notices'

describe('useAppInfoStore', () => {
  it('holds what the host says about itself, including a database notice', async () => {
    const bridge = new FakeLabBridge()
    const notice = {
      kind: 'newer',
      fallback: 'fresh',
      path: '/data/alloclab.db',
      folder: '/data',
      movedTo: '/data/alloclab.db.newer-1',
      failure: null,
      detail: 'v9'
    } as const
    bridge.info = { ...SAMPLE_APP_INFO, databaseNotice: notice }
    const store = useAppInfoStore(piniaWithLab(bridge))

    await store.load()

    expect(store.status).toBe('ready')
    expect(store.info).toEqual(bridge.info)
    expect(store.databaseNotice).toEqual(notice)
  })

  it('marks the details unavailable and reports why when the call fails', async () => {
    const bridge = new FakeLabBridge()
    bridge.failChannel(
      'app:info',
      new LabError('internal', 'service.internal', { detail: 'service not ready' })
    )
    const pinia = piniaWithLab(bridge)
    const store = useAppInfoStore(pinia)

    await store.load()

    expect(store.status).toBe('failed')
    expect(store.databaseNotice).toBeNull()
    expect(useNoticeStore(pinia).notices).toMatchObject([
      {
        titleKey: 'app.notices.loadInfoFailed',
        reason: { key: 'service.internal', params: { detail: 'service not ready' } }
      }
    ])
  })
})
