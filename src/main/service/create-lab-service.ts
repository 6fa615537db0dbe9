import type { HostKind } from '@shared/api'
import { defaultDatabasePath } from '../store/default-database-path'
import { openStore, type OpenStoreOptions } from '../store/open-store'
import { LabService } from './lab-service'

/** Open the database (moving a damaged one aside) and build the service on it. */
export function createLabService(
  host: HostKind,
  databasePath: string = defaultDatabasePath(),
  storeOptions: OpenStoreOptions = {}
): LabService {
  return new LabService(openStore(databasePath, storeOptions), host)
}
