/**
 * The Electron shell: window, menus, dialogs and IPC wiring, nothing else.
 * All behaviour lives in LabService, shared with the browser host and CLI.
 */
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { pathToFileURL } from 'node:url'
import {
  BrowserWindow,
  Menu,
  app,
  dialog,
  ipcMain,
  session,
  type MenuItemConstructorOptions
} from 'electron'
import { databaseNoticeText } from '@shared/database-notice'
import { translate } from '@shared/i18n/translate'
import { createLabService } from './service/create-lab-service'
import type { LabService } from './service/lab-service'
import { LabIpc } from './electron/lab-ipc'
import { registerShellCalls } from './electron/shell-ipc'

/**
 * better-sqlite3 built for Electron's ABI by scripts/start.cjs; the copy in
 * node_modules is for Node (tests, CLI, browser host) and must stay so.
 */
function electronNativeBinding(): string | undefined {
  const path =
    process.env['ALLOCLAB_NATIVE_BINDING'] ??
    join(app.getAppPath(), '.electron-native', 'better_sqlite3.node')
  return existsSync(path) ? path : undefined
}

/** The one app window, with every renderer security switch on. */
function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'AllocLab',
    webPreferences: {
      preload: join(__dirname, '../preload/index.js'),
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      sandbox: true,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false
    }
  })
  window.once('ready-to-show', () => window.show())
  return window
}

/** file:// URL prefix of the built renderer; IPC accepts calls only from pages under it. */
function rendererFileUrl(): string {
  return pathToFileURL(join(__dirname, '../renderer/')).href
}

/**
 * Security rules for every web contents the app ever creates: no navigation
 * away from the app, no new windows, no webviews, no permission grants.
 */
function hardenAllContents(): void {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false)
  )
  session.defaultSession.setPermissionCheckHandler(() => false)
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event) => event.preventDefault())
    contents.on('will-redirect', (event) => event.preventDefault())
    contents.on('will-attach-webview', (event) => event.preventDefault())
    contents.setWindowOpenHandler(() => ({ action: 'deny' }))
  })
}

/** The platform's standard menus (edit, view, window), nothing that loads remote content. */
function installAppMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    { role: 'viewMenu' },
    { role: 'windowMenu' }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}

/**
 * A report (src/main/reports) as PDF through Electron's own Chromium: a
 * hidden window with scripts off loads it from a temporary file (the report's
 * own CSP forbids every fetch), prints it with its print stylesheet, and is
 * destroyed. For the export action of the window; the CLI prints PDFs through
 * an installed Chromium instead (print-pdf.ts).
 */
export async function printReportToPdf(html: string): Promise<Buffer> {
  const folder = await mkdtemp(join(tmpdir(), 'alloclab-report-'))
  const window = new BrowserWindow({
    show: false,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      javascript: false,
      webSecurity: true,
      spellcheck: false
    }
  })
  try {
    const page = join(folder, 'report.html')
    await writeFile(page, html, 'utf8')
    await window.loadFile(page)
    return await window.webContents.printToPDF({
      printBackground: true,
      preferCSSPageSize: true,
      generateDocumentOutline: true
    })
  } finally {
    window.destroy()
    await rm(folder, { recursive: true, force: true })
  }
}

app.enableSandbox()
let mainWindow: BrowserWindow | undefined
let service: LabService | undefined
let ipc: LabIpc | undefined
let unregisterShell: (() => void) | undefined

if (!app.requestSingleInstanceLock()) {
  app.quit()
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return
    if (mainWindow.isMinimized()) mainWindow.restore()
    mainWindow.focus()
  })

  void app.whenReady().then(async () => {
    hardenAllContents()
    installAppMenu()
    const databasePath = process.env['ALLOCLAB_DB'] ?? join(app.getPath('userData'), 'alloclab.db')
    const nativeBinding = electronNativeBinding()
    service = createLabService('electron', databasePath, nativeBinding ? { nativeBinding } : {})
    ipc = new LabIpc(ipcMain, service, rendererFileUrl())
    ipc.register()
    const lab = ipc
    unregisterShell = registerShellCalls(ipcMain, {
      isTrusted: (event) => lab.isTrustedSender(event),
      showSaveDialog: (options) =>
        mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options),
      showOpenDialog: (options) =>
        mainWindow ? dialog.showOpenDialog(mainWindow, options) : dialog.showOpenDialog(options),
      printToPdf: printReportToPdf
    })

    mainWindow = createMainWindow()
    ipc.trust(mainWindow.webContents)
    await mainWindow.loadFile(join(__dirname, '../renderer/index.html'))

    const notice = (await service.call('app:info', {})).databaseNotice
    if (notice) {
      const { language } = await service.call('settings:get', {})
      const { title, lines } = databaseNoticeText(notice, (key, params) =>
        translate(language, key, params)
      )
      void dialog.showMessageBox(mainWindow, {
        type: 'warning',
        message: title,
        detail: lines.join('\n\n')
      })
    }
  })

  app.on('window-all-closed', () => {
    unregisterShell?.()
    ipc?.dispose()
    service?.close()
    app.quit()
  })
}
