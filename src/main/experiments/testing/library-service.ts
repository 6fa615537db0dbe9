import type { LabErrorData } from '@shared/lab-error'
import { RunFinishWatch } from '../../cli/run-finish'
import { allFamilies } from '../../engine/families'
import { tinyFamily } from '../../engine/testing/tiny-family'
import { LabService, type LabServiceRunOptions } from '../../service/lab-service'
import { openStore, type OpenedStore } from '../../store/open-store'
import { compileWorkerFromSource, engineWorkerFromSource } from '../../worker/testing/tsx-worker'

/** Pages, split and merged: small enough to read, rich enough for every query. */
export const PAGES_SCENARIO = [
  'name pages',
  'frames 64',
  'pages a 2',
  'pages b 0',
  'pages c 3',
  'free-pages b',
  'pages d 1',
  'free-pages a',
  ''
].join('\n')

/** A LabService for library tests, over `store` (a fresh in-memory one by default), workers from source. */
export function libraryService(
  store: OpenedStore = openStore(':memory:'),
  options: LabServiceRunOptions = {}
): LabService {
  return new LabService(store, 'test', {
    families: () => [...allFamilies, tinyFamily],
    launch: engineWorkerFromSource,
    compileLaunch: compileWorkerFromSource,
    ...options
  })
}

/** Start a run and wait until every configuration has ended; returns its id. */
export async function finishedRun(
  lab: LabService,
  scenario: string,
  allocators: string[]
): Promise<string> {
  const watch = new RunFinishWatch(lab)
  try {
    const { runId } = await lab.call('run:start', { scenario, allocators })
    await watch.finished(runId)
    return runId
  } finally {
    watch.stop()
  }
}

/** The error a call answers with; fails the test if it succeeds. */
export async function refusal(
  lab: LabService,
  channel: string,
  input: unknown
): Promise<LabErrorData> {
  const result = await lab.dispatch(channel, input)
  if (result.ok) throw new Error(`${channel} should have been refused`)
  return result.error
}
