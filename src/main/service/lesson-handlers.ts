import type { Database } from 'better-sqlite3'
import type { z } from 'zod'
import { LabError, type LabOutput, type labChannels } from '@shared/api'
import { findLesson } from '@shared/lessons'
import { readLessonPack } from '@shared/lesson-pack/lesson-pack'
import type { ExperimentLibrary } from '../experiments/experiment-library'
import { ImportedLessonRepository } from '../store/imported-lesson-repository'
import { refuseIfReadOnly } from '../store/store-write-error'
import { toLabErrorData } from './lab-errors'

type Input<C extends keyof typeof labChannels> = z.output<(typeof labChannels)[C]['input']>

export interface LessonHandlerDeps {
  readonly db: Database
  /** Where a pack's experiments go, and are taken back from if the pack is refused later on. */
  readonly experiments: Pick<ExperimentLibrary, 'importFile' | 'delete'>
  /** Milliseconds since the epoch (default Date.now): the import time. */
  readonly now?: () => number
}

/**
 * The `lessons:*` calls; LabService spreads these into its handler table.
 * Importing a pack reads and checks the whole file first (the same reading
 * the window used to do), then brings in its experiments and keeps its
 * lessons in one transaction. If anything fails on the way, the experiments
 * it brought are taken back: a refused pack changes nothing.
 */
export function lessonHandlers(deps: LessonHandlerDeps): {
  'lessons:imported': () => LabOutput<'lessons:imported'>
  'lessons:import-pack': (
    input: Input<'lessons:import-pack'>
  ) => Promise<LabOutput<'lessons:import-pack'>>
  'lessons:remove-imported': (
    input: Input<'lessons:remove-imported'>
  ) => LabOutput<'lessons:remove-imported'>
} {
  const lessons = new ImportedLessonRepository(deps.db, deps.now)

  async function importPack({
    text
  }: Input<'lessons:import-pack'>): Promise<LabOutput<'lessons:import-pack'>> {
    const reading = readLessonPack(text)
    if (!reading.ok) {
      throw new LabError('invalid-input', reading.refusal.key, { ...reading.refusal.params })
    }
    const { pack } = reading
    refuseIfReadOnly(deps.db)
    const fresh = pack.lessons.filter((lesson) => !findLesson(lesson.id))
    const added: number[] = []
    try {
      for (const file of pack.experiments) {
        try {
          added.push((await deps.experiments.importFile({ text: JSON.stringify(file) })).id)
        } catch (error) {
          throw experimentRefused(file.experiment.name, error)
        }
      }
      lessons.importFrom(pack, fresh)
    } catch (error) {
      takeBack(added)
      throw error
    }
    return {
      title: pack.title,
      lessons: fresh.length,
      experiments: added.length,
      builtIn: pack.lessons.length - fresh.length,
      imported: lessons.list()
    }
  }

  function takeBack(ids: readonly number[]): void {
    for (const id of ids) {
      try {
        deps.experiments.delete({ id })
      } catch {
        // The store failed under us; the refusal already says why.
      }
    }
  }

  return {
    'lessons:imported': () => ({ lessons: lessons.list() }),
    'lessons:import-pack': importPack,
    'lessons:remove-imported': ({ id }) => {
      if (!lessons.remove(id)) throw new LabError('not-found', 'classroom.pack.notImported', { id })
      return { lessons: lessons.list() }
    }
  }
}

/** An experiment the pack carries was refused: the pack is, with the experiment's reason below. */
function experimentRefused(name: string, error: unknown): LabError {
  const inner = toLabErrorData(error)
  return new LabError(inner.code, 'classroom.pack.refused.experiment', { name }, [
    { key: inner.key, params: inner.params },
    ...(inner.causes ?? [])
  ])
}
