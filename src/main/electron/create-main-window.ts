import { join } from 'node:path'
import { BrowserWindow } from 'electron'

/** The one app window, with every renderer security switch on. */
export function createMainWindow(): BrowserWindow {
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
export function rendererFileUrl(): string {
  return new URL(`file://${join(__dirname, '../renderer/')}`).href
}
