import { IMPORT_FORMAT_IDS } from '@renderer/scenario-worker/protocol'

/**
 * What the import dialog offers: the scenario worker's own importers, and a
 * pasted OSTEP malloc.py command line, which the service plays against the
 * engine to learn the workload.
 */
export const IMPORT_DIALOG_FORMATS = [...IMPORT_FORMAT_IDS, 'ostep'] as const
export type ImportDialogFormat = (typeof IMPORT_DIALOG_FORMATS)[number]
