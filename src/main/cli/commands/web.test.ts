import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs'
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

  it('refuses a folder given as the database, and leaves the folder where it is', async () => {
    mkdirSync(join(cli.folder, 'Documents'))
    writeFileSync(join(cli.folder, 'Documents', 'essay.txt'), 'mine')
    expect(await cli.run(['web', '--no-open', '--db', 'Documents'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'alloclab web: cannot write "Documents": that is a folder, not a file.\n'
    })
    expect(readdirSync(join(cli.folder, 'Documents'))).toEqual(['essay.txt'])
    expect(readdirSync(cli.folder).filter((name) => name.startsWith('Documents'))).toEqual([
      'Documents'
    ])
  })

  it('refuses a database under a file, and a bad port, in the chosen language', async () => {
    writeFileSync(join(cli.folder, 'notes'), '')
    expect((await cli.run(['web', '--no-open', '--db', 'notes/lab.db'])).stderr).toBe(
      'alloclab web: cannot write "notes/lab.db": part of the path is a file, not a folder.\n'
    )
    expect(existsSync(join(cli.folder, 'notes', 'lab.db'))).toBe(false)
    expect((await cli.run(['web', '--port', '-1', '--lang', 'zh-CN'])).stderr).toBe(
      'alloclab web："-1" 不是有效的端口号（0 到 65535）。\n'
    )
  })
})
