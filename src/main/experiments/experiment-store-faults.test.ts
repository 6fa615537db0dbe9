import { spawn } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import BetterSqlite3 from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import type { LabService } from '../service/lab-service'
import { LATEST_SCHEMA_VERSION } from '../store/migrations'
import { openStore, type OpenStoreOptions } from '../store/open-store'
import { probeWriteProtection } from '../store/testing/write-protection'
import { PAGES_SCENARIO, finishedRun, libraryService, refusal } from './testing/library-service'

const writeProtection = probeWriteProtection()
const protection = writeProtection.available ? writeProtection.protection : undefined
const how = protection
  ? ` (${protection.how})`
  : ` (skipped: ${writeProtection.available ? '' : writeProtection.reason})`

const services: LabService[] = []
afterEach(() => {
  for (const lab of services.splice(0)) lab.close()
  protection?.releaseAll()
})

function service(path: string, options: OpenStoreOptions = {}): LabService {
  const lab = libraryService(openStore(path, options))
  services.push(lab)
  return lab
}

/** A database at a new path holding one saved experiment (timelines kept); closed again. */
async function libraryWithOneExperiment(): Promise<{ path: string; id: number }> {
  const path = join(mkdtempSync(join(tmpdir(), 'alloclab-library-')), 'alloclab.db')
  const lab = libraryService(openStore(path))
  const runId = await finishedRun(lab, PAGES_SCENARIO, ['buddy', 'first-fit:arena=256KiB'])
  const { id } = await lab.call('experiment:save', {
    runId,
    name: 'kept safe',
    tags: ['lab'],
    replayState: { step: 1 }
  })
  lab.close()
  return { path, id }
}

/** Each file in the folder with its hash: what "nothing was touched" compares. */
function folderSnapshot(dir: string): Record<string, string> {
  const entries: Record<string, string> = {}
  for (const name of readdirSync(dir)) {
    const full = join(dir, name)
    if (statSync(full).isFile())
      entries[name] = createHash('sha256').update(readFileSync(full)).digest('hex')
  }
  return entries
}

/** Every write the library offers, each of which a read-only session must refuse as read-only. */
async function expectEveryWriteRefused(lab: LabService, id: number): Promise<void> {
  const runId = await finishedRun(lab, PAGES_SCENARIO, ['buddy'])
  const exported = await lab.call('experiment:export-file', { id })
  const writes: [string, unknown][] = [
    ['experiment:save', { runId, name: 'new' }],
    ['experiment:save', { runId, id }],
    ['experiment:save', { id, replayState: { step: 9 } }],
    ['experiment:rename', { id, name: 'renamed' }],
    ['experiment:annotate', { id, notes: 'more notes' }],
    ['experiment:duplicate', { id }],
    ['experiment:delete', { id }],
    ['experiment:import-file', { text: exported.text }]
  ]
  for (const [channel, input] of writes) {
    expect(await refusal(lab, channel, input), channel).toMatchObject({
      code: 'read-only',
      key: 'app.databaseErrors.readOnly'
    })
  }
}

describe('the library on a database it may not write', () => {
  for (const what of ['file', 'folder'] as const) {
    it.skipIf(!protection)(
      `lists, opens and replays experiments from a read-only ${what}, refuses every change as read-only and changes no byte${how}`,
      async () => {
        const { path, id } = await libraryWithOneExperiment()
        const dir = dirname(path)
        const before = folderSnapshot(dir)
        protection!.protect(what === 'file' ? path : dir)
        const lab = service(path)
        expect((await lab.call('app:info', {})).databaseNotice).toMatchObject({
          fallback: 'read-only'
        })
        const listed = await lab.call('experiment:list', {})
        expect(listed.items.map((item) => item.name)).toEqual(['kept safe'])
        const opened = await lab.call('experiment:open', { id })
        expect(opened.replayState).toEqual({ step: 1 })
        expect(
          (await lab.call('timeline:events', { runId: opened.runId, config: 1, from: 0, count: 6 }))
            .events
        ).toHaveLength(6)
        await expectEveryWriteRefused(lab, id)
        expect((await lab.call('experiment:get', { id })).name).toBe('kept safe')
        lab.close()
        protection!.releaseAll()
        expect(folderSnapshot(dir)).toEqual(before)
      }
    )
  }
})

describe('the library on a troubled database', () => {
  it('keeps a database written by a newer AllocLab aside, experiments and all', async () => {
    const { path } = await libraryWithOneExperiment()
    const raw = new BetterSqlite3(path)
    raw.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`)
    raw.close()
    const lab = service(path)
    const notice = (await lab.call('app:info', {})).databaseNotice
    expect(notice).toMatchObject({ kind: 'newer', fallback: 'fresh' })
    expect((await lab.call('experiment:list', {})).total).toBe(0)
    const kept = new BetterSqlite3(notice!.movedTo!, { readonly: true })
    const row = kept
      .prepare(
        `SELECT e.name, count(t.data) AS timelines FROM experiments e
         JOIN run_timelines t ON t.experiment_id = e.id GROUP BY e.id`
      )
      .get()
    kept.close()
    expect(row).toEqual({ name: 'kept safe', timelines: 2 })
  })

  it('keeps a damaged database aside byte for byte', async () => {
    const { path } = await libraryWithOneExperiment()
    const damaged = readFileSync(path)
    // Page 2 onward holds the schema's tables; scribbling over a b-tree page header damages it.
    damaged.fill(0x5a, 4096 + 0, 4096 + 16)
    const { writeFileSync } = await import('node:fs')
    writeFileSync(path, damaged)
    const lab = service(path)
    const notice = (await lab.call('app:info', {})).databaseNotice
    expect(notice).toMatchObject({ kind: 'damaged', fallback: 'fresh' })
    expect(readFileSync(notice!.movedTo!).equals(damaged)).toBe(true)
  })

  it('waits out another program’s lock for as long as the store allows, then says the save failed and keeps the library', async () => {
    const { path, id } = await libraryWithOneExperiment()
    const lab = service(path, { busyTimeoutMs: 200 })
    const runId = await finishedRun(lab, PAGES_SCENARIO, ['buddy'])
    const holder = await holdWriteLock(path)
    try {
      expect(await refusal(lab, 'experiment:save', { runId, name: 'while locked' })).toMatchObject({
        code: 'read-only',
        key: 'app.databaseErrors.locked'
      })
      expect(await refusal(lab, 'experiment:rename', { id, name: 'x' })).toMatchObject({
        key: 'app.databaseErrors.locked'
      })
    } finally {
      await holder.release()
    }
    const saved = await lab.call('experiment:save', { runId, name: 'after the lock' })
    const names = (await lab.call('experiment:list', { sort: 'name' })).items.map((i) => i.name)
    expect(names).toEqual(['after the lock', 'kept safe'])
    expect((await lab.call('experiment:get', { id: saved.id })).runs).toHaveLength(1)
  })
})

/** Another process that holds the database's write lock (an open write transaction) until released. */
async function holdWriteLock(path: string): Promise<{ release: () => Promise<void> }> {
  const sqlite = createRequire(__filename).resolve('better-sqlite3')
  const script = `
    const Database = require(${JSON.stringify(sqlite)})
    const db = new Database(${JSON.stringify(path)})
    db.exec('BEGIN IMMEDIATE')
    process.stdout.write('locked\\n')
    process.stdin.on('end', () => { db.exec('ROLLBACK'); db.close(); process.exit(0) })
    process.stdin.resume()
  `
  const child = spawn(process.execPath, ['-e', script], { stdio: ['pipe', 'pipe', 'inherit'] })
  await new Promise<void>((resolve, reject) => {
    child.stdout.once('data', () => resolve())
    child.once('exit', (code) => reject(new Error(`lock holder exited with ${code}`)))
  })
  return {
    release: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve())
        child.stdin.end()
      })
  }
}
