import { describe, expect, it } from 'vitest'
import type { LabOutput } from '@shared/api'
import { Op } from '@shared/scenario'
import { FramePool } from './frame-pool'
import { buildRunReport, eventRecord, stringifyRunReport, type TimelineEvent } from './run-report'
import { runProgram } from './runner'
import { buildProgram } from './testing/program-builder'
import { tinyFamily } from './testing/tiny-family'

const program = buildProgram(
  [
    [Op.Alloc, 'a', 10],
    [Op.Free, 'b', 0],
    [Op.CacheShrink, undefined, 0]
  ],
  { arenaBytes: 64 }
)
const values = { arena: 64, base: 100, order: 'addr', reset: true, spin: 0, 'break-at': -1 }
const cost = {
  examined: 1,
  splits: 0,
  merges: 0,
  ctorCalls: 0,
  ctorSaved: 0,
  workUnits: 0,
  copied: 0
}

/** The three requests as `timeline:events` describes them. */
const timelineEvents: TimelineEvent[] = [
  {
    step: 0,
    line: 1,
    op: 'alloc',
    handle: 'a',
    cache: null,
    size: 10,
    status: 'ok',
    reason: null,
    addr: 100,
    frame: -1,
    requested: 10,
    granted: 10,
    cost,
    structural: []
  },
  {
    step: 1,
    line: 2,
    op: 'free',
    handle: 'b',
    cache: null,
    size: 0,
    status: 'invalid',
    reason: 'handleEmpty',
    addr: -1,
    frame: -1,
    requested: 0,
    granted: 0,
    cost: { ...cost, examined: 0 },
    structural: []
  },
  {
    step: 2,
    line: 3,
    op: 'shrink',
    handle: null,
    cache: 'c0',
    size: 0,
    status: 'noop',
    reason: null,
    addr: -1,
    frame: -1,
    requested: 0,
    granted: 0,
    cost: { ...cost, examined: 0 },
    structural: []
  }
]

type ConfigSummary = LabOutput<'run:summary'>['configs'][number]

function answered(...configs: ConfigSummary[]): LabOutput<'run:summary'> {
  return { runId: 'run-0000abcd-1', title: '', requests: 3, status: 'done', configs }
}

function done(): ConfigSummary {
  const pool = FramePool.create(tinyFamily.poolBytes(values, program))
  const summary = runProgram(tinyFamily.create(pool, values, program, true), program, pool)
  return {
    config: 0,
    label: 'tiny:arena=64',
    family: 'tiny',
    status: 'done',
    done: 3,
    total: 3,
    summary,
    final: { freeList: [{ addr: 110, size: 54 }], buddyinfo: [1, 0, 2] },
    error: null,
    timelineBytes: 0
  }
}

const events = new Map([[0, timelineEvents.map(eventRecord)]])

describe('run reports', () => {
  it('describes each request with only the fields that apply to it', () => {
    const report = buildRunReport(answered(done()), { events })
    expect(report.runs[0]!.events).toEqual([
      expect.objectContaining({
        step: 0,
        op: 'alloc',
        handle: 'a',
        size: 10,
        ok: true,
        status: 'ok',
        addr: 100
      }),
      expect.objectContaining({
        step: 1,
        op: 'free',
        handle: 'b',
        ok: false,
        status: 'invalid',
        reason: 'handleEmpty'
      }),
      expect.objectContaining({ step: 2, op: 'shrink', ok: false, status: 'noop' })
    ])
    expect(report.runs[0]!.events![1]).not.toHaveProperty('addr')
    expect(report.runs[0]!.events![2]).not.toHaveProperty('handle')
  })

  it('keeps wall-clock timing out unless asked', () => {
    expect(buildRunReport(answered(done())).runs[0]).not.toHaveProperty('timing')
    expect(
      buildRunReport(answered(done()), { timing: true }).runs[0]!.timing?.elapsedMs
    ).toBeTypeOf('number')
  })

  it('prints one event or free block per line, parses back to the same report, and ends with a newline', () => {
    const report = buildRunReport(answered(done()), { events })
    const text = stringifyRunReport(report)
    expect(JSON.parse(text)).toEqual(report)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toMatch(/^ {8}\{"step":0,"line":1,"op":"alloc",.*\},$/m)
    expect(text).toMatch(/^ {10}\{"addr":110,"size":54\}$/m)
    expect(text).toMatch(/^ {8}"buddyinfo": \[1,0,2\]$/m)
  })

  it('reports a failed config with its error and no summary', () => {
    const failed: ConfigSummary = {
      ...done(),
      status: 'failed',
      summary: null,
      final: null,
      error: {
        kind: 'crashed',
        key: 'engine.worker.crashed',
        params: { config: 'tiny:arena=64', detail: 'exit code 1', step: -1, line: 0 }
      }
    }
    const report = buildRunReport(answered(failed))
    expect(report.runs[0]).toEqual({
      allocator: 'tiny:arena=64',
      family: 'tiny',
      error: { kind: 'crashed', message: 'tiny:arena=64: the engine worker crashed (exit code 1).' }
    })
  })
})
