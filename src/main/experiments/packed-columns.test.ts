import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { PackError, packColumns, unpackColumns, type ColumnLayout } from './packed-columns'

const LAYOUTS: ColumnLayout[] = ['columns', 'byte-planes']

/** Columns of every value width, of lengths that leave every remainder of four. */
const columnsArbitrary = fc.tuple(
  fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 41 }).map((v) => Uint8Array.from(v)),
  fc.array(fc.integer({ min: 0, max: 65535 }), { maxLength: 41 }).map((v) => Uint16Array.from(v)),
  fc.array(fc.integer(), { maxLength: 41 }).map((v) => Int32Array.from(v)),
  fc.array(fc.double(), { maxLength: 41 }).map((v) => Float64Array.from(v))
)

const widths = [1, 2, 4, 8]

describe('packed columns', () => {
  it('read back every value of every width in both layouts, from any byte offset', () => {
    fc.assert(
      fc.property(columnsArbitrary, fc.integer({ min: 0, max: 7 }), (columns, shift) => {
        for (const layout of LAYOUTS) {
          const packed = packColumns('TEST', { note: 'n' }, columns, layout)
          // A buffer that does not start on a word boundary, as a stored blob may not.
          const moved = new Uint8Array(packed.length + shift).subarray(shift)
          moved.set(packed)
          const { header, columns: read } = unpackColumns('TEST', moved, widths, layout)
          expect(header['note']).toBe('n')
          read.forEach((buffer, i) => {
            expect(new Uint8Array(buffer)).toEqual(
              new Uint8Array(columns[i]!.buffer, columns[i]!.byteOffset, columns[i]!.byteLength)
            )
          })
        }
      })
    )
  })

  it('lays byte planes out as the first bytes of every value, then the second bytes', () => {
    const packed = packColumns('TEST', {}, [Uint32Array.of(0x04030201, 0x08070605)], 'byte-planes')
    const headerEnd = Math.ceil((8 + packed.readUInt32LE(4)) / 8) * 8
    // Each plane of two values is padded to 8 bytes.
    expect(Array.from(packed.subarray(headerEnd, headerEnd + 32))).toEqual([
      ...[1, 5, 0, 0, 0, 0, 0, 0],
      ...[2, 6, 0, 0, 0, 0, 0, 0],
      ...[3, 7, 0, 0, 0, 0, 0, 0],
      ...[4, 8, 0, 0, 0, 0, 0, 0]
    ])
  })

  it('refuses planes cut short and a column of part values', () => {
    const packed = packColumns('TEST', {}, [Int32Array.of(1, 2, 3)], 'byte-planes')
    expect(() =>
      unpackColumns('TEST', packed.subarray(0, packed.length - 8), [4], 'byte-planes')
    ).toThrow(PackError)
    expect(() => unpackColumns('TEST', packed, [8], 'byte-planes')).toThrow(/whole values/)
  })
})
