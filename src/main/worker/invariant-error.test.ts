import { describe, expect, it } from 'vitest'
import { configErrorText } from '@shared/config-error-text'
import { translator } from '@shared/i18n/translate'
import { sabotagedBuddyFamily } from '../engine/testing/sabotaged-buddy'
import { LabService } from '../service/lab-service'
import { openStore } from '../store/open-store'
import { compileWorkerFromSource, tsxWorker } from './testing/tsx-worker'

const SCENARIO = ['frames 16', 'pages a 0', 'pages b 1', 'free-pages a', ''].join('\n')

describe('a broken invariant in an engine worker', () => {
  it('reaches run:summary as its rule’s key and params, with the request it broke after', async () => {
    const lab = new LabService(openStore(':memory:'), 'test', {
      families: () => [sabotagedBuddyFamily],
      launch: () => tsxWorker('./sabotaged-worker.ts'),
      compileLaunch: compileWorkerFromSource
    })
    try {
      const spec = 'sabotaged-buddy:break-at=1'
      const { runId } = await lab.call('run:start', {
        scenario: SCENARIO,
        allocators: [spec],
        check: true
      })
      const status = async (): Promise<string> => (await lab.call('run:summary', { runId })).status
      await expect.poll(status, { timeout: 30_000 }).not.toMatch(/^(queued|running)$/)
      const summary = await lab.call('run:summary', { runId })
      const [config] = summary.configs
      expect(config!.status).toBe('failed')
      const label = config!.label
      expect(label).toContain('sabotaged-buddy')
      // After request 1 (`pages b 1`, line 3) free_area[0] lists frame 1 alone,
      // and the planted fault makes the zone count two.
      expect(config!.error).toEqual({
        kind: 'invariant',
        key: 'pages.invariant.buddy.freeCount',
        params: { order: 0, counted: 2, listed: 1, config: label, step: 1, line: 3 }
      })
      expect(configErrorText(translator('en'), config!.error!)).toBe(
        `${label}: an invariant broke after request 1 (line 3): ` +
          'Free counts must match the lists: free_area[0] counts 2 blocks but holds 1.'
      )
      expect(configErrorText(translator('zh-CN'), config!.error!)).toContain(
        'free_area[0] 记为 2 个块，链表中却有 1 个'
      )
    } finally {
      lab.close()
    }
  })
})
