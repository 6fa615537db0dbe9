import { describe, expect, it } from 'vitest'
import type { AnalysisReport } from './protocol'
import { ScenarioWorkerClient, WorkerJobError } from './scenario-worker-client'
import { inProcessWorkerPort } from './in-process-worker-port'

function client(): { worker: ScenarioWorkerClient; reports: AnalysisReport[] } {
  const worker = new ScenarioWorkerClient(inProcessWorkerPort())
  const reports: AnalysisReport[] = []
  worker.onAnalysis((report) => reports.push(report))
  return { worker, reports }
}

async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setTimeout(resolve, 0))
}

describe('the scenario worker', () => {
  it('keeps its copy of the document in step with the edits it is sent', async () => {
    const { worker } = client()
    worker.reset(1, 'alloc a 10\n')
    worker.change(2, [[11, 11, 'free a\n']])
    worker.change(3, [
      [0, 5, 'kmalloc'],
      [11, 17, 'kfree a']
    ])
    expect(await worker.request({ kind: 'text' })).toEqual({
      version: 3,
      text: 'kmalloc a 10\nkfree a\n'
    })
  })

  it('analyses only the newest version after a burst of edits', async () => {
    const { worker, reports } = client()
    worker.reset(1, '')
    for (let v = 2; v <= 30; v++) worker.change(v, [[0, 0, 'x']])
    await settle()
    expect(reports.at(-1)?.version).toBe(30)
    expect(reports.length).toBeLessThan(10)
  })

  it('hands a generated scenario over in whole-line chunks and adopts it without a copy back', async () => {
    const { worker, reports } = client()
    worker.reset(1, '')
    const info = await worker.request({
      kind: 'generate',
      generator: 'random',
      options: { seed: 3, count: 2000 }
    })
    const chunks: string[] = []
    await worker.request({ kind: 'chunks', source: info.source, chunkChars: 1000 }, (chunk) =>
      chunks.push(chunk)
    )
    expect(chunks.length).toBeGreaterThan(5)
    expect(chunks.every((chunk) => chunk.endsWith('\n'))).toBe(true)
    const whole = chunks.join('')
    expect(whole.length).toBe(info.length)
    expect(info.requests).toBe(2000)
    worker.adopt(2, info.source, 0, 0)
    expect((await worker.request({ kind: 'text' })).text).toBe(whole)
    await settle()
    expect(reports.at(-1)).toMatchObject({ version: 2, requests: 2000, errorCount: 0 })
  })

  it('answers a superseded preview with a failure marked as such', async () => {
    const { worker } = client()
    const first = worker.request({ kind: 'generate', generator: 'ramp', options: { seed: 1 } })
    const second = worker.request({ kind: 'generate', generator: 'ramp', options: { seed: 2 } })
    await expect(first).rejects.toMatchObject({ failure: { superseded: true } })
    await expect(second).resolves.toMatchObject({ lines: expect.any(Number) })
  })

  it('turns a bad generator option into a translatable failure naming the option', async () => {
    const { worker } = client()
    const failure = await worker
      .request({ kind: 'generate', generator: 'random', options: { seed: 1, count: -5 } })
      .catch((error: unknown) => error)
    expect(failure).toBeInstanceOf(WorkerJobError)
    expect((failure as WorkerJobError).failure).toMatchObject({
      messageKey: 'scenario.generator.error.badWhole',
      params: { option: 'count' }
    })
  })

  it('imports a malloc-lab trace from a file with its problems in place', async () => {
    const { worker } = client()
    const file = new Blob(['2\n3\na 0 16\nq 1\nf 0\n'])
    const result = await worker.request({ kind: 'import', format: 'malloclab', input: file })
    expect(result.text).toContain('alloc b0 16\nfree b0')
    expect(result.problems.map((p) => [p.diagnostic.code, p.diagnostic.line, p.excerpt])).toEqual(
      expect.arrayContaining([['trace-bad-line', 4, 'q 1']])
    )
  })

  it('asks for the whole text again rather than adopting a source it no longer has', async () => {
    const { worker } = client()
    const asked: number[] = []
    worker.onResync = (version) => asked.push(version)
    worker.reset(1, 'alloc a 1\n')
    worker.adopt(2, 999, 0, 0)
    await settle()
    expect(asked).toEqual([2])
  })

  it('fails every waiting job once it is closed', async () => {
    const { worker } = client()
    const waiting = worker.request({ kind: 'text' })
    worker.dispose()
    await expect(waiting).rejects.toBeInstanceOf(WorkerJobError)
  })
})
