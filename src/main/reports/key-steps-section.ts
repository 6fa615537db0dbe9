import type { KeyStep, ReportConfig, TimelineEvent } from '@shared/reports/report-model'
import type { StructuralDetail } from '@shared/run-schemas'
import { structuralSentence } from '@shared/timeline/structural-sentence'
import type { MessageParams } from '@shared/i18n/translate'
import { markup, type SafeHtml } from './html'
import type { ReportText } from './report-text'
import { grantsMemory, outcomeText, placeText, requestText } from './request-text'

/** Each configuration's key steps: what happened, why, and the requests around it. */
export function renderKeySteps(config: ReportConfig, text: ReportText): SafeHtml {
  if (!config.recorded) return markup`<p class="muted">${text.r('keySteps.noTimeline')}</p>`
  const summary = config.summary
  const quiet: string[] = []
  if (summary && summary.failures === 0) quiet.push(text.r('keySteps.noFailure'))
  if (summary && summary.peaks.externalFragmentation.value === 0)
    quiet.push(text.r('keySteps.noExternal'))
  if (summary && summary.peaks.internalFragmentation.value === 0)
    quiet.push(text.r('keySteps.noInternal'))
  return markup`${config.keySteps.map((step) => renderKeyStep(step, text))}${quiet.map((line) => markup`<p class="muted">${line}</p>`)}`
}

function renderKeyStep(step: KeyStep, text: ReportText): SafeHtml {
  const event = step.event
  const failure = step.kind === 'firstFailure' || step.kind === 'largestFailed'
  const request = event
    ? text.r('keySteps.request', {
        step: text.count(step.step),
        line: event.line,
        request: requestText(event)
      })
    : null
  const details = (event?.structural ?? []).filter((s): s is StructuralDetail => !('count' in s))
  return markup`<article class="key-step${failure ? ' failure' : ''}">
    <h4>${text.r(`keySteps.${step.kind}`)} — ${headline(step, text)}</h4>
    ${request ? markup`<p>${request}</p>` : null}
    <p>${explanation(step, text)}</p>
    ${
      details.length > 0
        ? markup`<ul class="structural">
            ${details.map((d) => markup`<li>${structuralSentence(text.locale, d)}</li>`)}
          </ul>`
        : null
    }
    ${step.around.length > 0 ? eventsTable(step, text) : null}
  </article>`
}

function headline(step: KeyStep, text: ReportText): string {
  switch (step.kind) {
    case 'firstFailure':
    case 'largestFailed':
      return text.bytes(step.value)
    case 'peakExternal':
      return text.metric('externalFragmentation', step.value)
    case 'peakInternal':
      return text.metric('internalFragmentation', step.value)
  }
}

function explanation(step: KeyStep, text: ReportText): string {
  const f = step.figures
  const has = (...values: (number | undefined)[]): boolean => values.every((v) => v !== undefined)
  const bytes = (value: number | undefined): string => text.bytes(value ?? 0)
  const scattered: MessageParams = {
    freeBytes: bytes(f.freeBytes),
    freeBlocks: text.count(f.freeBlocks ?? 0),
    largestFree: bytes(f.largestFree)
  }
  switch (step.kind) {
    case 'firstFailure': {
      const status = step.event?.status
      if (status !== 'no-memory' && status !== 'fragmented') return ''
      const detailed =
        status === 'no-memory' ? has(f.freeBytes) : has(f.freeBytes, f.freeBlocks, f.largestFree)
      return detailed
        ? text.r(`keySteps.failedBecause.${status}`, { ...scattered, size: text.bytes(step.value) })
        : text.r(`keySteps.failedBare.${status}`)
    }
    case 'largestFailed': {
      const status = step.event?.status
      const cause = status === 'no-memory' || status === 'fragmented' ? status : 'no-memory'
      return text.r('keySteps.largestFailedText', {
        size: text.bytes(step.value),
        step: text.count(step.step),
        cause: text.r(`keySteps.cause.${cause}`)
      })
    }
    case 'peakExternal': {
      const value = text.metric('externalFragmentation', step.value)
      return has(f.freeBytes, f.freeBlocks, f.largestFree)
        ? text.r('keySteps.externalText', { ...scattered, value })
        : text.r('keySteps.externalBare', { value })
    }
    case 'peakInternal': {
      const value = text.bytes(step.value)
      return has(f.requestedLive, f.allocatedLive)
        ? text.r('keySteps.internalText', {
            value,
            requested: bytes(f.requestedLive),
            allocated: bytes(f.allocatedLive)
          })
        : text.r('keySteps.internalBare', { value })
    }
  }
}

function eventsTable(step: KeyStep, text: ReportText): SafeHtml {
  const c = (key: string): string => text.r(`keySteps.column.${key}`)
  const rows = step.around.map((event: TimelineEvent) => {
    const key = event.step === step.step
    return markup`<tr${key ? markup` class="key"` : null}><td class="num">${key ? markup`<span class="marker" aria-hidden="true">▶ </span>` : null}${text.count(event.step)}</td><td class="num">${event.line}</td><td><code>${requestText(event)}</code></td><td>${outcomeText(event, text)}</td><td class="num">${grantsMemory(event) ? placeText(event) : ''}</td><td class="num">${grantsMemory(event) ? text.bytes(event.granted) : ''}</td><td class="num">${text.count(event.cost.examined)}</td></tr>`
  })
  return markup`<div class="table-wrap">
    <table class="events" aria-label="${text.r('keySteps.window')}">
      <thead>
        <tr>
          <th class="num" scope="col">${c('step')}</th>
          <th class="num" scope="col">${c('line')}</th>
          <th scope="col">${c('request')}</th>
          <th scope="col">${c('status')}</th>
          <th class="num" scope="col">${c('place')}</th>
          <th class="num" scope="col">${c('granted')}</th>
          <th class="num" scope="col">${c('examined')}</th>
        </tr>
      </thead>
      <tbody>
        ${rows}
      </tbody>
    </table>
  </div>`
}
