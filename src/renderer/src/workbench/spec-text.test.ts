import { describe, expect, it } from 'vitest'
import { joinSpec, specsFromPaste, splitSpec, withFamily, withOption } from './spec-text'

describe('allocator spec text', () => {
  it('splits a spec into its family and options and writes the same text back', () => {
    const spec = 'first-fit:arena=16MiB,header=8'
    expect(splitSpec(spec)).toEqual({
      family: 'first-fit',
      options: [
        { key: 'arena', value: '16MiB' },
        { key: 'header', value: '8' }
      ]
    })
    expect(joinSpec(splitSpec(spec))).toBe(spec)
    expect(splitSpec('buddy')).toEqual({ family: 'buddy', options: [] })
  })

  it('keeps a malformed part as typed, so the engine can say what is wrong with it', () => {
    expect(joinSpec(splitSpec('buddy:frames'))).toBe('buddy:frames')
  })

  it('sets, changes and clears one option without touching the others', () => {
    expect(withOption('buddy', 'frames', '64')).toBe('buddy:frames=64')
    expect(withOption('buddy:frames=64,page=4KiB', 'frames', '128')).toBe(
      'buddy:frames=128,page=4KiB'
    )
    expect(withOption('buddy:frames=64,page=4KiB', 'frames', '')).toBe('buddy:page=4KiB')
    expect(withOption('buddy:frames=64', 'frames', null)).toBe('buddy')
  })

  it('keeps the options a new family shares when the family changes', () => {
    expect(withFamily('first-fit:arena=100,meta=side', 'buddy', ['frames'])).toBe('buddy')
    expect(withFamily('first-fit:arena=100,meta=side', 'best-fit', ['arena', 'meta'])).toBe(
      'best-fit:arena=100,meta=side'
    )
  })

  it('finds the specs in a pasted command line or a plain list', () => {
    const families = ['first-fit', 'best-fit', 'buddy']
    expect(
      specsFromPaste(
        'alloclab run lesson.alloc --allocator first-fit:arena=100 --allocator=buddy --json',
        families
      )
    ).toEqual(['first-fit:arena=100', 'buddy'])
    expect(specsFromPaste('first-fit:arena=16MiB\nbest-fit  buddy', families)).toEqual([
      'first-fit:arena=16MiB',
      'best-fit',
      'buddy'
    ])
    expect(specsFromPaste('frist-fit:arena=1K', families)).toEqual(['frist-fit:arena=1K'])
    expect(specsFromPaste('nothing to see: 42', families)).toEqual([])
  })
})
