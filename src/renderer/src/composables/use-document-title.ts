import { watchEffect } from 'vue'
import { useRoute } from 'vue-router'
import { useI18n } from 'vue-i18n'
import { SECTIONS } from '@renderer/router/sections'

/** Names the current section in the window title, in the current language. */
export function useDocumentTitle(): void {
  const route = useRoute()
  const { t } = useI18n({ useScope: 'global' })

  watchEffect(() => {
    const section = SECTIONS.find((candidate) => candidate.name === route.name)
    document.title = section
      ? t('app.shell.documentTitle', { view: t(section.titleKey) })
      : t('app.brand.name')
  })
}
