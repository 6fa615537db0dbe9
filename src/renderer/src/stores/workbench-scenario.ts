import { computed, markRaw, onScopeDispose, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import { openSearchPanel } from '@codemirror/search'
import type { DraftScenario } from '@shared/draft-schemas'
import type { Diagnostic, GeneratorKind, GeneratorOptions } from '@shared/scenario'
import { useGlobalI18n } from '@renderer/i18n/use-global-i18n'
import { ScenarioDocument, type InsertPlace } from '@renderer/scenario-editor/scenario-document'
import { diagnosticRange } from '@renderer/scenario-editor/scenario-diagnostics'
import { scenarioExtensions } from '@renderer/scenario-editor/scenario-extensions'
import type { AnalysisReport, JobResults, SourceInfo } from '@renderer/scenario-worker/protocol'
import {
  ScenarioWorkerClient,
  WorkerJobError
} from '@renderer/scenario-worker/scenario-worker-client'
import { useScenarioWorkerPort } from '@renderer/scenario-worker/use-scenario-worker'
import { useLab } from '@renderer/lab/use-lab'
import { downloadBlob, scenarioFileName } from '@renderer/workbench/download-blob'
import type { ImportDialogFormat } from '@renderer/workbench/import-dialog-formats'
import type { ScenarioTemplate } from '@renderer/workbench/templates'
import type { WorkbenchMessage } from '@renderer/workbench/workbench-message'

function reasonOf(error: unknown): { key: string; params: Record<string, string | number> } {
  if (error instanceof WorkerJobError) {
    return { key: error.failure.messageKey, params: { ...error.failure.params } }
  }
  return { key: 'service.internal', params: { detail: String(error) } }
}

/**
 * The scenario being written: its document (CodeMirror state, mirrored to
 * the scenario worker), the newest analysis, and every action on the text as
 * a whole: new, examples, open, save, format, generate, import, and what a
 * run or a draft needs of it.
 */
export const useScenarioStore = defineStore('workbenchScenario', () => {
  const { t } = useGlobalI18n()
  const worker = markRaw(new ScenarioWorkerClient(useScenarioWorkerPort()))
  const lab = useLab()
  let runShortcut: () => void = () => undefined

  const document = markRaw(
    new ScenarioDocument(
      worker,
      scenarioExtensions({
        translate: () => t,
        run: () => runShortcut(),
        format: () => void format(),
        namesAbove: (lineStart) => worker.request({ kind: 'names', offset: lineStart })
      })
    )
  )

  const version = ref(document.version)
  const report = shallowRef<AnalysisReport | null>(null)
  const length = ref(0)
  const lineCount = ref(1)
  const cursor = ref({ line: 1, column: 1 })
  const fileName = ref<string | null>(null)
  const loading = ref<{ loaded: number; total: number } | null>(null)
  const message = ref<WorkbenchMessage | null>(null)
  const workerFailure = ref<string | null>(worker.failed)

  const analysing = computed(() => report.value?.version !== version.value)
  const isEmpty = computed(() => length.value === 0 && loading.value === null)
  const errorCount = computed(() => report.value?.errorCount ?? 0)
  const warningCount = computed(() => report.value?.warningCount ?? 0)
  /** The newest analysis, only when it describes the text as it is now. */
  const current = computed(() => (analysing.value ? null : report.value))

  const stopUpdates = document.onUpdate(() => {
    const state = document.state
    version.value = document.version
    length.value = state.doc.length
    lineCount.value = state.doc.lines
    const head = state.selection.main.head
    const line = state.doc.lineAt(head)
    cursor.value = { line: line.number, column: head - line.from + 1 }
  })
  const stopAnalysis = worker.onAnalysis((next) => {
    // An analysis of an older version than one already shown adds nothing.
    if (report.value === null || next.version >= report.value.version) report.value = next
  })
  const stopFailure = worker.onFailure((detail) => (workerFailure.value = detail))
  onScopeDispose(() => {
    stopUpdates()
    stopAnalysis()
    stopFailure()
    document.detach()
    worker.dispose()
  })

  function onRunShortcut(handler: () => void): void {
    runShortcut = handler
  }

  function say(next: WorkbenchMessage | null): void {
    message.value = next
  }

  function newScenario(): void {
    document.replaceAll('')
    fileName.value = null
    say(null)
  }

  function useTemplate(template: ScenarioTemplate): void {
    document.replaceAll(template.text(t))
    fileName.value = null
    say(null)
  }

  async function adopt(
    info: SourceInfo,
    place: InsertPlace,
    options: { undoable?: boolean } = {}
  ): Promise<void> {
    if (info.text === null) loading.value = { loaded: 0, total: info.length }
    try {
      await document.adopt(info, place, {
        ...options,
        onProgress: (loaded, total) => (loading.value = { loaded, total })
      })
    } finally {
      loading.value = null
    }
  }

  async function openFile(file: File): Promise<boolean> {
    try {
      const info = await worker.request({ kind: 'read', file })
      await adopt(info, 'replace')
      fileName.value = file.name
      say(null)
      return true
    } catch (error) {
      say({
        key: 'workbench.editor.openFailed',
        params: { file: file.name },
        reason: reasonOf(error),
        tone: 'error'
      })
      return false
    }
  }

  async function saveFile(): Promise<void> {
    try {
      const { blob } = await worker.request({ kind: 'blob' })
      const name = fileName.value ?? scenarioFileName(report.value?.name ?? '')
      downloadBlob(blob, name)
      fileName.value = name
      say({ key: 'workbench.editor.saved', params: { file: name }, tone: 'info' })
    } catch (error) {
      say({ key: 'service.internal', params: { detail: reasonOf(error).key }, tone: 'error' })
    }
  }

  async function format(): Promise<void> {
    try {
      const info = await worker.request({ kind: 'format' })
      if (info === null) {
        say({ key: 'workbench.editor.alreadyFormatted', params: {}, tone: 'info' })
        return
      }
      if (info.text !== null) {
        document.replaceDifference(info.text)
        worker.release(info.source)
      } else {
        await adopt(info, 'replace')
      }
      say({ key: 'workbench.editor.formatted', params: {}, tone: 'info' })
    } catch (error) {
      if (error instanceof WorkerJobError && error.failure.superseded) return
      say({ key: 'service.internal', params: { detail: reasonOf(error).key }, tone: 'error' })
    }
  }

  function generate(
    kind: GeneratorKind,
    options: GeneratorOptions
  ): Promise<JobResults['generate']> {
    return worker.request({ kind: 'generate', generator: kind, options })
  }

  function importInput(
    format: ImportDialogFormat,
    input: string | Blob,
    name?: string
  ): Promise<JobResults['import']> {
    if (format === 'ostep') return importMallocPy(input)
    return worker.request({ kind: 'import', format, input, ...(name ? { name } : {}) })
  }

  /**
   * A malloc.py command line is followed by the engine in the service (its
   * random workload depends on what the heap answers), so the service writes
   * the scenario and the worker only holds it, like any other source.
   */
  async function importMallocPy(input: string | Blob): Promise<JobResults['import']> {
    const commandLine = (typeof input === 'string' ? input : await input.text()).trim()
    const imported = await lab.invoke('ostep:import', { commandLine })
    const info = await worker.request({ kind: 'read', file: new Blob([imported.scenario]) })
    return { ...info, problems: [], problemCount: 0, allocators: [imported.spec] }
  }

  function release(source: number): void {
    worker.release(source)
  }

  /** The whole text, for a run; it comes from the worker's copy, not the editor's. */
  async function text(): Promise<string> {
    return (await worker.request({ kind: 'text' })).text
  }

  /** A LabApi call's JSON body with the scenario in it, made by the worker (see encoded-body.ts). */
  function encodeCall(
    channel: 'run:start' | 'draft:save',
    input: Record<string, unknown>,
    scenarioAs: 'text' | 'draft'
  ): Promise<JobResults['encode']> {
    return worker.request({ kind: 'encode', channel, input, scenarioAs })
  }

  function draftScenario(): Promise<JobResults['draft']> {
    return worker.request({ kind: 'draft' })
  }

  /** Put a saved draft back as the text, without an undo step to an empty editor. */
  async function restore(scenario: DraftScenario, restoredFileName: string | null): Promise<void> {
    const info = await worker.request({ kind: 'restore', scenario })
    await adopt(info, 'replace', { undoable: false })
    fileName.value = restoredFileName
  }

  function openSearch(): void {
    const view = document.editorView
    if (view) openSearchPanel(view)
  }

  function jumpTo(line: number, column: number): void {
    document.jumpTo(line, column)
  }

  /** Apply a quick fix from the problems panel; only while the analysis matches the text. */
  function applyFix(diagnostic: Diagnostic, replacement: string): void {
    if (current.value === null) return
    const { from, to } = diagnosticRange(document.state.doc, diagnostic)
    document.dispatch({
      changes: { from, to, insert: replacement },
      selection: { anchor: from + replacement.length },
      userEvent: 'input.complete'
    })
    document.editorView?.focus()
  }

  return {
    document,
    version,
    report,
    current,
    length,
    lineCount,
    cursor,
    fileName,
    loading,
    message,
    workerFailure,
    analysing,
    isEmpty,
    errorCount,
    warningCount,
    onRunShortcut,
    say,
    newScenario,
    useTemplate,
    adopt,
    openFile,
    saveFile,
    format,
    generate,
    importInput,
    release,
    text,
    draftScenario,
    encodeCall,
    restore,
    jumpTo,
    openSearch,
    applyFix
  }
})
