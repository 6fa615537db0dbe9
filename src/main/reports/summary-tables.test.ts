import { describe, expect, it } from 'vitest'
import { JSDOM } from 'jsdom'
import type { ConfigError, ReportConfig } from '@shared/reports/report-model'
import { reportText } from './report-text'
import { renderConfigurationsTable } from './summary-tables'

function failed(family: string, label: string, error: ConfigError): ReportConfig {
  return {
    config: 0,
    label,
    family,
    status: 'failed',
    done: 2,
    total: 3,
    summary: null,
    final: null,
    error,
    recorded: false,
    keySteps: [],
    maps: []
  }
}

// A broken invariant as run:summary gives it: the rule's key and params, and where it broke.
const BROKEN = [
  {
    config: failed('first-fit', 'first-fit:arena=1024', {
      kind: 'invariant',
      key: 'heap.invariant.freeBytes',
      params: { counted: 704, recorded: 705, config: 'first-fit:arena=1024', step: 1, line: 3 }
    }),
    en: 'Free bytes must match the blocks: the free blocks hold 704 bytes, the heap records 705.',
    zh: '空闲字节数必须与各块相符：空闲块共有 704 字节，堆记录的却是 705 字节。'
  },
  {
    config: failed('buddy', 'buddy:frames=16', {
      kind: 'invariant',
      key: 'pages.invariant.buddy.freeCount',
      params: { order: 0, counted: 2, listed: 1, config: 'buddy:frames=16', step: 1, line: 3 }
    }),
    en: 'Free counts must match the lists: free_area[0] counts 2 blocks but holds 1.',
    zh: '空闲计数必须与链表相符：free_area[0] 记为 2 个块，链表中却有 1 个。'
  },
  {
    config: failed('slab', 'slab:frames=64', {
      kind: 'invariant',
      key: 'pages.invariant.slab.activeObjects',
      params: { cache: 'inode', active: 1, counted: 2, config: 'slab:frames=64', step: 1, line: 3 }
    }),
    en: 'Active objects must add up: cache inode has 1 in its slabs, its counter says 2.',
    zh: '活动对象数必须对得上：缓存 inode 的 slab 中有 1 个，计数器却为 2。'
  }
] as const

function noteOf(config: ReportConfig, locale: 'en' | 'zh-CN'): string {
  const table = renderConfigurationsTable([config], reportText(locale)).text
  const { document } = new JSDOM(`<!doctype html><body>${table}</body>`).window
  return document.querySelector('.sub')!.textContent!.replace(/\s+/g, ' ').trim()
}

describe('the configurations table of a report', () => {
  for (const broken of BROKEN) {
    it(`tells a broken ${broken.config.family} invariant in the report’s language, with where it broke`, () => {
      const label = broken.config.label
      expect(noteOf(broken.config, 'en')).toBe(
        `No result: ${label}: an invariant broke after request 1 (line 3): ${broken.en}`
      )
      expect(noteOf(broken.config, 'zh-CN')).toBe(
        `没有结果：${label}：第 1 个请求（第 3 行）之后不变式被破坏：${broken.zh}`
      )
    })
  }
})
