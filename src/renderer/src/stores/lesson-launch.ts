import { ref } from 'vue'
import { defineStore } from 'pinia'
import type { Lesson } from '@shared/lessons'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { useLessonCatalogStore } from './lesson-catalog'
import { useConfigStore } from './workbench-configs'
import { useDraftStore } from './workbench-draft'
import { useScenarioStore } from './workbench-scenario'

/** The query parameter that tells Replay which lesson's notes to show beside the panes. */
export const LESSON_QUERY = 'lesson'

/**
 * Starting a built-in lesson (its scenario on its allocators, through
 * run:start like any run) and copying one into the Workbench draft, where it
 * becomes an ordinary editable scenario.
 */
export const useLessonLaunchStore = defineStore('lessonLaunch', () => {
  const lab = useLab()
  const catalog = useLessonCatalogStore()
  /** The lesson being started, while run:start has not answered. */
  const opening = ref<string | null>(null)
  const failure = ref<{ lessonId: string; reason: FailureReason } | null>(null)
  const copied = ref<string | null>(null)

  /** Starts the lesson's run and answers its id, or null when the start was refused. */
  async function start(lesson: Lesson): Promise<string | null> {
    if (opening.value) return null
    opening.value = lesson.id
    failure.value = null
    try {
      const started = await lab.invoke('run:start', {
        scenario: lesson.scenario,
        allocators: lesson.allocators.map((allocator) => allocator.spec),
        title: catalog.text(lesson.titleKey)
      })
      return started.runId
    } catch (error) {
      failure.value = { lessonId: lesson.id, reason: describeFailure(error) }
      return null
    } finally {
      opening.value = null
    }
  }

  /** Puts the lesson into the Workbench draft, after the saved draft is back so it cannot overwrite the copy. */
  async function copyToWorkbench(lesson: Lesson): Promise<void> {
    const draft = useDraftStore()
    const scenario = useScenarioStore()
    const configs = useConfigStore()
    await draft.ensureRestored()
    configs.replaceAll(lesson.allocators.map((allocator) => allocator.spec))
    scenario.document.replaceAll(lesson.scenario)
    scenario.fileName = null
    scenario.say(null)
    copied.value = lesson.id
  }

  return { opening, failure, copied, start, copyToWorkbench }
})
