import { allocatorCatalog } from '../../engine/allocator-catalog'
import { formatOptionValue } from '../../engine/allocator-spec'
import { allFamilies } from '../../engine/families'
import type { AllocatorFamily, FamilyOption } from '../../engine/family'
import type { AllocatorPreset } from '../../engine/preset'
import { allPresets } from '../../engine/presets'
import { displayWidth, padEndDisplay } from '../../engine/text-table'
import type { CliCommand, CliContext } from '../command'

/** `alloclab allocators`: every family, option, default and range, as text or JSON. */
export function createAllocatorsCommand(
  families: () => readonly AllocatorFamily[],
  presets: () => readonly AllocatorPreset[] = () => allPresets
): CliCommand {
  return {
    name: 'allocators',
    summaryKey: 'engine.allocators.summary',
    synopsis: 'allocators [--json]',
    allowPositionals: false,
    options: {
      json: { type: 'boolean', descriptionKey: 'engine.allocators.jsonOption' }
    },
    run(values, _positionals, ctx) {
      const list = families()
      ctx.stdout(
        values['json'] === true
          ? allocatorsJson(list, presets())
          : allocatorsText(list, presets(), ctx)
      )
      return Promise.resolve(0)
    }
  }
}

export const allocatorsCommand: CliCommand = createAllocatorsCommand(() => allFamilies)

function allocatorsText(
  families: readonly AllocatorFamily[],
  presets: readonly AllocatorPreset[],
  ctx: CliContext
): string {
  const parts: string[] = []
  for (const family of families) {
    parts.push(`${family.name}  ${ctx.t(family.summaryKey)}\n`)
    const rows = family.options.map((option) => [
      `  ${option.key}`,
      option.kind,
      `${ctx.t('engine.allocators.defaultLabel')} ${formatOptionValue(option, option.default)}`,
      domain(option, ctx),
      ctx.t(option.descriptionKey)
    ])
    // Left-align every column: these are words, not figures.
    const widths = rows.reduce<number[]>(
      (w, row) => row.map((cell, i) => Math.max(w[i] ?? 0, displayWidth(cell))),
      []
    )
    for (const row of rows) {
      parts.push(
        `${row.map((cell, i) => (i < row.length - 1 ? padEndDisplay(cell, widths[i]!) : cell)).join('  ')}\n`
      )
    }
    parts.push('\n')
  }
  if (presets.length > 0) {
    parts.push(`${ctx.t('engine.allocators.presetsTitle')}\n`)
    for (const preset of presets) {
      parts.push(`  ${preset.id}  ${ctx.t(preset.labelKey)}: ${ctx.t(preset.descriptionKey)}\n`)
      for (const spec of preset.specs) parts.push(`    --allocator ${spec}\n`)
    }
    parts.push('\n')
  }
  const first = families[0]
  if (first) parts.push(`${ctx.t('engine.allocators.example', { example: exampleSpec(first) })}\n`)
  return parts.join('')
}

function domain(option: FamilyOption, ctx: CliContext): string {
  switch (option.kind) {
    case 'switch':
      return ctx.t('engine.allocators.switchLabel')
    case 'choice':
      return `${ctx.t('engine.allocators.choicesLabel')} ${(option.choices ?? []).join('|')}`
    default:
      return `${ctx.t('engine.allocators.rangeLabel')} ${formatOptionValue(option, option.min ?? -Infinity)}..${formatOptionValue(option, option.max ?? Infinity)}`
  }
}

function exampleSpec(family: AllocatorFamily): string {
  const parts = family.options.slice(0, 2).map((o) => `${o.key}=${formatOptionValue(o, o.default)}`)
  return parts.length > 0 ? `${family.name}:${parts.join(',')}` : family.name
}

/** The same catalog `allocators:list` answers: texts in every language, presets included. */
function allocatorsJson(
  families: readonly AllocatorFamily[],
  presets: readonly AllocatorPreset[]
): string {
  return `${JSON.stringify(allocatorCatalog(families, presets), null, 2)}\n`
}
