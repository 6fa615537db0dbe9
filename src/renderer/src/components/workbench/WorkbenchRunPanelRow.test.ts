// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { nextTick } from 'vue'
import { mount } from '@vue/test-utils'
import { createAppI18n } from '@renderer/i18n/create-app-i18n'
import type { ConfigProgress } from '@renderer/stores/workbench-run'
import WorkbenchRunPanelRow from './WorkbenchRunPanelRow.vue'

function failedRow(family: string, label: string, error: ConfigProgress['error']): ConfigProgress {
  return {
    config: 0,
    label,
    family,
    status: 'failed',
    done: 2,
    total: 3,
    rate: 0,
    elapsedMs: 1,
    error
  }
}

// A broken invariant as run:ended carries it: the rule's key and params, and where it broke.
const BROKEN = [
  {
    row: failedRow('first-fit', 'first-fit:arena=1024', {
      kind: 'invariant',
      key: 'heap.invariant.freeBytes',
      params: { counted: 704, recorded: 705, config: 'first-fit:arena=1024', step: 1, line: 3 }
    }),
    english:
      'Failed: first-fit:arena=1024: an invariant broke after request 1 (line 3): ' +
      'Free bytes must match the blocks: the free blocks hold 704 bytes, the heap records 705.',
    chinese:
      '失败：first-fit:arena=1024：第 1 个请求（第 3 行）之后不变式被破坏：' +
      '空闲字节数必须与各块相符：空闲块共有 704 字节，堆记录的却是 705 字节。'
  },
  {
    row: failedRow('buddy', 'buddy:frames=16', {
      kind: 'invariant',
      key: 'pages.invariant.buddy.freeCount',
      params: { order: 0, counted: 2, listed: 1, config: 'buddy:frames=16', step: 1, line: 3 }
    }),
    english:
      'Failed: buddy:frames=16: an invariant broke after request 1 (line 3): ' +
      'Free counts must match the lists: free_area[0] counts 2 blocks but holds 1.',
    chinese:
      '失败：buddy:frames=16：第 1 个请求（第 3 行）之后不变式被破坏：' +
      '空闲计数必须与链表相符：free_area[0] 记为 2 个块，链表中却有 1 个。'
  },
  {
    row: failedRow('slab', 'slab:frames=64', {
      kind: 'invariant',
      key: 'pages.invariant.slab.activeObjects',
      params: { cache: 'inode', active: 1, counted: 2, config: 'slab:frames=64', step: 1, line: 3 }
    }),
    english:
      'Failed: slab:frames=64: an invariant broke after request 1 (line 3): ' +
      'Active objects must add up: cache inode has 1 in its slabs, its counter says 2.',
    chinese:
      '失败：slab:frames=64：第 1 个请求（第 3 行）之后不变式被破坏：' +
      '活动对象数必须对得上：缓存 inode 的 slab 中有 1 个，计数器却为 2。'
  }
] as const

describe('a failed run row in the Workbench', () => {
  for (const broken of BROKEN) {
    it(`says where a ${broken.row.family} invariant broke and which rule, again when the language changes`, async () => {
      const i18n = createAppI18n('en')
      const wrapper = mount(WorkbenchRunPanelRow, {
        props: { row: broken.row },
        global: { plugins: [i18n] }
      })
      const text = (): string => wrapper.get('[role="alert"]').text()
      expect(text()).toBe(broken.english)
      i18n.global.locale.value = 'zh-CN'
      await nextTick()
      expect(text()).toBe(broken.chinese)
      wrapper.unmount()
    })
  }

  it('reads any other failure by its own key', () => {
    const row = failedRow('slab', 'slab', {
      kind: 'crashed',
      key: 'engine.worker.crashed',
      params: { config: 'slab', detail: 'exit code 3', step: -1, line: 0 }
    })
    const wrapper = mount(WorkbenchRunPanelRow, {
      props: { row },
      global: { plugins: [createAppI18n('en')] }
    })
    expect(wrapper.get('[role="alert"]').text()).toBe(
      'Failed: slab: the engine worker crashed (exit code 3).'
    )
    wrapper.unmount()
  })
})
