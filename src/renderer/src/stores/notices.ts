import { ref } from 'vue'
import { defineStore } from 'pinia'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'

export interface Notice {
  readonly id: number
  /** Message key of the headline, e.g. "app.notices.saveSettingsFailed". */
  readonly titleKey: string
  readonly reason: FailureReason
}

/** Older notices give way so a burst of failures never covers the window. */
const MAX_NOTICES = 4

/**
 * Failures the user has to hear about. Stores report every failed LabApi
 * call here rather than swallowing it; notices stay until dismissed.
 */
export const useNoticeStore = defineStore('notices', () => {
  const notices = ref<Notice[]>([])
  let nextId = 1

  function report(titleKey: string, error: unknown): void {
    const notice: Notice = { id: nextId++, titleKey, reason: describeFailure(error) }
    notices.value = [...notices.value, notice].slice(-MAX_NOTICES)
  }

  function dismiss(id: number): void {
    notices.value = notices.value.filter((notice) => notice.id !== id)
  }

  return { notices, report, dismiss }
})
