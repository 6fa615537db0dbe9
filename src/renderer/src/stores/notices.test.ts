import { describe, expect, it } from 'vitest'
import { createPinia } from 'pinia'
import { WebHostError } from '@renderer/lab/web-host-error'
import { useNoticeStore } from './notices'

describe('useNoticeStore', () => {
  it('explains transport failures with a message of ours and service errors in their own words', () => {
    const store = useNoticeStore(createPinia())

    store.report('app.notices.saveSettingsFailed', new WebHostError('refused', 'HTTP 401', 401))
    store.report('app.notices.saveSettingsFailed', new Error('settings:set: theme: bad'))
    store.report('app.notices.unexpected', 'plain string')

    expect(store.notices.map((notice) => notice.reason)).toEqual([
      { key: 'app.notices.reasons.refused', params: { status: 401 } },
      { text: 'settings:set: theme: bad' },
      { text: 'plain string' }
    ])
  })

  it('keeps only the four newest notices', () => {
    const store = useNoticeStore(createPinia())

    for (let failure = 1; failure <= 6; failure++) {
      store.report('app.notices.unexpected', new Error(`failure ${failure}`))
    }

    expect(store.notices.map((notice) => notice.reason)).toEqual(
      [3, 4, 5, 6].map((failure) => ({ text: `failure ${failure}` }))
    )
  })

  it('removes exactly the dismissed notice', () => {
    const store = useNoticeStore(createPinia())
    store.report('app.notices.unexpected', new Error('first'))
    store.report('app.notices.unexpected', new Error('second'))

    store.dismiss(store.notices[0]!.id)

    expect(store.notices.map((notice) => notice.reason)).toEqual([{ text: 'second' }])
  })
})
