import { describe, expect, it } from 'vitest'
import { configErrorText } from './config-error-text'
import { translator } from './i18n/translate'

const brokenFreeCount = {
  kind: 'invariant',
  key: 'pages.invariant.buddy.freeCount',
  params: { order: 0, counted: 3, listed: 2, config: 'buddy:frames=64', step: 4, line: 7 }
} as const

describe('configErrorText', () => {
  it('says after which request an invariant broke, then the rule, in the reader’s language', () => {
    expect(configErrorText(translator('en'), brokenFreeCount)).toBe(
      'buddy:frames=64: an invariant broke after request 4 (line 7): ' +
        'Free counts must match the lists: free_area[0] counts 3 blocks but holds 2.'
    )
    const chinese = configErrorText(translator('zh-CN'), brokenFreeCount)
    expect(chinese).toContain('第 4 个请求（第 7 行）之后不变式被破坏')
    expect(chinese).toContain('空闲计数必须与链表相符：free_area[0] 记为 3 个块，链表中却有 2 个。')
  })

  it('reads any other failure by its own key', () => {
    const crashed = {
      kind: 'crashed',
      key: 'engine.worker.crashed',
      params: { config: 'slab', detail: 'exit code 3', step: -1, line: 0 }
    } as const
    expect(configErrorText(translator('en'), crashed)).toBe(
      'slab: the engine worker crashed (exit code 3).'
    )
  })
})
