import type { StepAnswer, StepQuestion } from '@shared/run-schemas'
import { toLabErrorData } from './lab-errors'
import type { RecordedRun } from './recorded-run'

/**
 * Requests a configuration's engine must have run to answer a question:
 * structures after `step` read it at step + 1; events replay forward from
 * `from`. Maps come from the recorded keyframes and need no engine.
 */
function enginePosition(question: StepQuestion): number | null {
  switch (question.kind) {
    case 'structures':
      return question.step + 1
    case 'events':
      return question.from
    case 'map':
      return null
  }
}

/**
 * The order to answer a timeline:step's questions in: maps first (they cost
 * no replay, and the window draws them first), then per configuration the
 * questions that move its engine, from the earliest position on, reads
 * before events at one position. The engine replays forward cheaply and
 * backwards only from a checkpoint, so asked for a step's event after its
 * structures (which leave it one request further) it would start again from
 * a checkpoint a quarter of a million requests back; sorted, it never does.
 */
export function answerOrder(questions: readonly StepQuestion[]): number[] {
  const order = questions.map((_, index) => index)
  return order.sort((a, b) => {
    const qa = questions[a]!
    const qb = questions[b]!
    const pa = enginePosition(qa)
    const pb = enginePosition(qb)
    if (pa === null || pb === null) return (pa === null ? 0 : 1) - (pb === null ? 0 : 1) || a - b
    return (
      qa.config - qb.config ||
      pa - pb ||
      Number(qa.kind === 'events') - Number(qb.kind === 'events') ||
      a - b
    )
  })
}

/** Answer every question of a timeline:step on one run; a question that fails says why in its place. */
export async function answerStep(
  runId: string,
  run: RecordedRun,
  questions: readonly StepQuestion[]
): Promise<StepAnswer[]> {
  const answers: StepAnswer[] = new Array<StepAnswer>(questions.length)
  for (const index of answerOrder(questions)) {
    const question = questions[index]!
    try {
      const config = run.config(question.config)
      switch (question.kind) {
        case 'map':
          answers[index] = { kind: 'map', map: config.map({ ...question, runId }) }
          break
        case 'structures':
          answers[index] = {
            kind: 'structures',
            structures: await config.structures({ ...question, runId })
          }
          break
        case 'events':
          answers[index] = { kind: 'events', events: await config.events({ ...question, runId }) }
          break
      }
    } catch (error) {
      answers[index] = { kind: 'error', error: toLabErrorData(error) }
    }
  }
  return answers
}
