import { LabError, parseInput, type LabChannel, type LabOutput } from '@shared/api'
import { EXPERIMENT_UNDO_MS, type ExperimentItem } from '@shared/experiment-schemas'

type OpenAnswer = LabOutput<'experiment:open'>

interface Stored {
  item: ExperimentItem
  notes: string
  replayState: unknown
  deleted: boolean
  /** What experiment:open answers, besides the id and replay state (tests set it). */
  open: Omit<OpenAnswer, 'id' | 'replayState'>
}

const CHANNELS = new Set<LabChannel>([
  'experiment:list',
  'experiment:get',
  'experiment:save',
  'experiment:rename',
  'experiment:annotate',
  'experiment:duplicate',
  'experiment:delete',
  'experiment:restore',
  'experiment:open',
  'experiment:rerun',
  'experiment:export-file',
  'experiment:import-file',
  'report:html'
])

/**
 * The experiment library in memory, as FakeLabBridge answers it: inputs go
 * through the real schemas; saving a run (by its id) makes an experiment
 * named as asked (summaries only when keepTimelines is false), opening one
 * holds it again as `opened-<id>`.
 */
export class FakeLibrary {
  readonly experiments = new Map<number, Stored>()
  now = 1_700_000_000_000
  private nextId = 1
  private nextRun = 1

  answers(channel: LabChannel): boolean {
    return CHANNELS.has(channel)
  }

  /** An experiment in the library, as if saved earlier. */
  add(name: string, given: Partial<ExperimentItem> & { notes?: string } = {}) {
    const { notes, ...fields } = given
    const id = this.nextId++
    const item: ExperimentItem = {
      id,
      name,
      tags: [],
      notesPreview: notes ?? '',
      createdAt: this.tick(),
      updatedAt: this.now,
      requests: 8,
      configs: [
        {
          config: 0,
          label: 'first-fit:arena=100',
          family: 'first-fit',
          status: 'done',
          metrics: {
            utilization: 0.5,
            externalFragmentation: 0.25,
            internalFragmentation: 0,
            failFragmented: 1,
            failNoMemory: 0
          }
        }
      ],
      timelinesKept: 1,
      current: fields.current ?? true,
      ...fields
    }
    const engine = { engineVersion: '0.1.0', poolLayoutVersion: 1 }
    const recordedBy = item.current ? engine : { engineVersion: '0.0.9', poolLayoutVersion: 1 }
    this.experiments.set(id, {
      item,
      notes: notes ?? '',
      replayState: null,
      deleted: false,
      open: {
        runId: `opened-${id}`,
        title: name,
        current: item.current,
        engine,
        configs: item.configs.map((config) => ({
          config: config.config,
          label: config.label,
          family: config.family,
          status: config.status,
          recordedBy,
          current: item.current,
          timeline: 'kept' as const,
          structures: item.current
        }))
      }
    })
    return item
  }

  answer(channel: LabChannel, input: unknown): unknown {
    switch (channel) {
      case 'experiment:list': {
        const query = parseInput(channel, input)
        const words = query.search?.toLowerCase() ?? ''
        const live = [...this.experiments.values()].filter((entry) => !entry.deleted)
        const matching = live
          .filter(
            (entry) =>
              words === '' ||
              `${entry.item.name}\n${entry.notes}\n${entry.item.tags.join('\n')}`
                .toLowerCase()
                .includes(words)
          )
          .filter((entry) => (query.tags ?? []).every((tag) => entry.item.tags.includes(tag)))
          .map((entry) => entry.item)
          .sort((a, b) =>
            query.sort === 'name' ? a.name.localeCompare(b.name) : b.updatedAt - a.updatedAt
          )
        const offset = query.offset ?? 0
        const counts = new Map<string, number>()
        for (const entry of live)
          for (const tag of entry.item.tags) counts.set(tag, (counts.get(tag) ?? 0) + 1)
        return {
          total: matching.length,
          offset,
          items: matching.slice(offset, offset + (query.limit ?? 50)),
          tags: [...counts].map(([tag, count]) => ({ tag, count }))
        }
      }
      case 'experiment:save': {
        const save = parseInput(channel, input)
        if (save.id !== undefined) {
          const entry = this.live(save.id)
          if (save.replayState !== undefined) entry.replayState = save.replayState
          entry.item = { ...entry.item, updatedAt: this.tick() }
          return entry.item
        }
        const kept = save.keepTimelines ?? true
        const item = this.add(save.name!, kept ? {} : { timelinesKept: 0 })
        const entry = this.experiments.get(item.id)!
        entry.replayState = save.replayState ?? null
        if (!kept) {
          entry.open = {
            ...entry.open,
            configs: entry.open.configs.map((config) => ({ ...config, timeline: 'dropped' }))
          }
        }
        return item
      }
      case 'experiment:get': {
        const { id } = parseInput(channel, input)
        const entry = this.live(id)
        return {
          ...entry.item,
          notes: entry.notes,
          scenario: null,
          configurations: [],
          replayState: entry.replayState,
          runs: [],
          engine: { engineVersion: 'test', poolLayoutVersion: 1 }
        }
      }
      case 'experiment:rename': {
        const { id, name } = parseInput(channel, input)
        const entry = this.live(id)
        entry.item = { ...entry.item, name, updatedAt: this.tick() }
        return entry.item
      }
      case 'experiment:annotate': {
        const { id, tags, notes } = parseInput(channel, input)
        const entry = this.live(id)
        if (notes !== undefined) entry.notes = notes
        entry.item = { ...entry.item, ...(tags ? { tags } : {}), notesPreview: entry.notes }
        return entry.item
      }
      case 'experiment:duplicate': {
        const { id } = parseInput(channel, input)
        return this.add(`${this.live(id).item.name} (copy)`)
      }
      case 'experiment:delete': {
        const { id } = parseInput(channel, input)
        this.live(id).deleted = true
        return { id, deletedAt: this.now, restorableUntil: this.now + EXPERIMENT_UNDO_MS }
      }
      case 'experiment:restore': {
        const { id } = parseInput(channel, input)
        const entry = this.experiments.get(id)
        if (!entry) throw new LabError('not-found', 'experiments.notFound', { id })
        entry.deleted = false
        return entry.item
      }
      case 'experiment:open': {
        const { id } = parseInput(channel, input)
        const entry = this.live(id)
        return { ...entry.open, id, replayState: entry.replayState }
      }
      case 'experiment:rerun': {
        const { id } = parseInput(channel, input)
        this.live(id)
        return { runId: `rerun-${this.nextRun++}`, requests: 8, warnings: [], configs: [], id }
      }
      case 'experiment:export-file': {
        const { id } = parseInput(channel, input)
        const entry = this.live(id)
        return { fileName: `${entry.item.name}.alloclab.json`, text: JSON.stringify(entry.item) }
      }
      case 'experiment:import-file': {
        const { text } = parseInput(channel, input)
        let name: unknown
        try {
          name = (JSON.parse(text) as { name?: unknown }).name
        } catch {
          throw new LabError('invalid-input', 'experiments.file.notJson', { detail: 'not JSON' })
        }
        return this.add(typeof name === 'string' ? name : 'Imported')
      }
      case 'report:html': {
        const report = parseInput(channel, input)
        const name = report.id !== undefined ? this.live(report.id).item.name : report.runId!
        return { fileName: `${name}.html`, html: `<!doctype html><title>${name}</title>` }
      }
      default:
        throw new LabError('unknown-channel', 'service.unknownChannel', { channel })
    }
  }

  private live(id: number): Stored {
    const entry = this.experiments.get(id)
    if (!entry || entry.deleted) throw new LabError('not-found', 'experiments.notFound', { id })
    return entry
  }

  private tick(): number {
    this.now += 1000
    return this.now
  }
}
