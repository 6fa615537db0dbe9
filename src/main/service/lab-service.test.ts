import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS, LAB_API_VERSION } from '@shared/api'
import { openStore } from '../store/open-store'
import { LabService } from './lab-service'

function service(): LabService {
  return new LabService(openStore(':memory:'), 'test')
}

describe('LabService', () => {
  it('reports app info with the host kind and API version', async () => {
    const result = await service().dispatch('app:info', {})
    expect(result.ok).toBe(true)
    const info = (result as { value: Record<string, unknown> }).value
    expect(info['host']).toBe('test')
    expect(info['apiVersion']).toBe(LAB_API_VERSION)
    expect(info['databasePath']).toBe(':memory:')
    expect(info['databaseNotice']).toBeNull()
  })

  it('stores settings and pushes the change to subscribers', async () => {
    const lab = service()
    const seen: unknown[] = []
    lab.subscribe((event, payload) => seen.push([event, payload]))
    const result = await lab.dispatch('settings:set', { language: 'zh-CN' })
    expect(result).toEqual({ ok: true, value: { ...DEFAULT_SETTINGS, language: 'zh-CN' } })
    expect(seen).toEqual([['settings:changed', { ...DEFAULT_SETTINGS, language: 'zh-CN' }]])
    expect(await lab.dispatch('settings:get', {})).toEqual(result)
  })

  it('refuses an unknown channel as a value, not an exception', async () => {
    expect(await service().dispatch('fs:readFile', { path: '/etc/passwd' })).toEqual({
      ok: false,
      error: {
        code: 'unknown-channel',
        key: 'service.unknownChannel',
        params: { channel: 'fs:readFile' },
        message: 'There is no call named "fs:readFile".'
      }
    })
  })

  it('names the bad field when input fails validation', async () => {
    const result = await service().dispatch('settings:set', { language: 'klingon' })
    expect(result.ok).toBe(false)
    expect(result.ok === false && result.error.code).toBe('invalid-input')
    expect(result.ok === false && result.error.message).toContain('language')
  })

  it('rejects extra fields so nothing unchecked reaches the store', async () => {
    const result = await service().dispatch('settings:set', { theme: 'dark', admin: true })
    expect(result.ok).toBe(false)
  })
})

describe('LabService drafts', () => {
  it('saves the Workbench draft and gives it back after the service is made again', async () => {
    const store = openStore(':memory:')
    const draft = {
      scenario: { encoding: 'text', text: 'alloc a 10\n' },
      configs: ['buddy:frames=1024'],
      fileName: null
    }
    const first = new LabService(store, 'test')
    expect((await first.dispatch('draft:save', draft)).ok).toBe(true)
    const again = new LabService(store, 'test')
    const result = await again.dispatch('draft:get', {})
    expect(result).toMatchObject({ ok: true, value: { draft } })
  })

  it('refuses a draft with more configurations than a run takes, naming the field', async () => {
    const result = await service().dispatch('draft:save', {
      scenario: { encoding: 'text', text: '' },
      configs: Array.from({ length: 17 }, () => 'buddy'),
      fileName: null
    })
    expect(result.ok === false && result.error.code).toBe('invalid-input')
    expect(result.ok === false && result.error.params['field']).toBe('configs')
  })
})
