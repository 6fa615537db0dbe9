import { afterAll, describe, expect, it } from 'vitest'
import { RunFinishWatch } from '../cli/run-finish'
import { BEFORE_FIRST_REQUEST, LESSONS } from '@shared/lessons'
import { METRIC_NAMES, METRICS } from '@shared/vocabulary/metrics'
import { engineWorkerFromSource } from '../worker/testing/tsx-worker'
import { LabService } from '../service/lab-service'
import { openStore } from '../store/open-store'
import { observeLesson, type Observation } from './observe-lesson'

/*
 * The facts are checked against the engine stepped in this thread. The window
 * shows a lesson through LabService instead: a worker records the run and the
 * replay reads events, metrics and structures back from that record. These
 * tests make sure both see the same run, so a fact that holds here is what
 * the student reads on screen.
 */

const lab = new LabService(openStore(':memory:'), 'test', { launch: engineWorkerFromSource })
afterAll(() => lab.close())

/** The structures a fact can speak of, in one shape for both sides. */
function comparable(s: {
  freeList?: readonly { addr: number; size: number }[] | null
  rover?: number | null
  freeAreas?: readonly { order: number; addresses: readonly number[] }[] | null
  caches?: readonly { name: string; slabs: readonly { list: string; inUse: number }[] }[] | null
}): unknown {
  return {
    freeList: s.freeList ?? null,
    rover: s.rover ?? null,
    freeAreas: s.freeAreas ?? null,
    caches:
      s.caches?.map((c) => ({ name: c.name, slabs: c.slabs.map((x) => [x.list, x.inUse]) })) ?? null
  }
}

describe.each(LESSONS.map((lesson) => [lesson.id, lesson] as const))(
  'lesson %s in the replay',
  (_id, lesson) => {
    it('shows the same requests, metrics and structures the facts were checked against', async () => {
      const observed = observeLesson(lesson)
      const count = observed.program.count
      const watch = new RunFinishWatch(lab)
      const started = await lab.call('run:start', {
        scenario: lesson.scenario,
        allocators: lesson.allocators.map((a) => a.spec)
      })
      await watch.finished(started.runId)
      watch.stop()
      const summary = await lab.call('run:summary', { runId: started.runId })
      expect(summary.configs.map((c) => c.status)).toEqual(lesson.allocators.map(() => 'done'))

      for (const [config, run] of observed.runs.entries()) {
        const ref = { runId: started.runId, config }
        const after = (step: number): Observation => run.positions[step + 1]!

        const { events } = await lab.call('timeline:events', { ...ref, from: 0, count })
        expect(
          events.map((e) => [
            e.status,
            e.addr,
            e.granted,
            e.cost.examined,
            e.cost.splits,
            e.cost.merges,
            e.cost.ctorCalls,
            e.cost.ctorSaved
          ])
        ).toEqual(
          run.positions
            .slice(1)
            .map(({ outcome: o }) => [
              o!.status,
              o!.addr,
              o!.granted,
              o!.examined,
              o!.splits,
              o!.merges,
              o!.ctorCalls,
              o!.ctorSaved
            ])
        )

        const { columns } = await lab.call('timeline:metrics', {
          ...ref,
          from: 0,
          to: count,
          maxPoints: count
        })
        for (const name of METRIC_NAMES) {
          const column = columns.find((c) => c.name === name)!
          const shown = column.start.map((step, i) => [step, column.max[i]])
          const expected = column.start.map((step) => [step, after(step).metrics[name]])
          if (METRICS[name].unit === 'ratio') {
            shown.forEach(([, value], i) =>
              expect(value, `${name} after request ${i}`).toBeCloseTo(expected[i]![1]!, 12)
            )
          } else {
            expect(shown, name).toEqual(expected)
          }
        }

        const anchored = new Set([BEFORE_FIRST_REQUEST, ...lesson.anchors.map((a) => a.step)])
        for (const step of anchored) {
          const shown = await lab.call('timeline:structures', { ...ref, step })
          expect(comparable(shown), `structures after request ${step}`).toEqual(
            comparable(after(step).structures)
          )
        }

        const { cost } = summary.configs[config]!.summary!
        expect(cost).toEqual(run.positions.at(-1)!.totals)
      }
    })
  }
)
