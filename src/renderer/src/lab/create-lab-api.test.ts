import { describe, expect, it, vi } from 'vitest'
import { LabError, type LabBridge, type LabResult } from '@shared/api'
import { FakeLabBridge, SAMPLE_APP_INFO } from '@renderer/test-support/fake-lab-bridge'
import { createLabApi } from './create-lab-api'

function bridgeAnswering(result: LabResult<unknown>): LabBridge {
  return { invoke: async () => result, on: () => () => {} }
}

describe('createLabApi', () => {
  it('returns the value of a successful call', async () => {
    const bridge = new FakeLabBridge()
    bridge.settings = { language: 'zh-CN', theme: 'dark', presentation: false }
    const lab = createLabApi(bridge)

    await expect(lab.invoke('settings:get', {})).resolves.toEqual({
      language: 'zh-CN',
      theme: 'dark',
      presentation: false
    })
    await expect(lab.invoke('app:info', {})).resolves.toEqual(SAMPLE_APP_INFO)
  })

  it('passes the channel and input to the bridge unchanged', async () => {
    const bridge = new FakeLabBridge()
    await createLabApi(bridge).invoke('settings:set', { theme: 'light' })

    expect(bridge.calls).toEqual([{ channel: 'settings:set', input: { theme: 'light' } }])
  })

  it('throws a LabError carrying the code and message of an error result', async () => {
    const lab = createLabApi(
      bridgeAnswering({
        ok: false,
        error: {
          code: 'not-found',
          key: 'timeline.runNotFound',
          params: { runId: 'run-9', kept: 8 },
          message: 'no such experiment'
        }
      })
    )

    const failure = await lab.invoke('app:info', {}).catch((error: unknown) => error)

    expect(failure).toBeInstanceOf(LabError)
    expect(failure).toMatchObject({
      code: 'not-found',
      key: 'timeline.runNotFound',
      params: { runId: 'run-9', kept: 8 },
      message: 'no such experiment'
    })
  })

  it('reports invalid input that the host rejected as an invalid-input LabError', async () => {
    const lab = createLabApi(new FakeLabBridge())
    const badInput = { language: 'fr' } as unknown as { language: 'en' }

    await expect(lab.invoke('settings:set', badInput)).rejects.toMatchObject({
      code: 'invalid-input'
    })
  })

  it('refuses an output that does not match the channel schema', async () => {
    const lab = createLabApi(bridgeAnswering({ ok: true, value: { language: 'en' } }))

    await expect(lab.invoke('settings:get', {})).rejects.toMatchObject({
      name: 'LabError',
      code: 'internal',
      message: expect.stringContaining('settings:get') as string
    })
  })

  it('delivers a valid event payload and stops after unsubscribing', () => {
    const bridge = new FakeLabBridge()
    const listener = vi.fn()
    const unsubscribe = createLabApi(bridge).on('settings:changed', listener)

    bridge.emit('settings:changed', { language: 'zh-CN', theme: 'system', presentation: false })
    unsubscribe()
    bridge.emit('settings:changed', { language: 'en', theme: 'system', presentation: false })

    expect(listener).toHaveBeenCalledTimes(1)
    expect(listener).toHaveBeenCalledWith({
      language: 'zh-CN',
      theme: 'system',
      presentation: false
    })
  })

  it('holds back an event payload that fails its schema and says so', () => {
    const bridge = new FakeLabBridge()
    const listener = vi.fn()
    const onInvalidEvent = vi.fn()
    createLabApi(bridge, { onInvalidEvent }).on('settings:changed', listener)

    bridge.emit('settings:changed', { language: 'klingon', theme: 'system', presentation: false })

    expect(listener).not.toHaveBeenCalled()
    expect(onInvalidEvent).toHaveBeenCalledWith('settings:changed', expect.any(LabError))
  })
})
