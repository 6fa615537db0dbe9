import { describe, expect, it } from 'vitest'
import { configErrorText } from '@shared/config-error-text'
import { translator } from '@shared/i18n/translate'
import { sabotagedBuddyFamily } from '../engine/testing/sabotaged-buddy'
import { sabotagedHeapFamily } from '../engine/testing/sabotaged-heap'
import { sabotagedSlabFamily } from '../engine/testing/sabotaged-slab'
import { LabService } from '../service/lab-service'
import { openStore } from '../store/open-store'
import { compileWorkerFromSource, tsxWorker } from './testing/tsx-worker'

interface BrokenRun {
  readonly family: string
  readonly scenario: string
  readonly spec: string
  readonly key: string
  /** The rule's own params; config, step and line are added by the run. */
  readonly params: Record<string, string | number>
  readonly step: number
  readonly line: number
  /** The rule's message, as a reader sees it in each language. */
  readonly english: string
  readonly chinese: string
}

// Each run breaks after request 1, the scenario's line 3. The numbers are worked by hand.
const BROKEN_RUNS: readonly BrokenRun[] = [
  {
    family: 'heap',
    // In-band first-fit, 8-byte header, 8-byte alignment: a takes 112 bytes,
    // b takes 208, so 1024 - 320 = 704 bytes stay free; the planted fault
    // makes the heap record 705.
    scenario: ['arena 1024', 'alloc a 100', 'alloc b 200', 'free a', ''].join('\n'),
    spec: 'sabotaged-first-fit:break-at=1',
    key: 'heap.invariant.freeBytes',
    params: { counted: 704, recorded: 705 },
    step: 1,
    line: 3,
    english:
      'Free bytes must match the blocks: the free blocks hold 704 bytes, the heap records 705.',
    chinese: '空闲字节数必须与各块相符：空闲块共有 704 字节，堆记录的却是 705 字节。'
  },
  {
    family: 'buddy',
    // After `pages b 1` free_area[0] lists frame 1 alone, and the planted
    // fault makes the zone count two.
    scenario: ['frames 16', 'pages a 0', 'pages b 1', 'free-pages a', ''].join('\n'),
    spec: 'sabotaged-buddy:break-at=1',
    key: 'pages.invariant.buddy.freeCount',
    params: { order: 0, counted: 2, listed: 1 },
    step: 1,
    line: 3,
    english: 'Free counts must match the lists: free_area[0] counts 2 blocks but holds 1.',
    chinese: '空闲计数必须与链表相符：free_area[0] 记为 2 个块，链表中却有 1 个。'
  },
  {
    family: 'slab',
    // After `object i1 inode` one inode object is in use, and the planted
    // fault makes the cache count two.
    scenario: ['frames 64', 'cache inode 600', 'object i1 inode', 'free-object i1', ''].join('\n'),
    spec: 'sabotaged-slab:break-at=1',
    key: 'pages.invariant.slab.activeObjects',
    params: { cache: 'inode', active: 1, counted: 2 },
    step: 1,
    line: 3,
    english: 'Active objects must add up: cache inode has 1 in its slabs, its counter says 2.',
    chinese: '活动对象数必须对得上：缓存 inode 的 slab 中有 1 个，计数器却为 2。'
  }
]

describe('a broken invariant in an engine worker', () => {
  for (const broken of BROKEN_RUNS) {
    it(`reaches run:summary from a ${broken.family} run as its rule and where, read in English and Chinese`, async () => {
      const lab = new LabService(openStore(':memory:'), 'test', {
        families: () => [sabotagedHeapFamily, sabotagedBuddyFamily, sabotagedSlabFamily],
        launch: () => tsxWorker('./sabotaged-worker.ts'),
        compileLaunch: compileWorkerFromSource
      })
      try {
        const { runId } = await lab.call('run:start', {
          scenario: broken.scenario,
          allocators: [broken.spec],
          check: true
        })
        const status = async (): Promise<string> =>
          (await lab.call('run:summary', { runId })).status
        await expect.poll(status, { timeout: 30_000 }).not.toMatch(/^(queued|running)$/)
        const summary = await lab.call('run:summary', { runId })
        const [config] = summary.configs
        expect(config!.status).toBe('failed')
        const label = config!.label
        expect(label).toContain(broken.spec.split(':')[0])
        expect(config!.error).toEqual({
          kind: 'invariant',
          key: broken.key,
          params: { ...broken.params, config: label, step: broken.step, line: broken.line }
        })
        expect(configErrorText(translator('en'), config!.error!)).toBe(
          `${label}: an invariant broke after request ${broken.step} (line ${broken.line}): ` +
            broken.english
        )
        expect(configErrorText(translator('zh-CN'), config!.error!)).toBe(
          `${label}：第 ${broken.step} 个请求（第 ${broken.line} 行）之后不变式被破坏：` +
            broken.chinese
        )
      } finally {
        lab.close()
      }
    })
  }
})
