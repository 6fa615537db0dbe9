/**
 * The Electron shell: window, menus, dialogs and IPC wiring, nothing else.
 * All behaviour lives in LabService, shared with the browser host and CLI.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { app, dialog, type BrowserWindow } from 'electron'
import { translate } from '@shared/i18n/translate'
import { createLabService } from './service/create-lab-service'
import type { LabService } from './service/lab-service'
import { installAppMenu } from './electron/app-menu'
import { createMainWindow, rendererFileUrl } from './electron/create-main-window'
import { hardenAllContents } from './electron/harden-contents'
import { LabIpc } from './electron/lab-ipc'

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

app.enableSandbox()
let mainWindow: BrowserWindow | undefined
let service: LabService | undefined
let ipc: LabIpc | undefined

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
    ipc = new LabIpc(service, rendererFileUrl())
    ipc.register()

    mainWindow = createMainWindow()
    ipc.trust(mainWindow.webContents)
    await mainWindow.loadFile(join(__dirname, '../renderer/index.html'))

    const notice = (await service.call('app:info', {})).databaseNotice
    if (notice) {
      const { language } = await service.call('settings:get', {})
      void dialog.showMessageBox(mainWindow, {
        type: 'warning',
        message: translate(language, `cli.db.${notice.kind}`, { ...notice })
      })
    }
  })

  app.on('window-all-closed', () => {
    ipc?.dispose()
    service?.close()
    app.quit()
  })
}
