/**
 * The LabApi contract: every call the renderer can make, with runtime schemas
 * for its input and output. Hosts (Electron IPC, the browser host's HTTP and
 * WebSocket, tests) derive everything from this one table; nothing reaches
 * LabService before its input has passed `parseInput`.
 */
import { z } from 'zod'
import {
  AllocatorCatalogSchema,
  AllocatorCheckInput,
  AllocatorCheckOutput
} from './allocator-catalog'
import { DatabaseNoticeSchema } from './database-notice'
import { OstepImportInput, OstepImportOutput } from './ostep/ostep-import-schemas'
import { DraftGetOutput, DraftSaveOutput, DraftSchema } from './draft-schemas'
import {
  ExperimentAnnotateInput,
  ExperimentDeleteOutput,
  ExperimentDetailSchema,
  ExperimentDuplicateInput,
  ExperimentExportInput,
  ExperimentExportOutput,
  ExperimentGetInput,
  ExperimentImportInput,
  ExperimentItemSchema,
  ExperimentListInput,
  ExperimentListOutput,
  ExperimentOpenOutput,
  ExperimentRef,
  ExperimentRenameInput,
  ExperimentRerunInput,
  ExperimentRerunOutput,
  ExperimentSaveInput
} from './experiment-schemas'
import { ExerciseSheetInput, ExerciseSheetOutput } from './exercises/exercise-sheet-schemas'
import { LOCALES } from './i18n/locales'
import {
  ImportedLessonRef,
  ImportedLessonsOutput,
  LessonPackImportInput,
  LessonPackImportOutput
} from './lesson-pack/imported-lesson-schemas'
import { ReportHtmlInput, ReportHtmlOutput } from './report-schemas'
import { LabError, type LabErrorData } from './lab-error'
import {
  LAB_CHANNEL_NAMES,
  isLabChannelName,
  type LabChannelName,
  type LabEventNameConst
} from './lab-channels'
import {
  EventsInput,
  EventsOutput,
  FindInput,
  FindOutput,
  MapInput,
  MapOutput,
  MetricsInput,
  MetricsOutput,
  RunCancelOutput,
  RunEndedEvent,
  RunFinishedEvent,
  RunProgressEvent,
  RunRef,
  RunStartInput,
  RunStartOutput,
  RunSummaryOutput,
  RunViewOutput,
  StepInput,
  StepOutput,
  StructuresInput,
  StructuresOutput
} from './run-schemas'

export { LAB_ERROR_CODES, LabError, LabErrorSchema } from './lab-error'
export type { LabErrorCode, LabErrorData } from './lab-error'

/** Bumped whenever a channel's input or output changes incompatibly. */
export const LAB_API_VERSION = 3

export const HOST_KINDS = ['electron', 'browser', 'cli', 'test'] as const
export type HostKind = (typeof HOST_KINDS)[number]

export const THEMES = ['system', 'light', 'dark'] as const
export type Theme = (typeof THEMES)[number]

export const SettingsSchema = z
  .object({
    language: z.enum(LOCALES),
    theme: z.enum(THEMES),
    /** Large type, high contrast and thick map cells for a projector (issue 17). */
    presentation: z.boolean()
  })
  .strict()
export type Settings = z.infer<typeof SettingsSchema>

export const DEFAULT_SETTINGS: Settings = { language: 'en', theme: 'system', presentation: false }

export const AppInfoSchema = z
  .object({
    appVersion: z.string(),
    apiVersion: z.number().int(),
    host: z.enum(HOST_KINDS),
    engineVersion: z.string(),
    poolLayoutVersion: z.number().int(),
    databasePath: z.string(),
    /** Set when the database could not be opened as usual at start (see database-notice.ts). */
    databaseNotice: DatabaseNoticeSchema.nullable(),
    platform: z.string(),
    nodeVersion: z.string()
  })
  .strict()
export type AppInfo = z.infer<typeof AppInfoSchema>

const NoInput = z.object({}).strict()

/** Channel name (`domain:verb`) to input and output schema. */
export const labChannels = {
  'app:info': { input: NoInput, output: AppInfoSchema },
  'settings:get': { input: NoInput, output: SettingsSchema },
  'settings:set': { input: SettingsSchema.partial().strict(), output: SettingsSchema },
  'allocators:list': { input: NoInput, output: AllocatorCatalogSchema },
  'allocators:check': { input: AllocatorCheckInput, output: AllocatorCheckOutput },
  'ostep:import': { input: OstepImportInput, output: OstepImportOutput },
  'run:start': { input: RunStartInput, output: RunStartOutput },
  'run:cancel': { input: RunRef, output: RunCancelOutput },
  'run:summary': { input: RunRef, output: RunSummaryOutput },
  'run:view': { input: RunRef, output: RunViewOutput },
  'timeline:events': { input: EventsInput, output: EventsOutput },
  'timeline:metrics': { input: MetricsInput, output: MetricsOutput },
  'timeline:map': { input: MapInput, output: MapOutput },
  'timeline:structures': { input: StructuresInput, output: StructuresOutput },
  'draft:get': { input: NoInput, output: DraftGetOutput },
  'draft:save': { input: DraftSchema, output: DraftSaveOutput },
  'timeline:find': { input: FindInput, output: FindOutput },
  'timeline:step': { input: StepInput, output: StepOutput },
  'experiment:list': { input: ExperimentListInput, output: ExperimentListOutput },
  'experiment:get': { input: ExperimentGetInput, output: ExperimentDetailSchema },
  'experiment:save': { input: ExperimentSaveInput, output: ExperimentItemSchema },
  'experiment:rename': { input: ExperimentRenameInput, output: ExperimentItemSchema },
  'experiment:annotate': { input: ExperimentAnnotateInput, output: ExperimentItemSchema },
  'experiment:duplicate': { input: ExperimentDuplicateInput, output: ExperimentItemSchema },
  'experiment:delete': { input: ExperimentRef, output: ExperimentDeleteOutput },
  'experiment:restore': { input: ExperimentRef, output: ExperimentItemSchema },
  'experiment:open': { input: ExperimentRef, output: ExperimentOpenOutput },
  'experiment:rerun': { input: ExperimentRerunInput, output: ExperimentRerunOutput },
  'experiment:export-file': { input: ExperimentExportInput, output: ExperimentExportOutput },
  'experiment:import-file': { input: ExperimentImportInput, output: ExperimentItemSchema },
  'report:html': { input: ReportHtmlInput, output: ReportHtmlOutput },
  'exercise:export-sheet': { input: ExerciseSheetInput, output: ExerciseSheetOutput },
  'lessons:imported': { input: NoInput, output: ImportedLessonsOutput },
  'lessons:import-pack': { input: LessonPackImportInput, output: LessonPackImportOutput },
  'lessons:remove-imported': { input: ImportedLessonRef, output: ImportedLessonsOutput }
} as const satisfies Record<LabChannelName, { input: z.ZodType; output: z.ZodType }>

export type LabChannel = keyof typeof labChannels
export type LabInput<C extends LabChannel> = z.input<(typeof labChannels)[C]['input']>
export type LabOutput<C extends LabChannel> = z.output<(typeof labChannels)[C]['output']>

export const LAB_CHANNELS: readonly LabChannel[] = LAB_CHANNEL_NAMES

export const isLabChannel: (value: unknown) => value is LabChannel = isLabChannelName

/** Events LabService pushes to the renderer (progress and the like; later issues add more). */
export const labEvents = {
  'settings:changed': SettingsSchema,
  'run:progress': RunProgressEvent,
  'run:ended': RunEndedEvent,
  'run:finished': RunFinishedEvent
} as const satisfies Record<LabEventNameConst, z.ZodType>
export type LabEventName = keyof typeof labEvents
export type LabEventPayload<E extends LabEventName> = z.output<(typeof labEvents)[E]>

/** What every host returns for a call: errors are values, never thrown across a boundary. */
export type LabResult<T> = { ok: true; value: T } | { ok: false; error: LabErrorData }

/** Validate a call's input; throws LabError('invalid-input') naming the first bad field. */
export function parseInput<C extends LabChannel>(
  channel: C,
  input: unknown
): z.output<(typeof labChannels)[C]['input']> {
  const result = labChannels[channel].input.safeParse(input ?? {})
  if (!result.success)
    throw issuesError('invalid-input', 'service.invalidInput', channel, result.error)
  return result.data as z.output<(typeof labChannels)[C]['input']>
}

/** Validate a call's output (hosts do this before sending, so a service bug never leaks bad data). */
export function parseOutput<C extends LabChannel>(channel: C, output: unknown): LabOutput<C> {
  const result = labChannels[channel].output.safeParse(output)
  if (!result.success) throw issuesError('internal', 'service.invalidOutput', channel, result.error)
  return result.data as LabOutput<C>
}

/** The first schema issue as a translatable error naming the channel and the field. */
function issuesError(
  code: 'invalid-input' | 'internal',
  key: string,
  channel: string,
  error: z.ZodError
): LabError {
  const first = error.issues[0]
  const field = first && first.path.length > 0 ? first.path.join('.') : 'input'
  const detail = first?.message ?? 'invalid value'
  return new LabError(code, key, { channel, field, detail }, [], `${channel}: ${field}: ${detail}`)
}

/** The object the renderer talks to, whichever host it runs in. */
export interface LabApi {
  invoke<C extends LabChannel>(channel: C, input: LabInput<C>): Promise<LabOutput<C>>
  /** Subscribe to a pushed event; returns the unsubscribe function. */
  on<E extends LabEventName>(event: E, listener: (payload: LabEventPayload<E>) => void): () => void
}

/**
 * The raw transport a host gives the renderer: the preload's `window.lab` in
 * Electron, an HTTP + WebSocket client in the browser host. Results arrive as
 * LabResult values; `createLabApi` in the renderer unwraps them into LabApi.
 */
export interface LabBridge {
  invoke(channel: LabChannel, input: unknown): Promise<LabResult<unknown>>
  on(event: LabEventName, listener: (payload: unknown) => void): () => void
}

/**
 * Browser-host wire protocol (all on the page's own origin):
 *   page:   GET  /?token=SECRET           (static files need no token)
 *   call:   POST /api/invoke  {channel, input}  with header `Authorization: Bearer SECRET`
 *           -> 200 LabResult JSON (errors are values); 401/403 without a valid token or origin
 *   events: WebSocket /api/events?token=SECRET  -> text frames {event, payload}
 *   calls on that socket: text frame {call: N, channel, input} (at most
 *           WEB_SOCKET_CALL_MAX_BYTES) -> text frame {reply: N, result: LabResult};
 *           anything else closes the socket (1008). A window asks a step's
 *           maps, structures and events many times a second: one frame each
 *           way costs far less than an HTTP exchange.
 */
export const WEB_TOKEN_PARAM = 'token'
export const WEB_INVOKE_PATH = '/api/invoke'
export const WEB_EVENTS_PATH = '/api/events'
export const WEB_SOCKET_CALL_MAX_BYTES = 1024 * 1024

export const WebSocketCallSchema = z
  .object({
    call: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
    channel: z.string().max(100),
    input: z.unknown()
  })
  .strict()
