import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { NameTable } from './name-table'

describe('NameTable', () => {
  it('gives each distinct name one dense id, as a Map would', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ maxLength: 6 }), { maxLength: 400 }), (names) => {
        const table = new NameTable()
        const reference = new Map<string, number>()
        for (const name of names) {
          const padded = `<${name}>`
          const id = table.intern(padded, 1, padded.length - 1)
          if (!reference.has(name)) reference.set(name, reference.size)
          expect(id).toBe(reference.get(name))
        }
        expect(table.names).toEqual([...reference.keys()])
        expect(table.lookup('never added because of this long suffix!')).toBe(-1)
      })
    )
  })

  it('finds a name inside a longer text without copying it', () => {
    const table = new NameTable()
    table.intern('buf', 0, 3)
    expect(table.find('free buf', 5, 8)).toBe(0)
    expect(table.find('free bu', 5, 7)).toBe(-1)
  })
})
