import { computed, ref, shallowRef } from 'vue'
import { defineStore } from 'pinia'
import type { LabOutput } from '@shared/api'
import {
  DEFAULT_LIST_PAGE,
  type ExperimentItem,
  type ExperimentSort
} from '@shared/experiment-schemas'
import type { Locale } from '@shared/i18n/locales'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { downloadReport } from '@renderer/library/download-report'
import { printReport } from '@renderer/library/print-report'
import { shellBridge } from '@renderer/library/shell-bridge'
import { downloadBlob } from '@renderer/workbench/download-blob'
import { useExperimentSaveStore } from './experiment-save'

export type LibraryState = 'idle' | 'loading' | 'ready' | 'failed'

/** What the user did that can fail, named in the message that says so. */
export type LibraryAction =
  | 'open'
  | 'rename'
  | 'annotate'
  | 'duplicate'
  | 'delete'
  | 'restore'
  | 'import'
  | 'exportFile'
  | 'exportReport'
  | 'printReport'

/** The last thing the Library has to tell: done, failed, or deleted with an undo offered. */
export type LibraryMessage =
  | { readonly kind: 'done'; readonly key: string; readonly params: Record<string, string> }
  | { readonly kind: 'failed'; readonly action: LibraryAction; readonly reason: FailureReason }
  | {
      readonly kind: 'deleted'
      readonly id: number
      readonly name: string
      readonly restorableUntil: number
    }

/** How long a search waits for the next key before asking the library. */
const SEARCH_PAUSE_MS = 200

/**
 * The Library view's experiments: one page of the list as the library
 * answers it for the search, tags, sort and order chosen, and every action
 * on an experiment. Only this store (and experiment-save for saving) calls
 * the experiment channels; a failure becomes a message and loses nothing.
 */
export const useLibraryStore = defineStore('library', () => {
  const lab = useLab()
  const saves = useExperimentSaveStore()
  const search = ref('')
  const tags = ref<string[]>([])
  const sort = ref<ExperimentSort>('updated')
  /** Null: the library's default order for the sort (A to Z, newest, best first). */
  const order = ref<'asc' | 'desc' | null>(null)
  const offset = ref(0)
  const limit = ref(DEFAULT_LIST_PAGE)
  const page = shallowRef<LabOutput<'experiment:list'> | null>(null)
  const state = ref<LibraryState>('idle')
  const failure = shallowRef<FailureReason | null>(null)
  const message = shallowRef<LibraryMessage | null>(null)
  /** The action under way, with the experiment it acts on (0 for import). */
  const busy = shallowRef<{ action: LibraryAction; id: number } | null>(null)
  let generation = 0
  let searchTimer: ReturnType<typeof setTimeout> | undefined

  const items = computed<readonly ExperimentItem[]>(() => page.value?.items ?? [])
  const total = computed(() => page.value?.total ?? 0)
  const allTags = computed(() => page.value?.tags ?? [])
  const filtered = computed(() => search.value.trim() !== '' || tags.value.length > 0)
  /** Nothing saved at all (not merely nothing matching). */
  const empty = computed(() => state.value === 'ready' && total.value === 0 && !filtered.value)

  async function load(): Promise<void> {
    const mine = ++generation
    if (!page.value) state.value = 'loading'
    try {
      const answer = await lab.invoke('experiment:list', {
        ...(search.value.trim() ? { search: search.value.trim() } : {}),
        ...(tags.value.length > 0 ? { tags: [...tags.value] } : {}),
        sort: sort.value,
        ...(order.value ? { order: order.value } : {}),
        offset: offset.value,
        limit: limit.value
      })
      if (mine !== generation) return
      // A delete can leave a page past the end: show the last one there is.
      if (answer.items.length === 0 && answer.total > 0 && offset.value > 0) {
        offset.value = Math.max(0, Math.floor((answer.total - 1) / limit.value) * limit.value)
        return load()
      }
      page.value = answer
      failure.value = null
      state.value = 'ready'
    } catch (error) {
      if (mine !== generation) return
      failure.value = describeFailure(error)
      state.value = 'failed'
    }
  }

  function setSearch(text: string): void {
    search.value = text
    clearTimeout(searchTimer)
    searchTimer = setTimeout(() => {
      offset.value = 0
      void load()
    }, SEARCH_PAUSE_MS)
  }

  function toggleTag(tag: string): void {
    tags.value = tags.value.includes(tag)
      ? tags.value.filter((t) => t !== tag)
      : [...tags.value, tag]
    offset.value = 0
    void load()
  }

  function clearFilters(): void {
    search.value = ''
    tags.value = []
    offset.value = 0
    void load()
  }

  function setSort(next: ExperimentSort, nextOrder: 'asc' | 'desc' | null = null): void {
    sort.value = next
    order.value = nextOrder
    offset.value = 0
    void load()
  }

  function toPage(direction: 1 | -1): void {
    const next = offset.value + direction * limit.value
    if (next < 0 || next >= total.value) return
    offset.value = next
    void load()
  }

  /** Run an action, saying when it failed; the list is read again after one that changed it. */
  async function act<T>(
    action: LibraryAction,
    id: number,
    work: () => Promise<T>,
    reload = true
  ): Promise<T | undefined> {
    busy.value = { action, id }
    try {
      const result = await work()
      if (reload) await load()
      return result
    } catch (error) {
      message.value = { kind: 'failed', action, reason: describeFailure(error) }
      return undefined
    } finally {
      busy.value = null
    }
  }

  async function rename(id: number, name: string): Promise<boolean> {
    const item = await act('rename', id, () => lab.invoke('experiment:rename', { id, name }))
    if (item)
      message.value = { kind: 'done', key: 'library.notice.renamed', params: { name: item.name } }
    return item !== undefined
  }

  /** The whole notes (a list item holds only their start), for editing them. */
  async function notesOf(id: number): Promise<string | undefined> {
    const detail = await act(
      'annotate',
      id,
      () => lab.invoke('experiment:get', { id, scenario: false }),
      false
    )
    return detail?.notes
  }

  async function annotate(id: number, notes: string, tags: string[]): Promise<boolean> {
    const item = await act('annotate', id, () =>
      lab.invoke('experiment:annotate', { id, notes, tags })
    )
    if (item)
      message.value = { kind: 'done', key: 'library.notice.annotated', params: { name: item.name } }
    return item !== undefined
  }

  async function duplicate(id: number): Promise<void> {
    const item = await act('duplicate', id, () => lab.invoke('experiment:duplicate', { id }))
    if (item)
      message.value = {
        kind: 'done',
        key: 'library.notice.duplicated',
        params: { name: item.name }
      }
  }

  async function remove(item: ExperimentItem): Promise<void> {
    const deleted = await act('delete', item.id, () =>
      lab.invoke('experiment:delete', { id: item.id })
    )
    if (!deleted) return
    saves.forget(item.id)
    message.value = {
      kind: 'deleted',
      id: item.id,
      name: item.name,
      restorableUntil: deleted.restorableUntil
    }
  }

  async function undoDelete(): Promise<void> {
    const shown = message.value
    if (shown?.kind !== 'deleted') return
    const item = await act('restore', shown.id, () =>
      lab.invoke('experiment:restore', { id: shown.id })
    )
    if (item)
      message.value = { kind: 'done', key: 'library.notice.restored', params: { name: item.name } }
  }

  async function importText(text: string): Promise<void> {
    const item = await act('import', 0, () => lab.invoke('experiment:import-file', { text }))
    if (item)
      message.value = { kind: 'done', key: 'library.notice.imported', params: { name: item.name } }
  }

  async function importFile(file: File): Promise<void> {
    busy.value = { action: 'import', id: 0 }
    let text: string
    try {
      text = await file.text()
    } catch (error) {
      busy.value = null
      message.value = { kind: 'failed', action: 'import', reason: describeFailure(error) }
      return
    }
    await importText(text)
  }

  /** Electron's open dialog when the shell offers one; null means the window should use its own picker. */
  async function importThroughShell(): Promise<boolean> {
    const shell = shellBridge()
    if (!shell) return false
    const picked = await act('import', 0, () => shell.openExperimentFile(), false)
    if (picked) await importText(picked.text)
    return true
  }

  async function exportFile(id: number): Promise<void> {
    const file = await act(
      'exportFile',
      id,
      () => lab.invoke('experiment:export-file', { id }),
      false
    )
    if (!file) return
    downloadBlob(new Blob([file.text], { type: 'application/json' }), file.fileName)
    message.value = {
      kind: 'done',
      key: 'library.notice.exported',
      params: { file: file.fileName }
    }
  }

  async function exportReport(id: number, locale: Locale): Promise<void> {
    const report = await act(
      'exportReport',
      id,
      () => lab.invoke('report:html', { id, locale }),
      false
    )
    if (!report) return
    downloadReport(report)
    message.value = {
      kind: 'done',
      key: 'library.notice.exported',
      params: { file: report.fileName }
    }
  }

  /** Print (the browser) or save as PDF (Electron's printToPDF) the experiment's report. */
  async function printExperimentReport(
    id: number,
    locale: Locale,
    frameTitle: string
  ): Promise<void> {
    await act(
      'printReport',
      id,
      async () => {
        const report = await lab.invoke('report:html', { id, locale })
        const shell = shellBridge()
        if (shell)
          await shell.saveReportPdf(report.html, report.fileName.replace(/\.html$/, '.pdf'))
        else await printReport(report.html, frameTitle)
      },
      false
    )
  }

  /** Hold the experiment's saved runs in the service again; the view then opens the run in Replay. */
  async function open(id: number): Promise<LabOutput<'experiment:open'> | undefined> {
    const opened = await act('open', id, () => lab.invoke('experiment:open', { id }), false)
    if (opened) saves.remember(opened)
    return opened
  }

  function dismissMessage(): void {
    message.value = null
  }

  return {
    search,
    tags,
    sort,
    order,
    offset,
    limit,
    page,
    state,
    failure,
    message,
    busy,
    items,
    total,
    allTags,
    filtered,
    empty,
    load,
    setSearch,
    toggleTag,
    clearFilters,
    setSort,
    toPage,
    rename,
    notesOf,
    annotate,
    duplicate,
    remove,
    undoDelete,
    importFile,
    importThroughShell,
    exportFile,
    exportReport,
    printExperimentReport,
    open,
    dismissMessage
  }
})
