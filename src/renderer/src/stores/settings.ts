import { onScopeDispose, ref } from 'vue'
import { defineStore } from 'pinia'
import { DEFAULT_SETTINGS, type Settings } from '@shared/api'
import { useLab } from '@renderer/lab/use-lab'
import { useNoticeStore } from './notices'

/**
 * The user's settings as the host keeps them. A change shows at once and is
 * then confirmed by the host; if the host refuses it, the last confirmed
 * value comes back and the failure is reported.
 */
export const useSettingsStore = defineStore('settings', () => {
  const lab = useLab()
  const notices = useNoticeStore()
  const settings = ref<Settings>({ ...DEFAULT_SETTINGS })
  const loaded = ref(false)
  let confirmed: Settings = settings.value
  // Only the newest change may write its answer back; an older one finishing
  // late would otherwise undo what the user picked last.
  let latestChange = 0

  async function load(): Promise<void> {
    try {
      confirmed = await lab.invoke('settings:get', {})
      settings.value = confirmed
    } catch (error) {
      notices.report('app.notices.loadSettingsFailed', error)
    } finally {
      loaded.value = true
    }
  }

  /**
   * Whether the host kept the change. A refusal is reported under
   * `failureKey` (default: "Could not save your settings"), or not at all
   * when `quiet`.
   */
  async function update(
    patch: Partial<Settings>,
    options: { readonly failureKey?: string; readonly quiet?: boolean } = {}
  ): Promise<boolean> {
    const change = ++latestChange
    settings.value = { ...settings.value, ...patch }
    try {
      confirmed = await lab.invoke('settings:set', patch)
      if (change === latestChange) settings.value = confirmed
      return true
    } catch (error) {
      if (change === latestChange) settings.value = confirmed
      if (!options.quiet)
        notices.report(options.failureKey ?? 'app.notices.saveSettingsFailed', error)
      return false
    }
  }

  // Another window (or browser tab) changed them: follow along.
  const stopListening = lab.on('settings:changed', (changed) => {
    confirmed = changed
    settings.value = changed
  })
  onScopeDispose(stopListening)

  return { settings, loaded, load, update }
})
