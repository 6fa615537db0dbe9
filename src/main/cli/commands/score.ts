import { basename } from 'node:path'
import { compileScenario, hasErrors, importMalloclab } from '@shared/scenario'
import type { CompiledProgram } from '@shared/scenario/program'
import {
  SpecError,
  normalizeSpec,
  parseAllocatorSpec,
  resolveAllocatorValues,
  type AllocatorSpec
} from '../../engine/allocator-spec'
import { allFamilies } from '../../engine/families'
import { findPreset } from '../../engine/presets'
import { formatScoreTable } from '../../score/score-table'
import {
  MDRIVER_WEIGHTS,
  scoreTrace,
  totalScore,
  type ScoreWeights,
  type TotalScore,
  type TraceScore
} from '../../score/trace-score'
import { UsageError, type CliCommand, type CliContext } from '../command'
import { printDiagnostics, readTextFile } from '../cli-files'

interface Scored {
  readonly allocator: string
  /** The configuration every trace ran with, when they all ran with the same one. */
  readonly spec?: string
  readonly traces: (TraceScore & { readonly spec: string })[]
  readonly total: TotalScore
}

/**
 * `alloclab score TRACE... --allocator SPEC...`: malloc-lab's mdriver table
 * for each allocator (a spec, or a preset such as csapp-textbook) over each
 * trace, in this process. Exit 1 when a trace did not run correctly.
 */
export const scoreCommand: CliCommand = {
  name: 'score',
  summaryKey: 'score.cli.summary',
  synopsis:
    'score TRACE... --allocator SPEC [--allocator SPEC]... [--json] [--util-weight W] [--libc-kops K] [--runs N]',
  allowPositionals: true,
  options: {
    allocator: {
      type: 'string',
      short: 'a',
      multiple: true,
      valueName: 'SPEC',
      descriptionKey: 'score.cli.allocatorOption',
      value: { key: 'engine.run.allocatorValue' }
    },
    json: { type: 'boolean', descriptionKey: 'score.cli.jsonOption' },
    'util-weight': {
      type: 'string',
      valueName: 'W',
      descriptionKey: 'score.cli.utilWeightOption',
      value: { key: 'cli.value.share', params: { min: 0, max: 1 } }
    },
    'libc-kops': {
      type: 'string',
      valueName: 'K',
      descriptionKey: 'score.cli.libcKopsOption',
      value: { key: 'cli.value.positive', params: { example: 600 } }
    },
    runs: {
      type: 'string',
      valueName: 'N',
      descriptionKey: 'score.cli.runsOption',
      value: { key: 'cli.value.anyWhole', params: { example: 3 } }
    }
  },
  async run(values, positionals, ctx) {
    if (positionals.length === 0) throw new UsageError(ctx.t('score.cli.needTrace'))
    const texts = (values['allocator'] as string[] | undefined) ?? []
    if (texts.length === 0) throw new UsageError(ctx.t('score.cli.needAllocator'))
    const weights: ScoreWeights = {
      utilWeight: numberOption(
        values['util-weight'],
        '--util-weight',
        MDRIVER_WEIGHTS.utilWeight,
        0,
        1,
        ctx
      ),
      libcKops: numberOption(
        values['libc-kops'],
        '--libc-kops',
        MDRIVER_WEIGHTS.libcKops,
        0,
        1e9,
        ctx
      )
    }
    const runs = numberOption(values['runs'], '--runs', 3, 1, 100, ctx)
    if (!Number.isInteger(runs))
      throw new UsageError(
        ctx.t('score.cli.badNumber', { option: '--runs', value: String(runs), min: 1, max: 100 })
      )
    const allocators = texts.flatMap((text) => allocatorsOf(text, ctx))

    const traces: { name: string; program: CompiledProgram }[] = []
    let broken = false
    for (const file of positionals) {
      const name = file === '-' ? 'stdin' : basename(file)
      const imported = importMalloclab(await readTextFile(file, ctx), { name })
      printDiagnostics(file, imported.diagnostics, ctx)
      const program = compileScenario(imported.text).program
      if (hasErrors(imported.diagnostics) || program === undefined) broken = true
      else traces.push({ name, program })
    }
    if (broken) return 2

    const scored: Scored[] = allocators.map(({ label, spec }) => {
      const specs: string[] = []
      const scores = traces.map(({ name, program }) => {
        // Each trace may suggest its own heap (its arena, or growth): the spec fills the rest.
        const resolved = withSpecErrors(ctx, () => resolveAllocatorValues(spec, program.geometry))
        specs.push(normalizeSpec(spec.family, resolved))
        return { ...scoreTrace(name, spec.family, resolved, program, runs), spec: specs.at(-1)! }
      })
      const shared = specs.every((s) => s === specs[0]) ? specs[0] : undefined
      return {
        allocator: label,
        ...(shared !== undefined ? { spec: shared } : {}),
        traces: scores,
        total: totalScore(scores, weights)
      }
    })
    if (values['json'] === true) {
      ctx.stdout(`${JSON.stringify({ weights, allocators: scored }, null, 2)}\n`)
    } else {
      ctx.stdout(
        scored
          .map((s) => formatScoreTable(s.allocator, s.spec, s.traces, s.total, ctx.t))
          .join('\n')
      )
    }
    return scored.every((s) => s.total.valid) ? 0 : 1
  }
}

/** A spec, or every spec of a preset named by its id (csapp-textbook, ostep, ...). */
function allocatorsOf(text: string, ctx: CliContext): { label: string; spec: AllocatorSpec }[] {
  const preset = text.includes(':') ? undefined : findPreset(text.trim())
  const specs = preset ? preset.specs : [text]
  return specs.map((specText, i) => ({
    label: preset ? (specs.length > 1 ? `${preset.id} #${i + 1}` : preset.id) : text.trim(),
    spec: withSpecErrors(ctx, () => parseAllocatorSpec(specText, allFamilies))
  }))
}

function withSpecErrors<T>(ctx: CliContext, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof SpecError) throw new UsageError(error.describe(ctx.locale))
    throw error
  }
}

function numberOption(
  raw: unknown,
  option: string,
  fallback: number,
  min: number,
  max: number,
  ctx: CliContext
): number {
  if (typeof raw !== 'string') return fallback
  const value = raw.trim() === '' ? Number.NaN : Number(raw)
  if (!(value >= min && value <= max)) {
    throw new UsageError(ctx.t('score.cli.badNumber', { option, value: raw, min, max }))
  }
  return value
}
