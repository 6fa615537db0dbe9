import { describe, expect, it } from 'vitest'
import {
  MAX_SCROLL_HEIGHT,
  rowShown,
  rowWindow,
  scrollHeight,
  scrollTopForRowAtBottom
} from './virtual-rows'

describe('rows of a virtual list', () => {
  it('shows the rows at the scroll position of a short list', () => {
    expect(rowWindow(100, 30, 300, 0)).toEqual({ first: 0, count: 11, offset: 0 })
    expect(rowWindow(100, 30, 300, 45)).toEqual({ first: 1, count: 11, offset: -15 })
    expect(rowWindow(0, 30, 300, 0)).toEqual({ first: 0, count: 0, offset: 0 })
  })

  it('scales the scrollbar of a million rows and still reaches the first and the last', () => {
    const total = 1_000_000
    expect(scrollHeight(total, 34)).toBe(MAX_SCROLL_HEIGHT)
    expect(rowWindow(total, 34, 340, 0).first).toBe(0)
    const end = rowWindow(total, 34, 340, MAX_SCROLL_HEIGHT - 340)
    expect(end.first + end.count).toBe(total)
    expect(end.offset + end.count * 34).toBeCloseTo(340 + 34 * (end.count - 10), 5)
  })

  it('scrolls a row to the bottom of the viewport, as a log keeps its newest line', () => {
    for (const total of [50, 2_000_000]) {
      const index = Math.floor(total * 0.6)
      const top = scrollTopForRowAtBottom(total, 34, 340, index)
      const window = rowWindow(total, 34, 340, top)
      expect(rowShown(window, 34, 340, index)).toBe(true)
      expect(rowShown(window, 34, 340, index + 1)).toBe(false)
    }
  })

  it('keeps the first rows at the top when they cannot reach the bottom', () => {
    expect(scrollTopForRowAtBottom(100, 34, 340, 3)).toBe(0)
  })
})
