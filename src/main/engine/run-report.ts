import type { LabOutput } from '@shared/api'
import { configErrorText } from '@shared/config-error-text'
import { translate } from '@shared/i18n/translate'
import type {
  ConfigSummarySchema,
  FinalStateSchema,
  TimelineEventSchema
} from '@shared/run-schemas'
import {
  INVALID_REASONS,
  REQUEST_STATUSES,
  type InvalidReasonName,
  type RequestStatus
} from '@shared/vocabulary/request-statuses'
import type { z } from 'zod'
import { opOfWord, opTakesBytes, opTakesOrder } from './op-names'
import type { RunSummary, RunTiming } from './run-summary'

type ConfigSummary = z.output<typeof ConfigSummarySchema>
type ConfigError = NonNullable<ConfigSummary['error']>
export type TimelineEvent = z.output<typeof TimelineEventSchema>

/**
 * The JSON document `alloclab run --json` prints, built from what LabApi
 * answers (`run:summary`, `timeline:events`). Everything in it follows from
 * the scenario and the configs alone, so the same input always gives the
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
  readonly final?: z.output<typeof FinalStateSchema>
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
  /** Event records of each config (by config index), when the report lists them. */
  readonly events?: ReadonlyMap<number, EventRecord[]>
  readonly timing?: boolean
  /** How a failed config's error reads, in the reader's language (default: English). */
  readonly describeError?: (error: ConfigError) => string
}

export function buildRunReport(
  run: LabOutput<'run:summary'>,
  options: RunReportOptions = {}
): RunReport {
  return {
    runs: run.configs.map((config): RunReportEntry => {
      const head = { allocator: config.label, family: config.family }
      if (config.error || !config.summary) {
        const error = config.error ?? {
          kind: 'noResult' as const,
          key: 'engine.worker.noResult',
          params: { config: config.label, detail: config.status }
        }
        const message =
          options.describeError?.(error) ??
          configErrorText((key, params) => translate('en', key, params), error)
        return { ...head, error: { kind: error.kind, message } }
      }
      const { timing, ...summary } = config.summary
      const events = options.events?.get(config.config)
      return {
        ...head,
        summary,
        ...(events ? { events } : {}),
        final: config.final ?? {},
        ...(options.timing ? { timing } : {})
      }
    })
  }
}

/** A `timeline:events` record as the report prints it. */
export function eventRecord(event: TimelineEvent): EventRecord {
  const op = opOfWord(event.op)
  const { cost } = event
  return {
    step: event.step,
    line: event.line,
    op: event.op,
    ...(event.handle !== null ? { handle: event.handle } : {}),
    ...(event.cache !== null ? { cache: event.cache } : {}),
    ...(opTakesBytes(op) ? { size: event.size } : {}),
    ...(opTakesOrder(op) ? { order: event.size } : {}),
    ok: event.status === 'ok',
    status: event.status,
    ...(event.status === 'invalid' ? { reason: event.reason ?? 'none' } : {}),
    ...(event.addr >= 0 ? { addr: event.addr } : {}),
    ...(event.frame >= 0 ? { frame: event.frame } : {}),
    requested: event.requested,
    granted: event.granted,
    examined: cost.examined,
    splits: cost.splits,
    merges: cost.merges,
    ...(cost.ctorCalls !== 0 ? { ctorCalls: cost.ctorCalls } : {}),
    ...(cost.ctorSaved !== 0 ? { ctorSaved: cost.ctorSaved } : {}),
    ...(cost.copied !== 0 ? { copied: cost.copied } : {})
  }
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
