import { describe, expect, it } from 'vitest'
import { compileWorkerFromSource, engineWorkerFromSource } from '../worker/testing/tsx-worker'
import { openStore } from '../store/open-store'
import { runFinished } from './testing/run-finished'
import { LabService } from './lab-service'

const ARTICLE = ['frames 1024', 'pages a 8', 'pages b 9', 'free-pages a', 'free-pages b', ''].join(
  '\n'
)

describe('timeline:find through LabService', () => {
  it('finds the first merge of a run and refuses a metric limited to a handle', async () => {
    const lab = new LabService(openStore(':memory:'), 'test', {
      launch: engineWorkerFromSource,
      compileLaunch: compileWorkerFromSource
    })
    try {
      const { runId } = await lab.call('run:start', {
        scenario: ARTICLE,
        allocators: ['buddy:frames=1024']
      })
      await runFinished(lab, runId)
      const merge = await lab.call('timeline:find', {
        runId,
        config: 0,
        from: 0,
        direction: 'forward',
        condition: { kind: 'merge' }
      })
      // a (256 frames at 0) goes back first; its buddy at 256 is free, b holds 512-1023.
      expect(merge).toEqual({ step: 2, steps: [2], stride: 1, total: 2, index: 0 })

      const refused = await lab.dispatch('timeline:find', {
        runId,
        config: 0,
        from: 0,
        direction: 'forward',
        condition: { kind: 'metric', metric: 'freeBytes', crossing: 'above', value: 0 },
        handle: 'a'
      })
      expect(refused.ok === false && refused.error.code).toBe('invalid-input')
      expect(refused.ok === false && refused.error.message).toContain('handle')
    } finally {
      lab.close()
    }
  })
})
