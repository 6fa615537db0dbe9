import { spawn, type ChildProcess } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdtempSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { describe, expect, it } from 'vitest'
import { ENGINE_VERSION } from '../engine/engine-version'
import { POOL_LAYOUT_VERSION } from '../engine/frame-pool'
import { openStore } from '../store/open-store'
import { ExperimentRepository } from './experiment-repository'

const repoRoot = resolve(__dirname, '../../..')
const MEGABYTES = 12

/** The save-loop child (testing/save-loop-process.ts), run from source through tsx. */
class Saver {
  readonly lines: string[] = []
  readonly exited: Promise<number | null>
  private readonly child: ChildProcess
  private readonly waiters: { test: (line: string) => boolean; resolve: () => void }[] = []
  private stderr = ''

  constructor(path: string, mode: 'update' | 'new', pause = false) {
    this.child = spawn(
      process.execPath,
      [
        '--require',
        createRequire(__filename).resolve('tsx/cjs'),
        resolve(__dirname, 'testing/save-loop-process.ts'),
        path,
        mode,
        String(MEGABYTES),
        ...(pause ? ['pause'] : [])
      ],
      {
        env: { ...process.env, TSX_TSCONFIG_PATH: resolve(repoRoot, 'tsconfig.node.json') },
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    this.child.stderr!.on('data', (chunk: Buffer) => (this.stderr += chunk.toString()))
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      this.lines.push(line)
      for (const waiter of [...this.waiters]) {
        if (!waiter.test(line)) continue
        this.waiters.splice(this.waiters.indexOf(waiter), 1)
        waiter.resolve()
      }
    })
    this.exited = new Promise((resolveExit) =>
      this.child.once('close', (code, signal) => resolveExit(signal === 'SIGKILL' ? null : code))
    )
  }

  /** Resolves when the child prints a line that passes `test` (or has already). */
  waitFor(test: (line: string) => boolean): Promise<void> {
    if (this.lines.some(test)) return Promise.resolve()
    return new Promise((resolveWait, reject) => {
      this.waiters.push({ test, resolve: resolveWait })
      void this.exited.then(() =>
        reject(new Error(`the saver ended first: ${this.stderr || this.lines.join('\n')}`))
      )
    })
  }

  async kill(): Promise<void> {
    this.child.kill('SIGKILL')
    expect(await this.exited, 'killed by SIGKILL').toBeNull()
  }

  /** The timeline hashes the child announced for `version`. */
  hashes(version: number): string[] {
    const line = this.lines.find((l) => l.startsWith(`saving ${version} `))
    if (!line) throw new Error(`version ${version} was never announced`)
    return line.split(' ').slice(2)
  }

  /** The last version the child began to save, and whether it said it was saved. */
  last(): { version: number; saved: boolean } {
    const started = this.lines
      .filter((l) => l.startsWith('saving '))
      .map((l) => Number(l.split(' ')[1]))
    const version = Math.max(...started)
    return { version, saved: this.lines.includes(`saved ${version}`) }
  }
}

function databasePath(): string {
  return join(mkdtempSync(join(tmpdir(), 'alloclab-kill-')), 'alloclab.db')
}

interface Found {
  readonly name: string
  readonly version: number
  readonly hashes: string[]
}

/**
 * Open the database the way the app does after a crash (SQLite rolls back
 * what was never committed), check its integrity, and read every experiment
 * whole: its words, its scenario, its runs and each run's timeline, all of
 * which must tell the same version.
 */
function whatSurvived(path: string): Found[] {
  const store = openStore(path)
  try {
    expect(store.notice).toBeNull()
    expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok')
    const repository = new ExperimentRepository(store.db, {
      engineVersion: ENGINE_VERSION,
      poolLayoutVersion: POOL_LAYOUT_VERSION
    })
    const listed = repository.list({ sort: 'created', order: 'asc', limit: 200 })
    return listed.items.map((item) => {
      const stored = repository.stored(item.id)
      const version = Number(stored.notes.replace('version ', ''))
      expect(stored.tags).toEqual([`v${version}`])
      expect(repository.scenario(item.id)).toBe(`# version ${version}\n`)
      expect(stored.runs.map((run) => run.spec)).toEqual([0, 1, 2].map(() => `buddy v${version}`))
      expect(stored.configurations.map((c) => c.label)).toEqual(
        [0, 1, 2].map(() => `buddy:v=${version}`)
      )
      expect(repository.program(item.id)?.data.toString()).toBe(`program ${version}`)
      const timelines = repository.timelines(item.id)
      expect([...timelines.keys()]).toEqual([0, 1, 2])
      const hashes = [...timelines.values()].map((blob) => {
        expect(blob.rawBytes).toBe(version)
        return createHash('sha256').update(blob.data).digest('hex')
      })
      return { name: item.name, version, hashes }
    })
  } finally {
    store.db.close()
  }
}

describe('a save killed with SIGKILL', () => {
  it('in the middle of writing over an experiment leaves the old version whole', async () => {
    const path = databasePath()
    const saver = new Saver(path, 'update', true)
    await saver.waitFor((line) => line === 'inside 2')
    // Version 2's first timeline is in the WAL, uncommitted, when the kill comes.
    expect(statSync(`${path}-wal`).size).toBeGreaterThan(MEGABYTES * 1024 * 1024)
    await saver.kill()
    expect(whatSurvived(path)).toEqual([
      { name: 'experiment 1', version: 1, hashes: saver.hashes(1) }
    ])
  })

  it('in the middle of saving a new experiment leaves no part of it', async () => {
    const path = databasePath()
    const saver = new Saver(path, 'new', true)
    await saver.waitFor((line) => line === 'inside 2')
    await saver.kill()
    expect(whatSurvived(path)).toEqual([
      { name: 'experiment 1', version: 1, hashes: saver.hashes(1) }
    ])
  })

  it.each([15, 120, 320, 800, 2000])(
    'at a moment of its choosing (%i ms after a save of 36 MB began) leaves the old or the new experiment, never half',
    async (delayMs) => {
      const path = databasePath()
      const saver = new Saver(path, 'update')
      await saver.waitFor((line) => line.startsWith('saving 2 '))
      await new Promise((wait) => setTimeout(wait, delayMs))
      await saver.kill()
      const { version, saved } = saver.last()
      const [found, ...others] = whatSurvived(path)
      expect(others).toEqual([])
      const allowed = saved ? [version] : [version - 1, version]
      expect(allowed).toContain(found!.version)
      expect(found).toEqual({
        name: 'experiment 1',
        version: found!.version,
        hashes: saver.hashes(found!.version)
      })
      expect(existsSync(path)).toBe(true)
    }
  )
})
