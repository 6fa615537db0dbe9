import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generate } from '@shared/scenario'
import type { StepQuestion } from '@shared/run-schemas'
import { RunFinishWatch } from '../../cli/run-finish'
import { LabService } from '../../service/lab-service'
import { openStore } from '../../store/open-store'
import type { BenchSuite } from '../suite'

/** The e2e's million-request run (e2e/replay.browser.spec.ts), so the two measure the same thing. */
const SPECS = ['first-fit', 'best-fit', 'buddy:frames=1048576']
const MIDDLE = 500_000
const HELD_STEPS = 60
const MAP_WIDTH = 1024
const GiB = 1024 * 1024 * 1024

/** What Replay asks of one step: a map and the structures of every pane, the log's event. */
function questionsAt(step: number): StepQuestion[] {
  const questions: StepQuestion[] = []
  SPECS.forEach((_, config) => {
    questions.push({ kind: 'map', config, step, width: MAP_WIDTH })
    questions.push({ kind: 'structures', config, step })
  })
  questions.push({ kind: 'events', config: 0, from: step, count: 1 })
  return questions
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)] ?? NaN
}

function p95(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN
}

const round = (ms: number): number => Math.round(ms * 100) / 100

/**
 * Replay's step answers (issue 15): the service's side of a step change
 * with an arrow key held, on the e2e's run (random workload, 1M requests,
 * 16 MiB arena; first-fit, best-fit, buddy over 1,048,576 frames). Keys:
 *   step.firstMs                     the first timeline:step at step 500,000 (replays the engines there)
 *   step.medianMs / p95Ms            each of the next 60 steps, one timeline:step each, answered and
 *                                    serialized to JSON as the browser host sends it
 *   step.answerBytes.median          that JSON's size
 *   question.<kind>.medianMs         each question kind alone at those steps (map: the three maps)
 * The window's share (drawing, layout) is measured in the e2e, not here.
 */
export const replaySuite: BenchSuite = {
  name: 'replay',
  async run() {
    const folder = mkdtempSync(join(tmpdir(), 'alloclab-bench-replay-'))
    const lab = new LabService(openStore(join(folder, 'replay.db')), 'cli', {
      budgetBytes: 2 * GiB
    })
    try {
      const scenario = generate('random', { seed: 1, count: 1_000_000, arena: 16 * 1024 * 1024 })
      const watch = new RunFinishWatch(lab)
      const { runId } = await lab.call('run:start', { scenario, allocators: SPECS })
      await watch.finished(runId)
      watch.stop()

      const ask = async (questions: StepQuestion[]): Promise<{ ms: number; bytes: number }> => {
        const start = performance.now()
        const answer = await lab.call('timeline:step', { runId, questions })
        const bytes = JSON.stringify(answer).length
        return { ms: performance.now() - start, bytes }
      }
      const first = await ask(questionsAt(MIDDLE))
      const steps: number[] = []
      const sizes: number[] = []
      for (let step = MIDDLE + 1; step <= MIDDLE + HELD_STEPS; step++) {
        const { ms, bytes } = await ask(questionsAt(step))
        steps.push(ms)
        sizes.push(bytes)
      }
      const byKind: Record<string, number> = {}
      for (const kind of ['map', 'structures', 'events'] as const) {
        const times: number[] = []
        for (let step = MIDDLE + HELD_STEPS + 1; step <= MIDDLE + 2 * HELD_STEPS; step++) {
          times.push((await ask(questionsAt(step).filter((q) => q.kind === kind))).ms)
        }
        byKind[`question.${kind}.medianMs`] = round(median(times))
      }
      return {
        requests: 1_000_000,
        allocators: SPECS.join(' '),
        'step.firstMs': round(first.ms),
        'step.medianMs': round(median(steps)),
        'step.p95Ms': round(p95(steps)),
        'step.answerBytes.median': median(sizes),
        ...byKind
      }
    } finally {
      lab.close()
      rmSync(folder, { recursive: true, force: true })
    }
  }
}
