import { describe, expect, it } from 'vitest'
import { LOCALES } from '@shared/i18n/locales'
import type { StructuralDetail } from '@shared/run-schemas'
import { structuralSentence } from './structural-sentence'

const coalescedBoth: StructuralDetail = {
  kind: 'coalesced',
  freed: { addr: 1030, size: 30 },
  with: [
    { side: 'below', addr: 1000, size: 30 },
    { side: 'above', addr: 1060, size: 40 }
  ],
  result: { addr: 1000, size: 100 }
}
const coalescedAbove: StructuralDetail = {
  kind: 'coalesced',
  freed: { addr: 986, size: 57 },
  with: [{ side: 'above', addr: 1043, size: 57 }],
  result: { addr: 986, size: 114 }
}
const coalescedBelow: StructuralDetail = {
  kind: 'coalesced',
  freed: { addr: 1010, size: 20 },
  with: [{ side: 'below', addr: 1000, size: 10 }],
  result: { addr: 1000, size: 30 }
}
const split: StructuralDetail = {
  kind: 'splitRemainder',
  block: { addr: 1000, size: 100 },
  remainder: { addr: 1010, size: 90 }
}
const buddySplit: StructuralDetail = {
  kind: 'buddySplit',
  block: { frame: 0, order: 10 },
  halves: [
    { frame: 512, order: 9 },
    { frame: 256, order: 8 }
  ],
  result: { frame: 0, order: 8 }
}
const buddyMerged: StructuralDetail = {
  kind: 'buddyMerged',
  freed: { frame: 12, order: 2 },
  buddies: [
    { frame: 8, order: 2 },
    { frame: 0, order: 3 }
  ],
  result: { frame: 0, order: 4 }
}

describe('structural sentences for the event log', () => {
  it('tell a heap coalesce with the neighbours it joined and the block it made', () => {
    expect(structuralSentence('en', coalescedAbove)).toBe(
      'Coalesced with the free block at 1043 (57 bytes) above it → free block at 986 (114 bytes).'
    )
    expect(structuralSentence('en', coalescedBelow)).toBe(
      'Coalesced with the free block at 1000 (10 bytes) below it → free block at 1000 (30 bytes).'
    )
    expect(structuralSentence('en', coalescedBoth)).toBe(
      'Coalesced with the free block at 1000 (30 bytes) below it and the one at 1060 (40 bytes) above it → free block at 1000 (100 bytes).'
    )
    expect(structuralSentence('zh-CN', coalescedAbove)).toBe(
      '与紧挨在它后面（高地址一侧）、位于 1043 的空闲块（57 字节）合并 → 成为位于 986 的空闲块（114 字节）。'
    )
  })

  it('tell a split with the bytes the request kept and the remainder left free', () => {
    expect(structuralSentence('en', split)).toBe(
      'Split the block at 1000 (100 bytes): the request keeps the first 10 bytes and the remainder at 1010 (90 bytes) is left free.'
    )
    expect(structuralSentence('zh-CN', split)).toBe(
      '拆分位于 1000 的块（100 字节）：请求占用前 10 字节，剩下位于 1010 的 90 字节留作空闲块。'
    )
  })

  it('tell buddy splits and merges step by step', () => {
    expect(structuralSentence('en', buddySplit)).toBe(
      'Split the free block of order 10 at frame 0 down to order 8; the upper halves went to the free lists: frame 512 (order 9), frame 256 (order 8).'
    )
    expect(structuralSentence('en', buddyMerged)).toBe(
      'Merged with its buddy at frame 8 (order 2), then with frame 0 (order 3) → free block of order 4 at frame 0.'
    )
    expect(structuralSentence('zh-CN', buddyMerged)).toBe(
      '与第 8 号页框开始的伙伴块（2 阶）合并，再与第 0 号页框开始的伙伴块（3 阶）合并 → 成为从第 0 号页框开始的 4 阶空闲块。'
    )
  })

  it('leave no placeholder unfilled in any language', () => {
    for (const locale of LOCALES) {
      for (const detail of [
        coalescedBelow,
        coalescedBoth,
        coalescedAbove,
        split,
        buddySplit,
        buddyMerged
      ]) {
        expect(structuralSentence(locale, detail)).not.toMatch(/[{}]/)
      }
    }
  })
})
