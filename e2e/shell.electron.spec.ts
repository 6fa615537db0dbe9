import { existsSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { _electron as electron, expect, test } from '@playwright/test'
import { electronNativeAddon, findElectron } from './electron-binary'
import { switchLanguageAndReload } from './shell-flow'

test('the Electron window switches to Chinese and keeps it after a restart', async () => {
  const binary = findElectron()
  if ('missing' in binary) {
    console.log(`[electron] skipped: ${binary.missing}. The same flow ran in the browser project.`)
    test.skip(true, binary.missing)
    return
  }
  if (!existsSync(electronNativeAddon)) {
    const why = 'better-sqlite3 has not been built for Electron yet; run `npm start` once'
    console.log(`[electron] skipped: ${why}.`)
    test.skip(true, why)
    return
  }
  const db = join(mkdtempSync(join(tmpdir(), 'alloclab-electron-')), 'alloclab.db')
  const launch = () =>
    electron.launch({
      executablePath: binary.path,
      args: [join(__dirname, '..')],
      env: { ...process.env, ALLOCLAB_DB: db, ALLOCLAB_NATIVE_BINDING: electronNativeAddon }
    })
  let app = await launch()
  let page = await app.firstWindow()
  await switchLanguageAndReload(page, 'electron', async () => {
    await app.close()
    app = await launch()
    page = await app.firstWindow()
    return page
  })
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN')
  await app.close()
})
