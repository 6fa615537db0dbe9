import type { HostKind } from '@shared/api'
import { LabError } from '@shared/lab-error'
import { labErrorText } from '@shared/lab-error-text'
import { defaultDatabasePath } from '../store/default-database-path'
import { openStore, type OpenStoreOptions } from '../store/open-store'
import { LabService, type LabServiceRunOptions } from './lab-service'
import { defaultRunBudget, resolveRunBudget } from './run-budget'

/**
 * Open the database (moving a damaged one aside) and build the service on it.
 * The run budget comes from `runOptions`, else ALLOCLAB_RUN_BUDGET, else the
 * machine; a bad ALLOCLAB_RUN_BUDGET is reported and the default used, so the
 * window still opens.
 */
export function createLabService(
  host: HostKind,
  databasePath: string = defaultDatabasePath(),
  storeOptions: OpenStoreOptions = {},
  runOptions: LabServiceRunOptions = {}
): LabService {
  return new LabService(openStore(databasePath, storeOptions), host, {
    budgetBytes: runOptions.budgetBytes ?? budgetFromEnvironment(),
    ...runOptions
  })
}

function budgetFromEnvironment(): number {
  try {
    return resolveRunBudget(undefined)
  } catch (error) {
    if (!(error instanceof LabError)) throw error
    process.stderr.write(
      `${labErrorText('en', { key: error.key, params: error.params, causes: [...error.causes] })}\n`
    )
    return defaultRunBudget()
  }
}
