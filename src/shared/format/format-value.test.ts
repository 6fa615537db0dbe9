import { describe, expect, it } from 'vitest'
import {
  formatAddress,
  formatBytes,
  formatCount,
  formatMetric,
  formatNanoseconds,
  formatRatio
} from './format-value'

describe('formatting values', () => {
  it('writes small byte counts exactly and large ones in binary units', () => {
    expect(formatBytes('en', 100)).toBe('100 B')
    expect(formatBytes('en', 1536)).toBe('1.5 KiB')
    expect(formatBytes('en', 4 * 1024 * 1024)).toBe('4 MiB')
    expect(formatBytes('en', -2048)).toBe('−2 KiB')
  })

  it('groups digits the way each language does', () => {
    expect(formatCount('en', 1_048_576)).toBe('1,048,576')
    expect(formatCount('zh-CN', 1_048_576)).toBe('1,048,576')
  })

  it('shows ratios as percentages', () => {
    expect(formatRatio('en', 30 / 70)).toBe('42.9%')
    expect(formatRatio('en', 0)).toBe('0%')
    expect(formatRatio('zh-CN', 1)).toBe('100%')
  })

  it('formats a metric by its unit', () => {
    expect(formatMetric('en', 'externalFragmentation', 0.5)).toBe('50%')
    expect(formatMetric('en', 'freeBytes', 4096)).toBe('4 KiB')
    expect(formatMetric('en', 'freeBlocks', 3)).toBe('3')
    expect(formatMetric('en', 'examined', 1.3333)).toBe('1.33')
  })

  it('keeps textbook addresses decimal and long ones hexadecimal', () => {
    expect(formatAddress(1000)).toBe('1000')
    expect(formatAddress(0x10_0000)).toBe('0x100000')
  })

  it('switches nanoseconds to microseconds above a thousand', () => {
    expect(formatNanoseconds('en', 41.66)).toBe('41.7 ns')
    expect(formatNanoseconds('en', 1234)).toBe('1.23 µs')
  })
})
