import type { CompiledProgram } from '@shared/scenario/program'
import { CODE_STRIDE } from '@shared/scenario/program'
import type { EventColumns } from './event-log'
import type { FinalState } from './final-state'
import { opTakesBytes, opTakesOrder, opWord } from './op-names'
import {
  INVALID_REASONS,
  REQUEST_STATUSES,
  type InvalidReasonName,
  type RequestStatus
} from '@shared/vocabulary/request-statuses'
import { Status } from './outcome'
import type { ConfigOutcome } from './run-configs'
import type { RunSummary, RunTiming } from './run-summary'

/**
 * The JSON document `alloclab run --json` prints. Everything in it follows
 * from the scenario and the configs alone, so the same input always gives the
 * same bytes; wall-clock figures appear only under `timing`, and only on request.
 */
export interface RunReport {
  readonly runs: RunReportEntry[]
}

export interface RunReportEntry {
  readonly allocator: string
  readonly family: string
  readonly summary?: Omit<RunSummary, 'timing'>
  readonly events?: EventRecord[]
  readonly final?: FinalState
  readonly error?: { readonly kind: string; readonly message: string }
  readonly timing?: RunTiming
}

export type StatusWord = RequestStatus

/** One request and what came of it. Fields that do not apply are left out. */
export interface EventRecord {
  readonly step: number
  readonly line: number
  readonly op: string
  readonly handle?: string
  readonly cache?: string
  readonly size?: number
  readonly order?: number
  readonly ok: boolean
  readonly status: StatusWord
  readonly reason?: string
  readonly addr?: number
  readonly frame?: number
  readonly requested: number
  readonly granted: number
  readonly examined: number
  readonly splits: number
  readonly merges: number
  readonly ctorCalls?: number
  readonly ctorSaved?: number
  readonly copied?: number
}

/** The word JSON uses for an outcome status (REQUEST_STATUSES is in Status code order); an unknown code reads as invalid. */
export function statusWord(status: number): StatusWord {
  return REQUEST_STATUSES[status] ?? 'invalid'
}

/** InvalidReason code to the name used in JSON and in `engine.invalid.*` keys (INVALID_REASONS is in code order). */
export const INVALID_REASON_NAMES: Readonly<Record<number, InvalidReasonName>> = Object.fromEntries(
  INVALID_REASONS.map((name, code) => [code, name])
)

export interface RunReportOptions {
  readonly events?: boolean
  readonly timing?: boolean
  /** How a failed config's error reads, in the reader's language (default: the English message). */
  readonly describeError?: (outcome: Extract<ConfigOutcome, { error: unknown }>) => string
}

export function buildRunReport(
  program: CompiledProgram,
  outcomes: readonly ConfigOutcome[],
  options: RunReportOptions = {}
): RunReport {
  return {
    runs: outcomes.map((outcome): RunReportEntry => {
      const head = { allocator: outcome.config.label, family: outcome.config.family.name }
      if ('error' in outcome) {
        const message = options.describeError?.(outcome) ?? outcome.error.message
        return { ...head, error: { kind: outcome.error.kind, message } }
      }
      const { timing, ...summary } = outcome.result.summary
      const events = outcome.result.events
      return {
        ...head,
        summary,
        ...(options.events && events ? { events: eventRecords(program, events) } : {}),
        final: outcome.result.final,
        ...(options.timing ? { timing } : {})
      }
    })
  }
}

export function eventRecords(program: CompiledProgram, columns: EventColumns): EventRecord[] {
  const records: EventRecord[] = []
  for (let i = 0; i < columns.count; i++) {
    const step = columns.first + i
    const c = step * CODE_STRIDE
    const op = program.code[c]!
    const handle = program.code[c + 1]!
    const aux = program.code[c + 2]!
    const size = program.sizes[step]!
    const status = columns.status[i]!
    const addr = columns.addr[i]!
    const frame = columns.frame[i]!
    const ctorCalls = columns.ctorCalls[i]!
    const ctorSaved = columns.ctorSaved[i]!
    const copied = columns.copied[i]!
    records.push({
      step,
      line: program.lines[step] ?? 0,
      op: opWord(op),
      ...(handle >= 0 ? { handle: program.handles[handle] ?? `#${handle}` } : {}),
      ...(aux >= 0 ? { cache: program.caches[aux]?.name ?? `#${aux}` } : {}),
      ...(opTakesBytes(op) ? { size } : {}),
      ...(opTakesOrder(op) ? { order: size } : {}),
      ok: status === Status.Ok,
      status: statusWord(status),
      ...(status === Status.Invalid
        ? { reason: INVALID_REASON_NAMES[columns.invalidReason[i]!] ?? 'none' }
        : {}),
      ...(addr >= 0 ? { addr } : {}),
      ...(frame >= 0 ? { frame } : {}),
      requested: columns.requested[i]!,
      granted: columns.granted[i]!,
      examined: columns.examined[i]!,
      splits: columns.splits[i]!,
      merges: columns.merges[i]!,
      ...(ctorCalls !== 0 ? { ctorCalls } : {}),
      ...(ctorSaved !== 0 ? { ctorSaved } : {}),
      ...(copied !== 0 ? { copied } : {})
    })
  }
  return records
}

/** Arrays printed one element per line, and arrays of numbers printed on one line. */
const LINE_PER_ITEM = new Set(['events', 'freeList', 'slabinfo'])
const ONE_LINE = new Set(['buddyinfo'])

/**
 * The report as text: two-space indented JSON with a final newline, except
 * that each event, free block and slabinfo row stays on one line, so a long
 * run reads (and diffs) as one line per request.
 */
export function stringifyRunReport(report: RunReport): string {
  // Compact arrays are swapped for numbered placeholders, then spliced back in.
  const blocks: { readonly items: string[]; readonly oneLine: boolean }[] = []
  const text = JSON.stringify(
    report,
    (key: string, value: unknown) => {
      if (!Array.isArray(value)) return value
      if (LINE_PER_ITEM.has(key))
        blocks.push({ items: value.map((item) => JSON.stringify(item)), oneLine: false })
      else if (ONE_LINE.has(key)) blocks.push({ items: [JSON.stringify(value)], oneLine: true })
      else return value
      return `\u0000${blocks.length - 1}\u0000`
    },
    2
  )
  const spliced = text.replace(
    /^( *)("\w+": )"\\u0000(\d+)\\u0000"/gm,
    (_whole, indent: string, label: string, index: string) => {
      const { items, oneLine } = blocks[Number(index)]!
      if (oneLine) return `${indent}${label}${items[0]}`
      if (items.length === 0) return `${indent}${label}[]`
      const inner = `${indent}  `
      return `${indent}${label}[\n${items.map((item) => `${inner}${item}`).join(',\n')}\n${indent}]`
    }
  )
  return `${spliced}\n`
}
