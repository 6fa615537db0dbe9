import type { LabInput, LabOutput } from '@shared/api'
import type { FamilyKind } from '@shared/allocator-catalog'
import { answerText } from '@shared/exercises/answer-text'
import {
  expectedAnswer,
  placeKind,
  type ExerciseAnswer,
  type StepTruth
} from '@shared/exercises/exercise'
import type { ExerciseQuestion } from '@shared/exercises/exercise-sheet-schemas'
import type { Locale } from '@shared/i18n/locales'
import { translator } from '@shared/i18n/translate'
import { LabError } from '@shared/lab-error'
import { MAX_EVENT_WINDOW, type TimelineEvent } from '@shared/run-schemas'
import { eventSentence, requestText } from '@shared/timeline/event-sentence'
import { cjkFontsFor } from '../reports/cjk-font'
import { markup, trusted, type SafeHtml } from '../reports/html'
import type { LabCaller } from '../reports/lab-caller'
import { reportContentSecurityPolicy } from '../reports/render-html'
import { reportStyle } from '../reports/report-style'
import { sheetStyle } from './sheet-style'

/** Lines of room to write in: a free list or a row of counts takes more than an address. */
const WRITING_LINES: Readonly<Record<ExerciseQuestion['kind'], number>> = {
  result: 1,
  examined: 1,
  freeAreas: 2,
  freeList: 2
}

/** One question with its truth from the timeline. */
interface SheetItem {
  readonly question: ExerciseQuestion
  readonly event: TimelineEvent
  readonly right: ExerciseAnswer
  readonly answer: string
  readonly sentence: string
}

/**
 * Renders a teacher's exercise sheet and its answer key for one
 * configuration of a finished run. Every answer and sentence comes from the
 * run's own timeline (timeline:events, timeline:structures) through the
 * LabApi, like a report, and both files carry everything they show.
 */
export async function renderExerciseSheets(
  lab: LabCaller,
  input: LabInput<'exercise:export-sheet'>
): Promise<LabOutput<'exercise:export-sheet'>> {
  const summary = await lab.call('run:summary', { runId: input.runId })
  const config = summary.configs.find((candidate) => candidate.config === input.config)
  if (!config || !config.summary) {
    throw refusal('config', 'this configuration has no recorded timeline')
  }
  const last = Math.max(...input.questions.map((question) => question.step))
  if (last >= config.summary.requests) {
    throw refusal(
      'questions',
      `step ${last} is past the run's last step (${config.summary.requests - 1})`
    )
  }
  const { kind, pageBytes } = await familyOf(lab, config.family, config.label)
  const events: TimelineEvent[] = []
  for (let from = 0; from <= last; from += MAX_EVENT_WINDOW) {
    const window = await lab.call('timeline:events', {
      runId: input.runId,
      config: input.config,
      from,
      count: Math.min(MAX_EVENT_WINDOW, last + 1 - from)
    })
    events.push(...window.events)
  }
  const t = translator(input.locale)
  const items: SheetItem[] = []
  for (const question of input.questions) {
    const event = events[question.step]!
    const needsStructures = question.kind === 'freeAreas' || question.kind === 'freeList'
    const structures = needsStructures
      ? await lab.call('timeline:structures', {
          runId: input.runId,
          config: input.config,
          step: question.step
        })
      : null
    const truth: StepTruth = { event, structures, family: kind }
    const right = expectedAnswer(question.kind, truth)
    if (!right) {
      throw refusal(
        'questions',
        `a ${question.kind} question does not apply to a ${config.family} allocator`
      )
    }
    items.push({
      question,
      event,
      right,
      answer: answerText(t, right, placeKind(event, kind), event.status),
      sentence: eventSentence(input.locale, event, { kind, pageBytes })
    })
  }
  const title = input.title?.trim() || summary.title || t('classroom.sheet.untitled')
  const requests = events.map((event) => requestText(input.locale, event))
  const asked = new Set(input.questions.map((question) => question.step))
  const common = { locale: input.locale, title, spec: config.label, requests, asked, t }
  return {
    sheet: page({ ...common, key: false, items }),
    answers: page({ ...common, key: true, items }),
    fileStem: fileStem(title)
  }
}

async function familyOf(
  lab: LabCaller,
  family: string,
  spec: string
): Promise<{ kind: FamilyKind; pageBytes: number }> {
  const catalog = await lab.call('allocators:list', {})
  const kind = catalog.families.find((candidate) => candidate.name === family)?.kind ?? 'heap'
  if (kind === 'heap') return { kind, pageBytes: 0 }
  const checked = await lab.call('allocators:check', { specs: [spec] })
  const page = checked.results[0]?.values?.['page']
  return { kind, pageBytes: typeof page === 'number' ? page : Number(page ?? 0) }
}

function page(options: {
  readonly locale: Locale
  readonly title: string
  readonly spec: string
  readonly requests: readonly string[]
  readonly asked: ReadonlySet<number>
  readonly items: readonly SheetItem[]
  readonly key: boolean
  readonly t: ReturnType<typeof translator>
}): string {
  const { t, key } = options
  const s = (name: string, params?: Record<string, string | number>): string =>
    t(`classroom.sheet.${name}`, params)
  const documentTitle = key
    ? s('answersDocumentTitle', { title: options.title })
    : s('documentTitle', { title: options.title })
  const footer = documentTitle
  const body = markup`
    <main class="report">
      <header class="top">
        <p class="kicker">${key ? s('answersKicker') : s('kicker')}</p>
        <h1>${options.title}</h1>
        <dl class="facts">
          ${key ? '' : markup`<dt class="write-in">${s('studentName')}</dt><dd class="write-in"></dd>`}
          <dt>${s('allocator')}</dt><dd><code>${breakableSpec(options.spec)}</code></dd>
        </dl>
        <p>${s('instructions')}</p>
      </header>
      <h2>${s('requests')}</h2>
      <ol class="requests" start="0">
        ${options.requests.map(
          (request, step) =>
            markup`<li class="${options.asked.has(step) ? 'asked' : ''}"><code>${request}</code></li>`
        )}
      </ol>
      <h2>${s('questions')}</h2>
      ${options.items.map((item, index) => questionBlock(item, index, key, s, t, options.locale))}
    </main>`
  const text = body.text
  const fonts = cjkFontsFor(text + documentTitle)
  const family = fonts[0]?.family ?? null
  const faces = fonts
    .map(
      (font) =>
        `@font-face { font-family: "${font.family}"; src: url(data:font/woff2;base64,${font.woff2Base64}) format("woff2"); font-display: block; unicode-range: ${font.unicodeRange}; }\n`
    )
    .join('')
  return markup`<!doctype html>
<html lang="${options.locale}">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="Content-Security-Policy" content="${reportContentSecurityPolicy(fonts.length > 0)}" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${documentTitle}</title>
    <style>${trusted(faces + reportStyle(family) + sheetStyle(footer, family))}</style>
  </head>
  <body>${body}</body>
</html>
`.text
}

function questionBlock(
  item: SheetItem,
  index: number,
  key: boolean,
  s: (name: string, params?: Record<string, string | number>) => string,
  t: ReturnType<typeof translator>,
  locale: Locale
): SafeHtml {
  const request = requestText(locale, item.event)
  return markup`<section class="question">
    <h3>${s('questionAt', { index: index + 1, step: item.question.step, request })}</h3>
    <p>${t(`classroom.exercise.kinds.${item.question.kind}`)}</p>
    ${
      key
        ? markup`<p><span class="muted">${s('answerLabel')}</span>${gapAfter(s('answerLabel'))}<span class="right">${item.answer}</span></p>
           <p><span class="muted">${s('whyLabel')}</span>${gapAfter(s('whyLabel'))}${item.sentence}</p>`
        : markup`<p class="answer-label">${s('answerLine')}</p>
           ${Array.from({ length: WRITING_LINES[item.question.kind] }, () => trusted('<div class="write-line"></div>'))}`
    }
  </section>`
}

/** The space between a label and its value: none after a full-width colon, which has its own. */
function gapAfter(label: string): string {
  return label.endsWith('：') ? '' : ' '
}

/** A spec breaks across lines after its commas, never inside a family's name such as first-fit. */
function breakableSpec(spec: string): SafeHtml {
  return markup`${spec.split(',').map((part, index) => (index === 0 ? part : markup`,<wbr>${part}`))}`
}

/** A refused sheet, said as every refused LabApi input is: the field and what is wrong with it. */
function refusal(field: string, detail: string): LabError {
  const channel = 'exercise:export-sheet'
  return new LabError(
    'invalid-input',
    'service.invalidInput',
    { channel, field, detail },
    [],
    `${channel}: ${field}: ${detail}`
  )
}

/** A file name stem from the title: letters, digits and dashes, never empty. */
function fileStem(title: string): string {
  const slug = title
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60)
  return slug || 'exercises'
}
