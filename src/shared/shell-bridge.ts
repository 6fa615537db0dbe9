/**
 * What the Electron shell offers the window besides LabApi: its native file
 * dialogs and printToPDF. The preload exposes it as `window.shell`; the
 * browser host has none, and the window uses its own upload, download and
 * print there.
 */
export interface ShellBridge {
  /** Ask where to save, then print the report there as PDF; false when the user cancelled. */
  saveReportPdf(html: string, fileName: string): Promise<boolean>
  /** The experiment file the user chose in the open dialog, or null when they cancelled. */
  openExperimentFile(): Promise<{ fileName: string; text: string } | null>
}

export const SHELL_CHANNELS = {
  saveReportPdf: 'shell:save-report-pdf',
  openExperimentFile: 'shell:open-experiment-file'
} as const

/** Characters of a report or an experiment file the shell accepts (as the experiment file's limit). */
export const MAX_SHELL_TEXT_CHARS = 256 * 1024 * 1024
