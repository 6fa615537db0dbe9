import { basename } from 'node:path'
import { readFile, writeFile } from 'node:fs/promises'
import { z } from 'zod'
import { EXPERIMENT_FILE_EXTENSION as EXPERIMENT_FILE_SUFFIX } from '@shared/experiment-file'
import { MAX_SHELL_TEXT_CHARS, SHELL_CHANNELS } from '@shared/shell-bridge'
import type { IpcInvokeEvent, IpcMainLike } from './lab-ipc'

/** The parts of Electron's dialog module and the PDF printer the shell's calls use. */
export interface ShellDeps {
  readonly isTrusted: (event: IpcInvokeEvent) => boolean
  readonly showSaveDialog: (options: {
    defaultPath: string
    filters: { name: string; extensions: string[] }[]
  }) => Promise<{ canceled: boolean; filePath?: string | undefined }>
  readonly showOpenDialog: (options: {
    properties: ['openFile']
    filters: { name: string; extensions: string[] }[]
  }) => Promise<{ canceled: boolean; filePaths: string[] }>
  readonly printToPdf: (html: string) => Promise<Uint8Array>
}

const SaveReportInput = z
  .object({
    html: z.string().max(MAX_SHELL_TEXT_CHARS),
    fileName: z.string().min(1).max(255)
  })
  .strict()

/**
 * The shell's own calls (shell-bridge.ts): a save dialog then printToPDF,
 * and an open dialog for experiment files. Thin on purpose: what is saved
 * or imported still goes through LabApi, and only our window may call.
 */
export function registerShellCalls(ipcMain: IpcMainLike, deps: ShellDeps): () => void {
  ipcMain.handle(SHELL_CHANNELS.saveReportPdf, async (event, input) => {
    if (!deps.isTrusted(event)) return false
    const { html, fileName } = SaveReportInput.parse(input)
    const chosen = await deps.showSaveDialog({
      defaultPath: basename(fileName),
      filters: [{ name: 'PDF', extensions: ['pdf'] }]
    })
    if (chosen.canceled || !chosen.filePath) return false
    await writeFile(chosen.filePath, await deps.printToPdf(html))
    return true
  })
  ipcMain.handle(SHELL_CHANNELS.openExperimentFile, async (event) => {
    if (!deps.isTrusted(event)) return null
    const chosen = await deps.showOpenDialog({
      properties: ['openFile'],
      // Electron's filters take one extension without dots: .alloclab.json files end in .json.
      filters: [{ name: `AllocLab (*${EXPERIMENT_FILE_SUFFIX})`, extensions: ['json'] }]
    })
    const path = chosen.filePaths[0]
    if (chosen.canceled || !path) return null
    return { fileName: basename(path), text: await readFile(path, 'utf8') }
  })
  return () => {
    ipcMain.removeHandler(SHELL_CHANNELS.saveReportPdf)
    ipcMain.removeHandler(SHELL_CHANNELS.openExperimentFile)
  }
}
