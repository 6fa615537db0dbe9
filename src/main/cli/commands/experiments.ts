import type { LabOutput } from '@shared/api'
import { EXPERIMENT_SORTS, MAX_LIST_PAGE, type ExperimentItem } from '@shared/experiment-schemas'
import { formatRatio } from '@shared/format/format-value'
import { displayWidth, padEndDisplay } from '../../engine/text-table'
import { UsageError, type CliCommand, type CliContext } from '../command'
import { DB_OPTION, openLibrary } from '../open-library'
import { jsonWithoutControls, visibleText } from '../visible-text'

const SORTS = EXPERIMENT_SORTS.join(', ')

/**
 * `alloclab experiments [--search WORDS] [--tag TAG]... [--sort KEY] [--json]`:
 * the library as a table (or the list's JSON), every matching experiment,
 * page by page through `experiment:list` as the window reads it.
 */
export const experimentsCommand: CliCommand = {
  name: 'experiments',
  summaryKey: 'experiments.cli.list.summary',
  synopsis: 'experiments [--search WORDS] [--tag TAG]... [--sort KEY] [--json] [--db PATH]',
  allowPositionals: false,
  options: {
    search: {
      type: 'string',
      valueName: 'WORDS',
      descriptionKey: 'experiments.cli.list.search',
      value: { key: 'experiments.cli.list.searchValue' }
    },
    tag: {
      type: 'string',
      multiple: true,
      valueName: 'TAG',
      descriptionKey: 'experiments.cli.list.tag',
      value: { key: 'experiments.cli.list.tagValue' }
    },
    sort: {
      type: 'string',
      valueName: 'KEY',
      descriptionKey: 'experiments.cli.list.sort',
      value: { key: 'cli.value.choice', params: { choices: SORTS } }
    },
    json: { type: 'boolean', descriptionKey: 'experiments.cli.list.json' },
    db: DB_OPTION
  },
  async run(values, _positionals, ctx) {
    const sort = values['sort'] as string | undefined
    if (sort !== undefined && !(EXPERIMENT_SORTS as readonly string[]).includes(sort)) {
      throw new UsageError(ctx.t('experiments.cli.list.badSort', { value: sort, choices: SORTS }))
    }
    const service = await openLibrary(values['db'] as string | undefined, ctx, { writes: false })
    try {
      const query = {
        ...(typeof values['search'] === 'string' ? { search: values['search'] } : {}),
        ...(values['tag'] ? { tags: values['tag'] as string[] } : {}),
        ...(sort !== undefined ? { sort } : {})
      }
      const items: ExperimentItem[] = []
      let page: LabOutput<'experiment:list'>
      do {
        page = await service.call('experiment:list', {
          ...query,
          offset: items.length,
          limit: MAX_LIST_PAGE
        })
        items.push(...page.items)
      } while (page.items.length > 0 && items.length < page.total)
      if (values['json'] === true) {
        ctx.stdout(
          jsonWithoutControls(`${JSON.stringify({ total: items.length, items }, null, 2)}\n`)
        )
      } else {
        ctx.stdout(visibleText(libraryTable(items, ctx), 'lines'))
      }
      return 0
    } finally {
      service.close()
    }
  }
}

/** One line per experiment: id, name, configs, best utilization, timelines kept, last change, tags. */
function libraryTable(items: readonly ExperimentItem[], ctx: CliContext): string {
  if (items.length === 0) return `${ctx.t('experiments.cli.list.none')}\n`
  const rows = [
    ['id', 'name', 'configs', 'utilization', 'timelines', 'updated', 'tags'].map((column) =>
      ctx.t(`experiments.cli.list.column.${column}`)
    ),
    ...items.map((item) => {
      const utilizations = item.configs.flatMap((c) => (c.metrics ? [c.metrics.utilization] : []))
      return [
        `#${item.id}`,
        item.current ? item.name : `${item.name} ${ctx.t('experiments.cli.list.otherEngine')}`,
        String(item.configs.length),
        utilizations.length > 0 ? formatRatio(ctx.locale, Math.max(...utilizations)) : '—',
        `${item.timelinesKept}/${item.configs.length}`,
        localTime(item.updatedAt),
        item.tags.join(', ')
      ]
    })
  ]
  const widths = rows[0]!.map((_, column) =>
    Math.max(...rows.map((row) => displayWidth(row[column]!)))
  )
  const lines = rows.map((row) =>
    row
      .map((cell, column) => padEndDisplay(cell, widths[column]!))
      .join('  ')
      .trimEnd()
  )
  lines.push('', ctx.t('experiments.cli.list.count', { count: items.length }))
  return `${lines.join('\n')}\n`
}

/** `2026-11-25 10:00` in this computer's time zone. */
function localTime(ms: number): string {
  const date = new Date(ms)
  const two = (n: number): string => String(n).padStart(2, '0')
  return `${date.getFullYear()}-${two(date.getMonth() + 1)}-${two(date.getDate())} ${two(date.getHours())}:${two(date.getMinutes())}`
}
