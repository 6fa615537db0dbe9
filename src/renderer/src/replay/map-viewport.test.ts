import { describe, expect, it } from 'vitest'
import {
  byteAt,
  clampViewport,
  mapQuery,
  panViewport,
  wholePool,
  xOf,
  zoomViewport
} from './map-viewport'

describe('the part of a pool a memory map shows', () => {
  it('zooms around the byte under the pointer', () => {
    const view = zoomViewport(wholePool(1000), 1000, 1, 2, 0.25)
    expect(view).toEqual({ start: 125, span: 500 })
    expect(byteAt(view, 400, 100)).toBe(250)
    expect(xOf(view, 400, 250)).toBe(100)
  })

  it('never shows less than eight units nor leaves the pool', () => {
    const frames = 4096
    expect(zoomViewport(wholePool(1024 * frames), 1024 * frames, frames, 1e9).span).toBe(8 * frames)
    expect(panViewport({ start: 0, span: 100 }, 1000, 1, -5)).toEqual({ start: 0, span: 100 })
    expect(panViewport({ start: 800, span: 100 }, 1000, 1, 5)).toEqual({ start: 900, span: 100 })
    expect(clampViewport({ start: -5, span: 5000 }, 1000, 1)).toEqual({ start: 0, span: 1000 })
  })

  it('asks for every range of a textbook arena and of the article’s 1024-frame pool', () => {
    const arena = {
      view: wholePool(100),
      poolBytes: 100,
      unitBytes: 1,
      widthPx: 900,
      rangeBound: Infinity,
      maxWidth: 8192
    }
    expect(mapQuery(arena)).toEqual({ exact: true })
    const pool = 1024 * 4096
    expect(mapQuery({ ...arena, view: wholePool(pool), poolBytes: pool, unitBytes: 4096 })).toEqual(
      { exact: true }
    )
  })

  it('asks for pixels of a million-frame pool, and more of them as the view zooms in', () => {
    const pool = 1_048_576 * 4096
    const base = {
      view: wholePool(pool),
      poolBytes: pool,
      unitBytes: 4096,
      widthPx: 1800,
      rangeBound: 3000,
      maxWidth: 8192
    }
    expect(mapQuery(base)).toEqual({ exact: false, width: 2048 })
    const zoomed = { ...base, view: zoomViewport(wholePool(pool), pool, 4096, 3) }
    expect(mapQuery(zoomed)).toEqual({ exact: false, width: 8192 })
  })

  it('switches to exact ranges when zoomed close enough and the run has few blocks', () => {
    const pool = 1_048_576 * 4096
    const close = { start: 0, span: 2000 * 4096 }
    const query = { view: close, poolBytes: pool, unitBytes: 4096, widthPx: 1800, maxWidth: 8192 }
    expect(mapQuery({ ...query, rangeBound: 3000 })).toEqual({ exact: true })
    expect(mapQuery({ ...query, rangeBound: 1e6 })).toEqual({ exact: false, width: 8192 })
  })
})
