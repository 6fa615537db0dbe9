import { computed, ref } from 'vue'
import { defineStore } from 'pinia'
import type { AppInfo } from '@shared/api'
import { useLab } from '@renderer/lab/use-lab'
import { useNoticeStore } from './notices'

export type AppInfoStatus = 'idle' | 'loading' | 'ready' | 'failed'

/** What the host says about itself: versions, where the database lives, start-up notices. */
export const useAppInfoStore = defineStore('appInfo', () => {
  const lab = useLab()
  const notices = useNoticeStore()
  const info = ref<AppInfo | null>(null)
  const status = ref<AppInfoStatus>('idle')
  const databaseNotice = computed(() => info.value?.databaseNotice ?? null)

  async function load(): Promise<void> {
    status.value = 'loading'
    try {
      info.value = await lab.invoke('app:info', {})
      status.value = 'ready'
    } catch (error) {
      status.value = 'failed'
      notices.report('app.notices.loadInfoFailed', error)
    }
  }

  return { info, status, databaseNotice, load }
})
