import type { ReportConfig, ReportMap, ReportModel } from '@shared/reports/report-model'
import { runStatusLabelKey } from '@shared/vocabulary/run-statuses'
import type { EmbeddedFont } from './cjk-font'
import { markup, trusted, type SafeHtml } from './html'
import { reportStyle } from './report-style'
import { reportText, type ReportText } from './report-text'
import { renderFinalStructures } from './proc-tables'
import { renderKeySteps } from './key-steps-section'
import { renderLineChart } from './svg-line-chart'
import { mapPatternDefs, renderMapLegend, renderMapStrip } from './svg-memory-map'
import {
  renderConfigurationsTable,
  renderCostTable,
  renderSummaryTable,
  renderTimingTable
} from './summary-tables'

export interface RenderHtmlOptions {
  /** Font faces carried inside the report for the characters it shows (see cjk-font.ts). */
  readonly fonts?: readonly EmbeddedFont[]
}

/** A unicode-range value and nothing else, before it goes into the stylesheet. */
const UNICODE_RANGE = /^[Uu+0-9a-fA-F?,\s-]+$/

/**
 * The policy the report sets for itself: nothing may load — no script, no
 * frame, no fetch, no image or font from anywhere but the file itself — so
 * even a scenario written to attack its reader cannot make it reach out.
 */
export function reportContentSecurityPolicy(withFont: boolean): string {
  const font = withFont ? '; font-src data:' : ''
  return `default-src 'none'; style-src 'unsafe-inline'; img-src data:${font}; base-uri 'none'; form-action 'none'`
}

/** The report as one self-contained HTML document (inline CSS and SVG, nothing external). */
export function renderReportHtml(model: ReportModel, options: RenderHtmlOptions = {}): string {
  const text = reportText(model.locale)
  const fonts = (options.fonts ?? []).filter((font) => UNICODE_RANGE.test(font.unicodeRange))
  const family = fonts[0]?.family ?? null
  const title = model.experiment?.name || model.scenario.title
  const fontFaces = fonts
    .map(
      (font) =>
        `@font-face { font-family: "${family}"; src: url(data:font/woff2;base64,${font.woff2Base64}) format("woff2"); font-display: block; unicode-range: ${font.unicodeRange}; }\n`
    )
    .join('')
  const sections: { id: string; title: string; body: SafeHtml; major?: boolean }[] = [
    ...(model.experiment
      ? [
          {
            id: 'experiment',
            title: text.r('section.experiment'),
            body: experimentFacts(model, text)
          }
        ]
      : []),
    { id: 'scenario', title: text.r('section.scenario'), body: scenarioBlock(model, text) },
    {
      id: 'configurations',
      title: text.r('section.configurations'),
      body: renderConfigurationsTable(model.configs, text)
    },
    {
      id: 'summary',
      title: text.r('section.summary'),
      body: renderSummaryTable(model.configs, text),
      major: true
    },
    { id: 'cost', title: text.r('section.cost'), body: renderCostTable(model.configs, text) },
    { id: 'timing', title: text.r('section.timing'), body: renderTimingTable(model.configs, text) },
    { id: 'charts', title: text.r('section.charts'), body: chartsBlock(model, text), major: true },
    { id: 'maps', title: text.r('section.maps'), body: mapsBlock(model, text), major: true },
    {
      id: 'key-steps',
      title: text.r('section.keySteps'),
      body: perConfig(model.configs, text, renderKeySteps, text.r('keySteps.caption')),
      major: true
    },
    {
      id: 'final',
      title: text.r('section.final'),
      body: perConfig(model.configs, text, renderFinalStructures),
      major: true
    }
  ]
  const date = new Intl.DateTimeFormat(model.locale, {
    dateStyle: 'long',
    timeStyle: 'short'
  }).format(new Date(model.generatedAt))
  const document = markup`<!doctype html>
    <html lang="${model.locale}">
      <head>
        <meta charset="utf-8" />
        <meta
          http-equiv="Content-Security-Policy"
          content="${reportContentSecurityPolicy(fonts.length > 0)}"
        />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="generator" content="AllocLab ${model.appVersion}" />
        <title>${text.r('documentTitle', { title })}</title>
        <style>
          ${trusted(fontFaces + reportStyle(family))}
        </style>
      </head>
      <body>
        ${mapPatternDefs()}
        <main class="report">
          <header class="top">
            <p class="kicker">${text.r('heading')}</p>
            <h1>${title}</h1>
            ${model.experiment ? null : overviewFacts(model, text)}
            <p class="note">
              ${text.r('madeBy', { appVersion: model.appVersion, engineVersion: model.engineVersion, date })}
              ${text.r('selfContained')}
            </p>
          </header>
          <nav class="toc" aria-label="${text.r('contents')}">
            <h2>${text.r('contents')}</h2>
            <ol>
              ${sections.map((s) => markup`<li><a href="#${s.id}">${s.title}</a></li>`)}
            </ol>
          </nav>
          ${sections.map(
            (s) =>
              markup`<section id="${s.id}" ${s.major ? markup` class="major"` : null}>
                <h2>${s.title}</h2>
                ${s.body}
              </section> `
          )}
        </main>
      </body>
    </html> `
  return document.text
}

function overviewFacts(model: ReportModel, text: ReportText): SafeHtml {
  return markup`<dl class="facts">
    <dt>${text.r('experiment.status')}</dt>
    <dd>${text.t(runStatusLabelKey(model.status))}</dd>
    <dt>${text.r('experiment.requests')}</dt>
    <dd>${text.count(model.requests)}</dd>
  </dl>`
}

function experimentFacts(model: ReportModel, text: ReportText): SafeHtml {
  const experiment = model.experiment!
  return markup`<dl class="facts">
    <dt>${text.r('experiment.name')}</dt>
    <dd>${experiment.name}</dd>
    ${
      experiment.notes
        ? markup`<dt>${text.r('experiment.notes')}</dt>
            <dd class="notes">${experiment.notes}</dd>`
        : null
    }
    ${
      experiment.tags.length > 0
        ? markup`<dt>${text.r('experiment.tags')}</dt>
            <dd>
              <ul class="tags">
                ${experiment.tags.map((tag) => markup`<li>${tag}</li>`)}
              </ul>
            </dd>`
        : null
    }
    <dt>${text.r('experiment.status')}</dt>
    <dd>${text.t(runStatusLabelKey(model.status))}</dd>
    <dt>${text.r('experiment.requests')}</dt>
    <dd>${text.count(model.requests)}</dd>
  </dl>`
}

/** The scenario, one span per line so the stylesheet can number them (numbers are not copied). */
function scenarioBlock(model: ReportModel, text: ReportText): SafeHtml {
  const { shown, lines, shownLines } = model.scenario
  const body = shown.replace(/\n$/, '').split('\n')
  // The newline goes in as a value: nothing may reflow the text of a <pre>.
  return markup`<pre class="scenario">${body.map((line) => markup`<span>${line}${'\n'}</span>`)}</pre>
    ${shownLines < lines ? markup`<p class="note">${text.r('scenario.truncated', { lines: text.count(lines), shown: text.count(shownLines) })}</p>` : null}`
}

function configNames(model: ReportModel, text: ReportText): Map<number, string> {
  return new Map(model.configs.map((config) => [config.config, text.configName(config)]))
}

function chartsBlock(model: ReportModel, text: ReportText): SafeHtml {
  const names = configNames(model, text)
  const missing = model.configs
    .filter((config) => !config.recorded)
    .map(
      (config) =>
        markup`<p class="muted">
          ${text.r('chart.noTimeline', { config: text.configName(config) })}
        </p>`
    )
  const charts = model.charts.filter((chart) => chart.series.length > 0)
  return markup`${missing}${charts.length > 0 ? markup`<div class="charts">${charts.map((chart) => renderLineChart(chart, names, text))}</div>` : null}`
}

function mapWhen(map: ReportMap, text: ReportText): string {
  const at =
    map.step < 0 ? text.r('map.before') : text.r('map.after', { step: text.count(map.step) })
  const reasons = map.reasons.map((reason) => text.r(`map.reason.${reason}`))
  return `${at} (${reasons.join(', ')})`
}

function mapsBlock(model: ReportModel, text: ReportText): SafeHtml {
  const body = model.configs.map((config) => {
    if (!config.recorded || config.maps.length === 0) {
      return markup`<h3 title="${config.label}">${text.configName(config)}</h3>
        <p class="muted">${text.r('keySteps.noTimeline')}</p>`
    }
    const figures = config.maps.map((map) => {
      const when = mapWhen(map, text)
      const description = text.r('map.description', { config: text.configName(config), when })
      return markup`<figure class="map">
        <figcaption>${when}</figcaption>
        ${renderMapStrip(map, description)}
        <div class="scale">
          <span>0</span
          ><span
            >${text.r('map.scale', { pool: text.bytes(map.poolBytes), perPixel: text.bytes(map.pixels.bytesPerPixel) })}</span
          ><span>${text.bytes(map.poolBytes)}</span>
        </div>
      </figure>`
    })
    return markup`<h3 title="${config.label}">${text.configName(config)}</h3>
      ${figures}`
  })
  return markup`<p class="note">${text.r('map.caption')}</p>
    ${renderMapLegend(text)}${body}`
}

function perConfig(
  configs: readonly ReportConfig[],
  text: ReportText,
  render: (config: ReportConfig, text: ReportText) => SafeHtml,
  caption?: string
): SafeHtml {
  return markup`${caption ? markup`<p class="note">${caption}</p>` : null}${configs.map(
    (config) =>
      markup`<h3 title="${config.label}">${text.configName(config)}</h3>
        ${render(config, text)}`
  )}`
}
