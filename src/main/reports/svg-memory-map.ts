import type { ReportMap } from '@shared/reports/report-model'
import { pixelState } from '@shared/timeline/map-pixel-text'
import { MAP_STATES, mapStateLabelKey, type MapStateName } from '@shared/vocabulary/map-states'
import { markup, trusted, type SafeHtml } from './html'
import type { ReportText } from './report-text'
import { rowRectsPath } from './svg-path'

/**
 * The look of each map state. They differ in lightness (requested darkest,
 * free white) and in pattern, so a black-and-white print and a reader who
 * cannot tell the hues apart still see five states.
 */
const STATE_LOOKS: Readonly<Record<MapStateName, { fill: string; mark: string; pattern: string }>> =
  {
    free: { fill: '#ffffff', mark: '', pattern: '' },
    used: { fill: '#1f4e79', mark: '', pattern: '' },
    overhead: {
      fill: '#e8a45c',
      mark: '#7a3e06',
      pattern: '<path d="M-1,1 l2,-2 M0,6 l6,-6 M5,7 l2,-2" stroke-width="1.4"/>'
    },
    slack: {
      fill: '#f6e7a8',
      mark: '#8a6d00',
      pattern: '<circle cx="3" cy="3" r="1.1"/>'
    },
    cached: {
      fill: '#9fd3c9',
      mark: '#1e6458',
      pattern: '<path d="M0,3 h6 M3,0 v6" stroke-width="1"/>'
    },
    // Beyond a growing heap's break: not memory the allocator has yet.
    unobtained: {
      fill: '#d9dde3',
      mark: '#8a93a0',
      pattern: '<path d="M0,0 l6,6 M6,0 l-6,6" stroke-width="0.8"/>'
    }
  }

/** Fill of a state: its pattern when it has one (defined once in `mapPatternDefs`). */
function stateFill(state: MapStateName): string {
  return STATE_LOOKS[state].pattern ? `url(#map-${state})` : STATE_LOOKS[state].fill
}

/** The patterns, in a hidden SVG every map of the document refers to by fragment. */
export function mapPatternDefs(): SafeHtml {
  const patterns = MAP_STATES.filter((state) => STATE_LOOKS[state].pattern).map((state) => {
    const look = STATE_LOOKS[state]
    // The marks are our own constant markup, so they go in as they are.
    const marks = look.pattern.replace(
      /<(path|circle)/g,
      `<$1 stroke="${look.mark}" fill="${look.mark}"`
    )
    return `<pattern id="map-${state}" width="6" height="6" patternUnits="userSpaceOnUse"><rect width="6" height="6" fill="${look.fill}"/>${marks}</pattern>`
  })
  return markup`<svg class="defs" width="0" height="0" aria-hidden="true" focusable="false">
    <defs>${trusted(patterns.join(''))}</defs>
  </svg>`
}

const STRIP_HEIGHT = 26
const MIXED_HEIGHT = 5

/** One map as a strip: runs of pixels in one state become one rectangle, in one path per state. */
export function renderMapStrip(map: ReportMap, description: string): SafeHtml {
  const { width, dominant, mixed } = map.pixels
  const byState = new Map<MapStateName, [number, number][]>()
  let start = 0
  for (let i = 1; i <= width; i++) {
    if (i < width && dominant[i] === dominant[start]) continue
    const state = pixelState(dominant, start)
    const runs = byState.get(state) ?? []
    runs.push([start, i - start])
    byState.set(state, runs)
    start = i
  }
  const marks: [number, number][] = []
  for (let i = 0; i < width; i++) {
    if (mixed[i] !== '1') continue
    let end = i
    while (end + 1 < width && mixed[end + 1] === '1') end++
    marks.push([i, end - i + 1])
    i = end
  }
  const strips = MAP_STATES.filter((state) => byState.has(state)).map(
    (state) =>
      markup`<path
        fill="${stateFill(state)}"
        d="${rowRectsPath(byState.get(state)!, MIXED_HEIGHT + 1, STRIP_HEIGHT)}"
      />`
  )
  const mixedPath =
    marks.length > 0
      ? markup`<path class="mixed" d="${rowRectsPath(marks, 0, MIXED_HEIGHT)}" />`
      : null
  const height = STRIP_HEIGHT + MIXED_HEIGHT + 2
  return markup`<svg
    class="map"
    viewBox="0 0 ${width} ${height}"
    preserveAspectRatio="none"
    role="img"
    aria-label="${description}"
  >
    <title>${description}</title>
    ${mixedPath}${strips}
    <rect
      class="map-frame"
      x="0"
      y="${MIXED_HEIGHT + 1}"
      width="${width}"
      height="${STRIP_HEIGHT}"
    />
  </svg>`
}

/** The legend: a swatch of every state, and the mark of a mixed pixel. */
export function renderMapLegend(text: ReportText): SafeHtml {
  const items = MAP_STATES.map(
    (state) =>
      markup`<li>
        <svg class="swatch" viewBox="0 0 18 12" aria-hidden="true">
          <rect
            x="0.5"
            y="0.5"
            width="17"
            height="11"
            fill="${stateFill(state)}"
            stroke="#555"
            stroke-width="0.6"
          /></svg
        >${text.t(mapStateLabelKey(state))}
      </li>`
  )
  return markup`<ul class="legend map-legend" aria-label="${text.r('map.legend')}">
    ${items}
    <li>
      <svg class="swatch" viewBox="0 0 18 12" aria-hidden="true">
        <rect class="mixed" x="0" y="3" width="18" height="5" /></svg
      >${text.r('map.mixed')}
    </li>
  </ul>`
}
