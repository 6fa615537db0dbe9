/**
 * How each configuration's line looks. Colours (Okabe and Ito's palette, told
 * apart by most colour-blind readers) are paired with dash patterns, so
 * lines stay distinct printed in black and white. Sixteen configurations get
 * sixteen different pairs.
 */
const COLOURS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#e69f00',
  '#56b4e9',
  '#000000',
  '#8c6d1f'
] as const

const DASHES = ['', '7 4', '2 3', '9 3 2 3'] as const

export interface SeriesStyle {
  readonly colour: string
  /** SVG stroke-dasharray; empty for a solid line. */
  readonly dash: string
}

export function seriesStyle(config: number): SeriesStyle {
  const round = Math.floor(config / COLOURS.length)
  return {
    colour: COLOURS[config % COLOURS.length]!,
    dash: DASHES[(config + round) % DASHES.length]!
  }
}
