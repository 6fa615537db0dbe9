/**
 * A child process that saves large experiments through the library's
 * repository, one transaction each, until it is killed: the fault tests
 * SIGKILL it in the middle of a save and then look at what the database
 * kept.
 *
 *   save-loop-process.ts DATABASE MODE MEGABYTES [PAUSE]
 *
 * MODE `update` writes version 1 of one experiment, then writes versions
 * 2, 3… over it; MODE `new` saves experiment after experiment. Each save
 * holds three runs with a timeline of MEGABYTES random bytes each (random, so
 * nothing compresses and every byte is written). Before each save the child
 * prints `saving V HASH HASH HASH` (the SHA-256 of each timeline it is about
 * to write), after it `saved V`. With PAUSE, the child prints `inside V` once
 * the first timeline of version 2 is written inside the transaction, and
 * then waits there, still holding the transaction open, until it is killed.
 * Lines go out with writeSync, so the parent sees each one before the child
 * goes on.
 */
import { createHash } from 'node:crypto'
import { writeSync } from 'node:fs'
import { ENGINE_VERSION } from '../../engine/engine-version'
import { POOL_LAYOUT_VERSION } from '../../engine/frame-pool'
import { openStore } from '../../store/open-store'
import type { ExperimentContent, RunRecord } from '../experiment-records'
import { ExperimentRepository } from '../experiment-repository'
import { seededBytes } from './seeded-bytes'

const [path, mode, megabytes, pause] = process.argv.slice(2)
if (!path || (mode !== 'update' && mode !== 'new') || !megabytes) {
  throw new Error('usage: save-loop-process.ts DATABASE update|new MEGABYTES [pause]')
}
const bytes = Math.round(Number(megabytes) * 1024 * 1024)

const store = openStore(path)
const engine = { engineVersion: ENGINE_VERSION, poolLayoutVersion: POOL_LAYOUT_VERSION }
const repository = new ExperimentRepository(store.db, engine)

function say(line: string): void {
  writeSync(1, `${line}\n`)
}

function content(version: number, hold: boolean): { content: ExperimentContent; hashes: string[] } {
  const hashes: string[] = []
  const runs: RunRecord[] = [0, 1, 2].map((config) => {
    const data = seededBytes(version, config, bytes)
    hashes.push(createHash('sha256').update(data).digest('hex'))
    const record: RunRecord = {
      config,
      spec: `buddy v${version}`,
      label: `buddy:v=${version}`,
      family: 'buddy',
      status: 'done',
      summary: null,
      final: null,
      error: null,
      recordedBy: engine,
      timelineState: 'kept',
      timelineBytes: bytes,
      timeline: { format: 1, rawBytes: version, data }
    }
    if (!hold || config !== 1) return record
    // Read only after the first run and its timeline went into the transaction.
    return Object.defineProperty({ ...record }, 'timeline', {
      get() {
        say(`inside ${version}`)
        Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0)
        return record.timeline
      }
    })
  })
  return {
    content: {
      scenario: `# version ${version}\n`,
      requests: version,
      configurations: runs.map((run) => ({ spec: run.spec, label: run.label, display: null })),
      program: { format: 1, rawBytes: version, data: Buffer.from(`program ${version}`) },
      runs
    },
    hashes
  }
}

function save(version: number, id: number | undefined): number {
  const hold = pause === 'pause' && version === 2
  const { content: parts, hashes } = content(version, hold)
  say(`saving ${version} ${hashes.join(' ')}`)
  const now = Date.now()
  if (id === undefined || mode === 'new') {
    id = repository.insert({
      ...parts,
      name: `experiment ${mode === 'new' ? version : 1}`,
      notes: `version ${version}`,
      tags: [`v${version}`],
      replayState: JSON.stringify({ version }),
      createdAt: now,
      updatedAt: now
    })
  } else {
    repository.replaceContent(
      id,
      parts,
      { notes: `version ${version}`, tags: [`v${version}`] },
      now
    )
  }
  say(`saved ${version}`)
  return id
}

let id: number | undefined
for (let version = 1; ; version++) id = save(version, id)
