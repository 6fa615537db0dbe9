import type { ReportChart, ReportSeries } from '@shared/reports/report-model'
import { METRICS } from '@shared/vocabulary/metrics'
import { niceTicks } from './chart-scale'
import { markup, type SafeHtml } from './html'
import type { ReportText } from './report-text'
import { seriesStyle } from './series-style'
import { polylinePath } from './svg-path'

const WIDTH = 560
const HEIGHT = 230
const LEFT = 70
const RIGHT = 14
const TOP = 12
const BOTTOM = 40

/** One coordinate, to a tenth of a unit: enough for print, and a small file. */
function n(value: number): string {
  return String(Math.round(value * 10) / 10)
}

/**
 * One metric over requests as an inline SVG line chart: a line per
 * configuration (the highest value in each bucket), the band from lowest to
 * highest where a bucket spans more than one value, axes with the metric's
 * unit, and a legend with each configuration's colour and dash pattern.
 */
export function renderLineChart(
  chart: ReportChart,
  names: ReadonlyMap<number, string>,
  text: ReportText
): SafeHtml {
  const unit = METRICS[chart.metric].unit
  const label = text.metricLabel(chart.metric)
  const last = Math.max(1, chart.requests - 1)
  let high = 0
  let low = 0
  for (const series of chart.series) {
    for (const value of series.max) if (value > high) high = value
    for (const value of series.min) if (value < low) low = value
  }
  const yTicks = niceTicks(low, high, unit)
  const yMin = yTicks[0]!
  const yMax = yTicks.at(-1)!
  const xTicks = niceTicks(0, last, 'count').filter((tick) => tick <= last)
  const plotW = WIDTH - LEFT - RIGHT
  const plotH = HEIGHT - TOP - BOTTOM
  const x = (step: number): number => LEFT + (step / last) * plotW
  const y = (value: number): number => TOP + plotH - ((value - yMin) / (yMax - yMin || 1)) * plotH

  const grid = yTicks.map(
    (tick) =>
      markup`<line
          class="grid"
          x1="${LEFT}"
          x2="${WIDTH - RIGHT}"
          y1="${n(y(tick))}"
          y2="${n(y(tick))}"
        /><text class="tick" x="${LEFT - 6}" y="${n(y(tick) + 4)}" text-anchor="end"
          >${text.metric(chart.metric, tick)}</text
        >`
  )
  const xAxis = xTicks.map(
    (tick) =>
      markup`<line
          class="axis"
          x1="${n(x(tick))}"
          x2="${n(x(tick))}"
          y1="${TOP + plotH}"
          y2="${TOP + plotH + 4}"
        /><text class="tick" x="${n(x(tick))}" y="${TOP + plotH + 16}" text-anchor="middle"
          >${text.count(tick)}</text
        >`
  )
  const lines = chart.series.map((series) => seriesPath(series, x, y))
  const description = text.r('chart.description', { metric: label, last: text.count(last) })
  const unitName = text.r(`chart.axisUnit.${unit}`)
  return markup`<figure class="chart">
    <figcaption>
      <strong>${text.r('chart.title', { metric: label })}</strong>
      <span class="unit">(${unitName})</span>
    </figcaption>
    <svg
      class="plot"
      viewBox="0 0 ${WIDTH} ${HEIGHT}"
      role="img"
      aria-label="${description}"
      preserveAspectRatio="xMidYMid meet"
    >
      <title>${description}</title>
      ${grid}
      <line
        class="axis"
        x1="${LEFT}"
        x2="${WIDTH - RIGHT}"
        y1="${TOP + plotH}"
        y2="${TOP + plotH}"
      />
      <line class="axis" x1="${LEFT}" x2="${LEFT}" y1="${TOP}" y2="${TOP + plotH}" />
      ${xAxis}
      <text class="axis-title" x="${LEFT + plotW / 2}" y="${HEIGHT - 4}" text-anchor="middle">
        ${text.r('chart.axisRequests')}
      </text>
      <text
        class="axis-title"
        x="12"
        y="${TOP + plotH / 2}"
        text-anchor="middle"
        transform="rotate(-90 12 ${TOP + plotH / 2})"
      >
        ${unitName}
      </text>
      ${lines}
    </svg>
    ${renderLegend(
      chart.series.map((series) => series.config),
      names
    )}
    <p class="note">${chartNote(chart, text)}</p>
  </figure>`
}

function seriesPath(
  series: ReportSeries,
  x: (step: number) => number,
  y: (value: number) => number
): SafeHtml {
  const style = seriesStyle(series.config)
  const centre = (series.bucketSize - 1) / 2
  const xs = series.start.map((start) => x(start + centre))
  const top = xs.map((px, i): [number, number] => [px, y(series.max[i]!)])
  // The band is drawn as one bar per bucket whose values spread, as wide as a bucket:
  // solid where the run varied, nothing where the line alone says it all.
  const spread = xs.flatMap((px, i) => {
    const low = y(series.min[i]!)
    const high = top[i]![1]
    return low - high >= 0.1 ? [`M${n(px)} ${n(high)}V${n(low)}`] : []
  })
  const barWidth = Math.max(1, xs.length > 1 ? (xs.at(-1)! - xs[0]!) / (xs.length - 1) : 1)
  const band =
    spread.length > 0
      ? markup`<path
          class="band"
          stroke="${style.colour}"
          stroke-width="${n(barWidth)}"
          d="${spread.join('')}"
        />`
      : null
  const dash = style.dash ? markup` stroke-dasharray="${style.dash}"` : null
  const line =
    top.length === 1
      ? markup`<circle cx="${n(top[0]![0])}" cy="${n(top[0]![1])}" r="2.5" fill="${style.colour}" />`
      : markup`<path class="line" stroke="${style.colour}" ${dash} d="${polylinePath(top)}" />`
  return markup`${band}${line}`
}

/** A legend line for each configuration, drawn with its own colour and dash. */
export function renderLegend(
  configs: readonly number[],
  names: ReadonlyMap<number, string>
): SafeHtml {
  const items = configs.map((config) => {
    const style = seriesStyle(config)
    const dash = style.dash ? markup` stroke-dasharray="${style.dash}"` : null
    return markup`<li>
      <svg class="swatch" viewBox="0 0 28 10" aria-hidden="true">
        <line
          x1="1"
          x2="27"
          y1="5"
          y2="5"
          stroke="${style.colour}"
          stroke-width="2.2"
          ${dash}
        /></svg
      >${names.get(config) ?? `#${config + 1}`}
    </li>`
  })
  return markup`<ul class="legend">
    ${items}
  </ul>`
}

function chartNote(chart: ReportChart, text: ReportText): string {
  const bucket = Math.max(1, ...chart.series.map((series) => series.bucketSize))
  const stride = Math.max(1, ...chart.series.map((series) => series.stride))
  const parts: string[] = []
  if (bucket > 1) parts.push(text.r('chart.buckets', { size: text.count(bucket) }))
  else if (stride <= 1) parts.push(text.r('chart.exact'))
  if (stride > 1) parts.push(text.r('chart.sampledEvery', { stride: text.count(stride) }))
  return parts.join(' ')
}
