/**
 * LabApi channel and event names as plain constants. Kept apart from the
 * schemas in api.ts so the sandboxed preload can check names without loading
 * a validation library.
 */
export const LAB_CHANNEL_NAMES = [
  'app:info',
  'settings:get',
  'settings:set',
  'allocators:list',
  'allocators:check',
  'ostep:import',
  'run:start',
  'run:cancel',
  'run:summary',
  'run:view',
  'timeline:events',
  'timeline:metrics',
  'timeline:map',
  'timeline:structures',
  'draft:get',
  'draft:save',
  'timeline:find',
  'timeline:step',
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
  'report:html',
  'exercise:export-sheet',
  'lessons:imported',
  'lessons:import-pack',
  'lessons:remove-imported'
] as const
export type LabChannelName = (typeof LAB_CHANNEL_NAMES)[number]

export const LAB_EVENT_NAMES = [
  'settings:changed',
  'run:progress',
  'run:ended',
  'run:finished'
] as const
export type LabEventNameConst = (typeof LAB_EVENT_NAMES)[number]

export function isLabChannelName(value: unknown): value is LabChannelName {
  return typeof value === 'string' && (LAB_CHANNEL_NAMES as readonly string[]).includes(value)
}
