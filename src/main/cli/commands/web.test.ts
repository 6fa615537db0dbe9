import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { scenarioCliHarness } from './scenario-cli-harness'
import { webCommand } from './web'

describe('alloclab web, before it starts anything', () => {
  const cli = scenarioCliHarness([webCommand])
  beforeEach(() => {
    mkdirSync(join(cli.folder, 'renderer'), { recursive: true })
    writeFileSync(join(cli.folder, 'renderer', 'index.html'), '<!doctype html>')
    vi.stubEnv('ALLOCLAB_RENDERER_DIR', join(cli.folder, 'renderer'))
  })
  afterEach(() => {
    vi.unstubAllEnvs()
  })

  // A folder or unwritable file at --db is explained by the store at start (see
  // e2e/database-folder-notice and database-read-only); only usage errors stop here.
  it('refuses a bad port in the chosen language', async () => {
    expect((await cli.run(['web', '--port', '-1', '--lang', 'zh-CN'])).stderr).toBe(
      'alloclab web："-1" 不是有效的端口号（0 到 65535）。\n'
    )
  })
})
