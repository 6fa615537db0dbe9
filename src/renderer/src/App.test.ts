// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { LabError } from '@shared/api'
import type { DatabaseNotice } from '@shared/database-notice'
import { FakeLabBridge, SAMPLE_APP_INFO } from '@renderer/test-support/fake-lab-bridge'
import { mountRenderer, type MountedRenderer } from '@renderer/test-support/mount-renderer'
import { SECTION_NAMES } from '@renderer/router/sections'

let mounted: MountedRenderer | undefined

async function start(bridge = new FakeLabBridge(), path?: string): Promise<MountedRenderer> {
  mounted = await mountRenderer(bridge, path)
  return mounted
}

afterEach(() => {
  mounted?.unmount()
  mounted = undefined
})

describe('the app shell', () => {
  it('lists the six sections in the navigation rail, in order', async () => {
    const { root } = await start()

    const links = root.findAll('nav a')

    expect(links.map((link) => link.attributes('data-testid'))).toEqual(
      SECTION_NAMES.map((name) => `nav-${name}`)
    )
    expect(links.map((link) => link.text())).toEqual([
      'Library',
      'Workbench',
      'Replay',
      'Compare',
      'Lessons',
      'Settings'
    ])
  })

  it('marks only the current section as the current page', async () => {
    const { root } = await start(new FakeLabBridge(), '/replay')

    const current = root.findAll('nav a[aria-current="page"]')

    expect(current.map((link) => link.attributes('data-testid'))).toEqual(['nav-replay'])
  })

  it('opens each section from the rail with its own heading and window title', async () => {
    const { root } = await start()

    for (const name of SECTION_NAMES) {
      await root.get(`[data-testid="nav-${name}"]`).trigger('click')
      await flushPromises()

      const view = root.get(`[data-testid="view-${name}"]`)
      expect(view.get('h1').text()).toBe(root.get(`[data-testid="nav-${name}"]`).text())
      expect(document.title).toBe(`${view.get('h1').text()} · AllocLab`)
    }
  })

  it('shows an empty state, not made-up content, in the sections still to come', async () => {
    const { root } = await start(new FakeLabBridge(), '/lessons')

    const view = root.get('[data-testid="view-lessons"]')

    expect(view.get('h2').text()).toBe('Lessons are being written')
    expect(view.text()).toContain('Each lesson pairs a short explanation')
  })

  it('sends an unknown address to the library', async () => {
    const { root } = await start(new FakeLabBridge(), '/no-such-place')

    expect(root.find('[data-testid="view-library"]').exists()).toBe(true)
  })

  it('has banner, navigation and main landmarks and a skip link that focuses the main content', async () => {
    const { root } = await start()

    expect(root.find('header').exists()).toBe(true)
    expect(root.get('nav').attributes('aria-label')).toBe('Sections')
    const main = root.get('main')
    await root.get('[data-testid="skip-link"]').trigger('click')

    expect(document.activeElement).toBe(main.element)
  })
})

describe('the database notice', () => {
  const damaged: DatabaseNotice = {
    kind: 'damaged',
    fallback: 'fresh',
    path: '/data/alloclab.db',
    folder: '/data',
    movedTo: '/data/alloclab.db.damaged-2025',
    failure: null,
    detail: 'file is not a database'
  }

  async function showing(notice: DatabaseNotice, language?: 'zh-CN') {
    const bridge = new FakeLabBridge()
    bridge.info = { ...SAMPLE_APP_INFO, databaseNotice: notice }
    if (language) bridge.settings = { ...bridge.settings, language }
    const { root } = await start(bridge)
    return { root, notice: root.get('[data-testid="database-notice"]') }
  }

  it('tells the user where a damaged database was moved, until dismissed', async () => {
    const { root, notice } = await showing(damaged)

    expect(notice.get('h2').text()).toContain('damaged')
    expect(notice.text()).toContain('/data/alloclab.db.damaged-2025')
    expect(notice.text()).toContain('everything works and is saved as usual')
    expect(notice.text()).toContain('file is not a database')

    await root.get('[data-testid="database-notice-dismiss"]').trigger('click')
    expect(root.find('[data-testid="database-notice"]').exists()).toBe(false)
  })

  it('explains a database from a newer version differently', async () => {
    const { notice } = await showing({ ...damaged, kind: 'newer', movedTo: '/data/old.db' })

    expect(notice.get('h2').text()).toContain('newer version')
    expect(notice.text()).toContain('open it with the newer version')
  })

  it('says why a read-only database cannot save, what still works and how to fix it', async () => {
    const { notice } = await showing({
      ...damaged,
      kind: 'read-only-file',
      fallback: 'read-only',
      movedTo: null,
      detail: 'EPERM: operation not permitted'
    })

    expect(notice.get('h2').text()).toBe('Your database file cannot be written')
    expect(notice.text()).toContain('The file /data/alloclab.db is read-only')
    expect(notice.text()).toContain('You can still run and replay experiments')
    expect(notice.text()).toContain('cannot be saved this session')
    expect(notice.text()).toContain('make /data/alloclab.db writable')
  })

  it('explains a damaged file that could not be moved, and the temporary database', async () => {
    const { notice } = await showing({
      ...damaged,
      fallback: 'in-memory',
      movedTo: null,
      failure: 'permission-denied'
    })

    expect(notice.text()).toContain('tried to move it aside')
    expect(notice.text()).toContain('The folder /data does not allow changes (permission denied)')
    expect(notice.text()).toContain('temporary database')
    expect(notice.text()).not.toContain('EACCES')
  })

  it('says plainly that a folder is in the way, in Chinese too', async () => {
    const { notice } = await showing(
      { ...damaged, kind: 'path-is-folder', fallback: 'in-memory', movedTo: null, detail: '' },
      'zh-CN'
    )

    expect(notice.get('h2').text()).toBe('数据库的位置上是一个文件夹')
    expect(notice.text()).toContain('/data/alloclab.db 是一个文件夹')
    expect(notice.text()).toContain('临时数据库')
    expect(notice.find('details').exists()).toBe(false)
  })

  it('stays away when the database opened normally', async () => {
    const { root } = await start()

    expect(root.find('[data-testid="database-notice"]').exists()).toBe(false)
  })
})

describe('failure notices', () => {
  it('shows a failed call in the live region with its reason, until dismissed', async () => {
    const bridge = new FakeLabBridge()
    bridge.failChannel(
      'settings:get',
      new LabError('internal', 'service.internal', { detail: 'database is locked' })
    )
    const { root } = await start(bridge)

    const region = root.get('[data-testid="app-notices"]')
    expect(region.attributes('aria-live')).toBe('assertive')
    const notice = region.get('[data-testid="app-notice"]')
    expect(notice.text()).toContain('Could not load your settings')
    expect(notice.text()).toContain('database is locked')

    await notice.get('button').trigger('click')
    expect(region.find('[data-testid="app-notice"]').exists()).toBe(false)
  })
})
