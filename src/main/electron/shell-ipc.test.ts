import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { SHELL_CHANNELS } from '@shared/shell-bridge'
import type { IpcInvokeEvent, IpcMainLike } from './lab-ipc'
import { registerShellCalls, type ShellDeps } from './shell-ipc'

type Handler = (event: IpcInvokeEvent, input: unknown) => unknown

const folders: string[] = []
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true })
})

function shell(overrides: Partial<ShellDeps> = {}) {
  const handlers = new Map<string, Handler>()
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => handlers.set(channel, listener),
    removeHandler: (channel) => handlers.delete(channel)
  }
  const folder = mkdtempSync(join(tmpdir(), 'alloclab-shell-'))
  folders.push(folder)
  const printed: string[] = []
  const deps: ShellDeps = {
    isTrusted: () => true,
    showSaveDialog: async () => ({ canceled: false, filePath: join(folder, 'out.pdf') }),
    showOpenDialog: async () => ({
      canceled: false,
      filePaths: [join(folder, 'in.alloclab.json')]
    }),
    printToPdf: async (html) => {
      printed.push(html)
      return new TextEncoder().encode('%PDF-1.7')
    },
    ...overrides
  }
  const unregister = registerShellCalls(ipcMain, deps)
  const event = {} as IpcInvokeEvent
  const call = (channel: string, input?: unknown) => handlers.get(channel)!(event, input)
  return { handlers, folder, printed, call, unregister }
}

describe('the shell calls', () => {
  it('print the report to the PDF file the user chose', async () => {
    const { call, folder, printed } = shell()
    const saved = await call(SHELL_CHANNELS.saveReportPdf, {
      html: '<h1>r</h1>',
      fileName: 'r.pdf'
    })
    expect(saved).toBe(true)
    expect(printed).toEqual(['<h1>r</h1>'])
    expect(readFileSync(join(folder, 'out.pdf'), 'utf8')).toBe('%PDF-1.7')
  })

  it('write nothing when the user cancels, and refuse a window that is not ours', async () => {
    const cancelled = shell({ showSaveDialog: async () => ({ canceled: true }) })
    expect(
      await cancelled.call(SHELL_CHANNELS.saveReportPdf, { html: 'x', fileName: 'r.pdf' })
    ).toBe(false)
    expect(cancelled.printed).toEqual([])
    const stranger = shell({ isTrusted: () => false })
    expect(
      await stranger.call(SHELL_CHANNELS.saveReportPdf, { html: 'x', fileName: 'r.pdf' })
    ).toBe(false)
    expect(await stranger.call(SHELL_CHANNELS.openExperimentFile)).toBeNull()
    expect(stranger.printed).toEqual([])
  })

  it('refuse input that is not a report and a file name', async () => {
    const { call } = shell()
    await expect(call(SHELL_CHANNELS.saveReportPdf, { html: 1 })).rejects.toThrow()
  })

  it('read the experiment file the user opened, and unregister both calls', async () => {
    const { call, folder, handlers, unregister } = shell()
    writeFileSync(join(folder, 'in.alloclab.json'), '{"format":"alloclab-experiment"}')
    expect(await call(SHELL_CHANNELS.openExperimentFile)).toEqual({
      fileName: 'in.alloclab.json',
      text: '{"format":"alloclab-experiment"}'
    })
    unregister()
    expect(handlers.size).toBe(0)
  })
})
