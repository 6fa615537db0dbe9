import { onBeforeUnmount, onMounted, watch, type Ref } from 'vue'
import { useI18n } from 'vue-i18n'
import { setDiagnostics } from '@codemirror/lint'
import { toEditorDiagnostics } from '@renderer/scenario-editor/scenario-diagnostics'
import {
  localizedCompartment,
  localizedExtensions
} from '@renderer/scenario-editor/scenario-extensions'
import { useScenarioStore } from '@renderer/stores/workbench-scenario'

/** Performance mark set when fresh diagnostics reach the screen (e2e reads it). */
export const DIAGNOSTICS_MARK = 'alloclab:diagnostics'

/**
 * Shows the scenario document in `host` while the component lives, with the
 * newest analysis as underlines. An analysis is applied only when it
 * describes the text as it is now; while the user types, the previous
 * underlines move with the text until a fresh one arrives.
 */
export function useScenarioEditor(host: Readonly<Ref<HTMLElement | null>>): void {
  const scenario = useScenarioStore()
  const { t, locale } = useI18n()
  const translate = (key: string, params?: Record<string, string | number>): string =>
    t(key, params ?? {})

  function showDiagnostics(): void {
    const view = scenario.document.editorView
    const report = scenario.current
    if (!view || !report) return
    view.dispatch(
      setDiagnostics(view.state, toEditorDiagnostics(view.state.doc, report.diagnostics, translate))
    )
    const detail = { version: report.version, analysisMs: report.elapsedMs }
    // The frame after the dispatch is the one that paints the new underlines.
    const nextFrame =
      typeof requestAnimationFrame === 'function' ? requestAnimationFrame : setTimeout
    nextFrame(() => performance.mark(DIAGNOSTICS_MARK, { detail }))
  }

  onMounted(() => {
    if (!host.value) return
    scenario.document.attach(host.value)
    showDiagnostics()
  })
  onBeforeUnmount(() => scenario.document.detach())

  watch(() => scenario.current, showDiagnostics)
  watch(locale, () => {
    scenario.document.dispatch({
      effects: localizedCompartment.reconfigure(localizedExtensions(translate))
    })
    showDiagnostics()
  })
}
