import { MAP_STATES, type MapStateName } from '@shared/vocabulary/map-states'

/** Fills (colour or pattern) by state code, and the inks a map draws with, resolved for one canvas. */
export interface MapPalette {
  readonly fills: readonly (string | CanvasPattern)[]
  readonly outline: string
  readonly changed: string
  readonly onUsed: string
  readonly text: string
  readonly font: string
}

const VARIABLES = [
  '--map-free',
  '--map-used',
  '--map-overhead',
  '--map-slack',
  '--map-cached',
  '--map-unobtained',
  '--map-ink',
  '--map-unobtained-ink',
  '--map-slack-ink',
  '--map-outline',
  '--map-changed',
  '--map-on-used',
  '--color-text',
  '--font-sans'
] as const

/**
 * Custom properties hold `light-dark(...)` as written; a probe element
 * resolves each into the colour the current theme gives it.
 */
export function resolveColours(host: Element, names: readonly string[]): Map<string, string> {
  const probe = document.createElement('span')
  probe.style.display = 'none'
  host.append(probe)
  const colours = new Map<string, string>()
  for (const name of names) {
    probe.style.color = `var(${name})`
    colours.set(name, getComputedStyle(probe).color)
  }
  probe.remove()
  return colours
}

type Tile = (ctx: CanvasRenderingContext2D, size: number, ink: string) => void

/** The pattern each state adds over its base colour. */
const TILES: Readonly<Record<MapStateName, Tile | null>> = {
  free: null,
  used: null,
  // Cross-hatch: metadata is bookkeeping, not data.
  overhead: (ctx, size, ink) => {
    ctx.strokeStyle = ink
    ctx.lineWidth = Math.max(1, size / 8)
    ctx.beginPath()
    ctx.moveTo(0, 0)
    ctx.lineTo(size, size)
    ctx.moveTo(size, 0)
    ctx.lineTo(0, size)
    ctx.stroke()
  },
  // Diagonal stripes: handed out, but nobody asked for it.
  slack: (ctx, size, ink) => {
    ctx.strokeStyle = ink
    ctx.lineWidth = Math.max(1, size / 5)
    ctx.beginPath()
    for (let offset = -size; offset <= size; offset += size) {
      ctx.moveTo(offset, size)
      ctx.lineTo(offset + size, 0)
    }
    ctx.stroke()
  },
  // Dots: free objects that keep their constructed state.
  cached: (ctx, size, ink) => {
    ctx.fillStyle = ink
    ctx.beginPath()
    ctx.arc(size / 2, size / 2, Math.max(1, size / 6), 0, Math.PI * 2)
    ctx.fill()
  },
  // Horizontal rules: address space the heap has not yet asked the system for.
  unobtained: (ctx, size, ink) => {
    ctx.fillStyle = ink
    ctx.fillRect(0, Math.floor(size / 2), size, Math.max(1, Math.round(size / 8)))
  }
}

/** Inks other than the common one, for patterns that must stay faint on their base. */
const INKS: Partial<Record<MapStateName, (typeof VARIABLES)[number]>> = {
  slack: '--map-slack-ink',
  unobtained: '--map-unobtained-ink'
}

export function mapPalette(host: Element, ctx: CanvasRenderingContext2D, dpr: number): MapPalette {
  const colours = resolveColours(host, VARIABLES)
  const colour = (name: (typeof VARIABLES)[number]): string => colours.get(name) ?? '#808080'
  const size = Math.max(4, Math.round(6 * dpr))
  const fills = MAP_STATES.map((state) => {
    const base = colour(`--map-${state}` as (typeof VARIABLES)[number])
    const tile = TILES[state]
    if (!tile) return base
    const canvas = document.createElement('canvas')
    canvas.width = size
    canvas.height = size
    const tileCtx = canvas.getContext('2d')
    if (!tileCtx) return base
    tileCtx.fillStyle = base
    tileCtx.fillRect(0, 0, size, size)
    tile(tileCtx, size, colour(INKS[state] ?? '--map-ink'))
    return ctx.createPattern(canvas, 'repeat') ?? base
  })
  const family = getComputedStyle(host).getPropertyValue('--font-sans').trim() || 'sans-serif'
  return {
    fills,
    outline: colour('--map-outline'),
    changed: colour('--map-changed'),
    onUsed: colour('--map-on-used'),
    text: colour('--color-text'),
    font: family
  }
}
