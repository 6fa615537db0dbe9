import {
  columnsOf,
  firstRangeEnding,
  type MapColumns,
  type MapImage
} from '@renderer/replay/map-image'
import { xOf, type MapViewport } from '@renderer/replay/map-viewport'
import type { MapPalette } from './map-palette'

/** A block drawn as an outline over the fills, optionally labelled ("o9", a handle). */
export interface MapOutline {
  readonly start: number
  readonly length: number
  readonly label?: string
}

/** A slab as the slab lane draws it: its pages and how full it is. */
export interface MapSlab {
  readonly start: number
  readonly length: number
  readonly inUse: number
  readonly total: number
}

export interface MapScene {
  readonly image: MapImage | null
  readonly view: MapViewport
  readonly changed: readonly { start: number; end: number }[]
  readonly outlines: readonly MapOutline[]
  readonly slabs: readonly MapSlab[] | null
  /** Byte under the pointer, for a cursor line. */
  readonly cursor: number | null
}

/** Rows of a map canvas, in CSS pixels from the top. */
export const MAP_LAYOUT = {
  bandTop: 0,
  bandHeight: 40,
  changeTop: 43,
  changeHeight: 6,
  slabTop: 52,
  slabHeight: 10,
  height: 50,
  heightWithSlabs: 63
} as const

/** The columns last worked out per image: a step draws its map twice (the map, then its outlines). */
const lastColumns = new WeakMap<
  MapImage,
  {
    readonly start: number
    readonly span: number
    readonly width: number
    readonly columns: MapColumns
  }
>()

function columnsFor(image: MapImage, view: MapViewport, width: number): MapColumns {
  const known = lastColumns.get(image)
  if (known && known.start === view.start && known.span === view.span && known.width === width)
    return known.columns
  const columns = columnsOf(image, view, width)
  lastColumns.set(image, { start: view.start, span: view.span, width, columns })
  return columns
}

/**
 * One renderer for every memory map pane (Perfetto's habit): fills by
 * device-pixel column from the ranges or the service's pixels, then block
 * outlines and labels, what the step changed, the slab lane and the
 * cursor. Works in device pixels throughout, so lines stay crisp on HiDPI.
 */
export function paintMap(
  ctx: CanvasRenderingContext2D,
  scene: MapScene,
  palette: MapPalette,
  cssWidth: number,
  dpr: number
): void {
  const width = Math.max(1, Math.round(cssWidth * dpr))
  const y = (css: number): number => Math.round(css * dpr)
  const bandTop = y(MAP_LAYOUT.bandTop)
  const bandHeight = y(MAP_LAYOUT.bandHeight)
  ctx.save()
  ctx.setTransform(1, 0, 0, 1, 0, 0)
  ctx.clearRect(0, 0, ctx.canvas.width, ctx.canvas.height)
  if (!scene.image) {
    ctx.restore()
    return
  }
  const columns = columnsFor(scene.image, scene.view, width)
  // Runs of one state are filled as one rectangle, so a million frames cost a few hundred fills.
  let runStart = 0
  for (let x = 1; x <= width; x++) {
    if (x < width && columns.state[x] === columns.state[runStart]) continue
    ctx.fillStyle = palette.fills[columns.state[runStart]!] ?? palette.fills[0]!
    ctx.fillRect(runStart, bandTop, x - runStart, bandHeight)
    runStart = x
  }
  // A column of several states gets a tick on top: the fill is only its largest share.
  ctx.fillStyle = palette.outline
  const tick = Math.max(1, y(3))
  for (let x = 0; x < width; x++) if (columns.mixed[x]) ctx.fillRect(x, bandTop, 1, tick)

  const px = (byte: number): number => xOf(scene.view, width, byte)
  paintOutlines(ctx, scene, palette, width, dpr, px)
  if (scene.image.kind === 'exact') paintBlockEdges(ctx, scene, palette, dpr, px)
  paintChanges(ctx, scene, palette, width, dpr, px)
  if (scene.slabs) paintSlabs(ctx, scene.slabs, palette, width, dpr, px)
  if (scene.cursor !== null) {
    ctx.fillStyle = palette.outline
    ctx.fillRect(Math.round(px(scene.cursor)), 0, Math.max(1, Math.round(dpr)), ctx.canvas.height)
  }
  ctx.restore()
}

function paintOutlines(
  ctx: CanvasRenderingContext2D,
  scene: MapScene,
  palette: MapPalette,
  width: number,
  dpr: number,
  px: (byte: number) => number
): void {
  const top = Math.round(MAP_LAYOUT.bandTop * dpr)
  const height = Math.round(MAP_LAYOUT.bandHeight * dpr)
  const line = Math.max(1, Math.round(dpr))
  ctx.strokeStyle = palette.outline
  ctx.lineWidth = line
  ctx.font = `${Math.round(11 * dpr)}px ${palette.font}`
  ctx.textBaseline = 'middle'
  for (const outline of scene.outlines) {
    const left = px(outline.start)
    const right = px(outline.start + outline.length)
    if (right < 0 || left > width || right - left < 2 * line) continue
    const x0 = Math.max(-line, Math.round(left)) + line / 2
    const x1 = Math.min(width + line, Math.round(right)) - line / 2
    ctx.strokeRect(x0, top + line / 2, Math.max(line, x1 - x0), height - line)
    if (outline.label && x1 - x0 > 28 * dpr) {
      const text = fitText(ctx, outline.label, x1 - x0 - 8 * dpr)
      if (text) {
        ctx.fillStyle = palette.text
        ctx.fillText(text, x0 + 4 * dpr, top + height - Math.round(9 * dpr))
      }
    }
  }
}

/** Edges between owners (exact ranges): a thin line where one block ends, and the handle inside when it fits. */
function paintBlockEdges(
  ctx: CanvasRenderingContext2D,
  scene: MapScene,
  palette: MapPalette,
  dpr: number,
  px: (byte: number) => number
): void {
  if (scene.image?.kind !== 'exact') return
  const ranges = scene.image.ranges
  const top = Math.round(MAP_LAYOUT.bandTop * dpr)
  const height = Math.round(MAP_LAYOUT.bandHeight * dpr)
  const line = Math.max(1, Math.round(dpr))
  const end = scene.view.start + scene.view.span
  ctx.font = `600 ${Math.round(12 * dpr)}px ${palette.font}`
  ctx.textBaseline = 'middle'
  let blockStart = -1
  let owner: string | null = null
  const finish = (stop: number): void => {
    if (owner === null || blockStart < 0) return
    const left = px(blockStart)
    const right = px(stop)
    if (right - left >= 3 * line) {
      ctx.fillStyle = palette.outline
      ctx.fillRect(Math.round(left), top, line, height)
      ctx.fillRect(Math.round(right) - line, top, line, height)
    }
    if (right - left > 24 * dpr) {
      const text = fitText(ctx, owner, right - left - 8 * dpr)
      if (text) {
        const x = Math.max(left, 0) + 4 * dpr
        ctx.fillStyle = palette.onUsed
        ctx.fillText(text, x, top + Math.round(12 * dpr))
      }
    }
  }
  for (let r = firstRangeEnding(ranges, scene.view.start); r < ranges.length; r++) {
    const range = ranges[r]!
    if (range.start >= end) break
    if (range.handle !== owner) {
      finish(range.start)
      owner = range.handle
      blockStart = range.start
    }
  }
  const last = ranges.at(-1)
  finish(Math.min(end, last ? last.start + last.length : end))
}

function paintChanges(
  ctx: CanvasRenderingContext2D,
  scene: MapScene,
  palette: MapPalette,
  width: number,
  dpr: number,
  px: (byte: number) => number
): void {
  if (scene.changed.length === 0) return
  const laneTop = Math.round(MAP_LAYOUT.changeTop * dpr)
  const laneHeight = Math.round(MAP_LAYOUT.changeHeight * dpr)
  const bandTop = Math.round(MAP_LAYOUT.bandTop * dpr)
  const bandHeight = Math.round(MAP_LAYOUT.bandHeight * dpr)
  const line = Math.max(2, Math.round(2 * dpr))
  ctx.fillStyle = palette.changed
  ctx.strokeStyle = palette.changed
  ctx.lineWidth = line
  for (const span of scene.changed) {
    let left = Math.round(px(span.start))
    let right = Math.round(px(span.end))
    if (right < 0 || left > width) continue
    // However small the change, it shows: at least a few device pixels wide.
    if (right - left < 3 * line) {
      const middle = (left + right) / 2
      left = Math.round(middle - 1.5 * line)
      right = Math.round(middle + 1.5 * line)
    }
    ctx.fillRect(left, laneTop, right - left, laneHeight)
    ctx.strokeRect(left + line / 2, bandTop + line / 2, right - left - line, bandHeight - line)
  }
}

function paintSlabs(
  ctx: CanvasRenderingContext2D,
  slabs: readonly MapSlab[],
  palette: MapPalette,
  width: number,
  dpr: number,
  px: (byte: number) => number
): void {
  const top = Math.round(MAP_LAYOUT.slabTop * dpr)
  const height = Math.round(MAP_LAYOUT.slabHeight * dpr)
  const line = Math.max(1, Math.round(dpr))
  for (const slab of slabs) {
    const left = Math.round(px(slab.start))
    const right = Math.round(px(slab.start + slab.length))
    if (right < 0 || left > width) continue
    const w = Math.max(line, right - left)
    ctx.fillStyle = palette.fills[4]!
    ctx.fillRect(left, top, w, height)
    const full = slab.total > 0 ? slab.inUse / slab.total : 0
    ctx.fillStyle = palette.fills[1]!
    ctx.fillRect(left, top, Math.round(w * full), height)
    if (w > 3 * line) {
      ctx.strokeStyle = palette.outline
      ctx.lineWidth = line
      ctx.strokeRect(left + line / 2, top + line / 2, w - line, height - line)
    }
  }
}

/** `text`, or as much of it as fits in `room` device pixels with an ellipsis; '' when nothing does. */
function fitText(ctx: CanvasRenderingContext2D, text: string, room: number): string {
  if (ctx.measureText(text).width <= room) return text
  for (let n = text.length - 1; n > 0; n--) {
    const cut = `${text.slice(0, n)}…`
    if (ctx.measureText(cut).width <= room) return cut
  }
  return ''
}
