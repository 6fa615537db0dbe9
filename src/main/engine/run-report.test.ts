import { describe, expect, it } from 'vitest'
import { Op } from '@shared/scenario'
import { EventLog } from './event-log'
import { FramePool } from './frame-pool'
import type { ConfigOutcome } from './run-configs'
import { buildRunReport, stringifyRunReport } from './run-report'
import { runProgram } from './runner'
import { buildProgram } from './testing/program-builder'
import { tinyFamily } from './testing/tiny-family'
import { WorkerRunError } from './worker-host'

const program = buildProgram(
  [
    [Op.Alloc, 'a', 10],
    [Op.Free, 'b', 0],
    [Op.CacheShrink, undefined, 0]
  ],
  { arenaBytes: 64 }
)
const values = { arena: 64, base: 100, order: 'addr', reset: true, spin: 0, 'break-at': -1 }

function outcome(): ConfigOutcome {
  const pool = FramePool.create(tinyFamily.poolBytes(values, program))
  const log = new EventLog()
  const summary = runProgram(tinyFamily.create(pool, values, program, true), program, pool, {
    sink: log
  })
  return {
    config: { label: 'tiny:arena=64', family: tinyFamily, values },
    result: {
      summary,
      final: { freeList: [{ addr: 110, size: 54 }], buddyinfo: [1, 0, 2] },
      events: log.columns()
    }
  }
}

describe('run reports', () => {
  it('describes each request with only the fields that apply to it', () => {
    const report = buildRunReport(program, [outcome()], { events: true })
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
    expect(buildRunReport(program, [outcome()]).runs[0]).not.toHaveProperty('timing')
    expect(
      buildRunReport(program, [outcome()], { timing: true }).runs[0]!.timing?.elapsedMs
    ).toBeTypeOf('number')
  })

  it('prints one event or free block per line, parses back to the same report, and ends with a newline', () => {
    const report = buildRunReport(program, [outcome()], { events: true })
    const text = stringifyRunReport(report)
    expect(JSON.parse(text)).toEqual(report)
    expect(text.endsWith('}\n')).toBe(true)
    expect(text).toMatch(/^ {8}\{"step":0,"line":1,"op":"alloc",.*\},$/m)
    expect(text).toMatch(/^ {10}\{"addr":110,"size":54\}$/m)
    expect(text).toMatch(/^ {8}"buddyinfo": \[1,0,2\]$/m)
  })

  it('reports a failed config with its error and no summary', () => {
    const failed: ConfigOutcome = {
      config: { label: 'tiny:arena=64', family: tinyFamily, values },
      error: new WorkerRunError('crashed', 'tiny:arena=64', 'exit code 1')
    }
    const report = buildRunReport(program, [failed])
    expect(report.runs[0]).toEqual({
      allocator: 'tiny:arena=64',
      family: 'tiny',
      error: { kind: 'crashed', message: 'tiny:arena=64: crashed: exit code 1' }
    })
  })
})
