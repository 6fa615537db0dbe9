import { parseMallocPyArgs } from '@shared/ostep/malloc-py-options'
import { planMallocPy, runMallocPy } from '@shared/ostep/malloc-py-run'
import type { OstepProblem } from '@shared/ostep/ostep-problem'
import { SpecError } from '../../engine/allocator-spec'
import { engineOstepHeap } from '../../ostep/engine-ostep-heap'
import { UsageError, type CliCommand, type CliContext } from '../command'
import { writeTextFile } from '../cli-files'

/**
 * `alloclab ostep [malloc.py flags] [--scenario FILE]`: what `python3
 * malloc.py` prints for the same flags, byte for byte, with every answer
 * (addresses, entries searched, free lists) from AllocLab's heap engine run
 * with malloc.py's rules (the `ostep` preset's). Exit 1 where malloc.py
 * itself would stop with a Python error, 2 where AllocLab cannot follow it.
 */
export const ostepCommand: CliCommand = {
  name: 'ostep',
  summaryKey: 'ostep.cli.summary',
  synopsis:
    'ostep [-s SEED] [-S SIZE] [-b BASE] [-H HEADER] [-a ALIGN] [-p POLICY] [-l ORDER] [-C] [-n OPS] [-r RANGE] [-P PERCENT] [-A OPS] [-c] [--scenario FILE]',
  allowPositionals: true,
  ownArguments: true,
  options: {
    scenario: {
      type: 'string',
      valueName: 'FILE',
      descriptionKey: 'ostep.cli.scenarioOption',
      value: { key: 'cli.value.file', params: { example: 'homework.alloc' } }
    }
  },
  async run(_values, words, ctx) {
    const { flags, scenarioFile } = ownFlags(words, ctx)
    const parsed = parseMallocPyArgs(flags)
    if ('problem' in parsed) throw new UsageError(ctx.t(parsed.problem.key, parsed.problem.params))
    if (parsed.help) {
      ctx.stdout(`${ctx.t('ostep.cli.helpHint')}\n`)
      return 0
    }
    const plan = planMallocPy(parsed.options)
    if ('problem' in plan) return report(plan.problem, ctx)
    let heap: ReturnType<typeof engineOstepHeap>
    try {
      heap = engineOstepHeap(plan.spec, plan.allocations)
    } catch (error) {
      if (!(error instanceof SpecError)) throw error
      return report(
        {
          kind: 'unsupported',
          key: 'ostep.unsupported.spec',
          params: { message: error.describe(ctx.locale) }
        },
        ctx
      )
    }
    const commandLine = ['malloc.py', ...flags].map(shellQuote).join(' ')
    const run = runMallocPy(parsed.options, plan, heap, commandLine)
    ctx.stdout(run.stdout)
    if (scenarioFile !== undefined) {
      await writeTextFile(scenarioFile, run.scenario, ctx)
      ctx.stderr(`${ctx.t('ostep.cli.wrote', { file: scenarioFile, spec: plan.spec })}\n`)
    }
    return run.problem ? report(run.problem, ctx) : 0
  }
}

/** Take out AllocLab's own flags (`--scenario FILE`, `--lang LANG`); the rest is malloc.py's. */
function ownFlags(
  words: readonly string[],
  ctx: CliContext
): { flags: string[]; scenarioFile?: string } {
  const flags: string[] = []
  let scenarioFile: string | undefined
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!
    if (word === '--') {
      flags.push(...words.slice(i))
      break
    }
    if (word === '--scenario' || word === '--lang') {
      const value = words[++i]
      if (value === undefined) {
        // --lang was taken off the line before the command ran; only --scenario gets here.
        throw new UsageError(
          ctx.t('cli.needsValue', {
            option: word,
            value: ctx.t('cli.value.file', { example: 'homework.alloc' })
          })
        )
      }
      if (word === '--scenario') scenarioFile = value
    } else if (word.startsWith('--scenario=')) {
      scenarioFile = word.slice('--scenario='.length)
    } else if (!word.startsWith('--lang=')) {
      flags.push(word)
    }
  }
  return { flags, ...(scenarioFile !== undefined ? { scenarioFile } : {}) }
}

function report(problem: OstepProblem, ctx: CliContext): number {
  if (problem.kind === 'usage') throw new UsageError(ctx.t(problem.key, problem.params))
  const said = ctx.t(problem.key, problem.params)
  // A crash's message already says where malloc.py stops.
  const message =
    problem.kind === 'crash' ? said : ctx.t('ostep.cli.cannotFollow', { message: said })
  ctx.stderr(`${ctx.t('cli.badArguments', { command: 'ostep', message })}\n`)
  return problem.kind === 'crash' ? 1 : 2
}

/** A word as a shell would need it to read it back (for the scenario's header). */
function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`
}
