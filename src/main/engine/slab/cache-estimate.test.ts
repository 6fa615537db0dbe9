import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import {
  SLAB_DESCRIPTOR_BYTES,
  BUFCTL_BYTES,
  slabGeometry,
  type SlabGeometryInput
} from './cache-estimate'

const linuxLike: SlabGeometryInput = {
  objectSize: 32,
  align: 8,
  pagesPerSlab: 0,
  pageSize: 4096,
  maxOrder: 10,
  poolBytes: 4 * 1024 ** 3,
  cacheLine: 64,
  colouring: true
}

function layout(objectSize: number, overrides: Partial<SlabGeometryInput> = {}) {
  const geometry = slabGeometry({ ...linuxLike, objectSize, ...overrides })
  if (geometry === undefined) throw new Error(`no geometry for ${objectSize}`)
  return geometry
}

describe('slab geometry (cache_estimate and calculate_slab_order)', () => {
  it('matches the objects per slab and pages per slab of a 64-bit Linux SLAB for the size-N caches', () => {
    // /proc/slabinfo of 2.6-era x86_64 kernels: size-32 112/1, size-64 59/1, size-128 30/1,
    // size-256 15/1, size-512 8/1, size-1024 4/1, size-2048 2/1, size-4096 1/1, size-8192 1/2.
    const rows = [32, 64, 128, 256, 512, 1024, 2048, 4096, 8192].map((size) => {
      const geometry = layout(size)
      return [size, geometry.objectsPerSlab, 2 ** geometry.order]
    })
    expect(rows).toEqual([
      [32, 112, 1],
      [64, 59, 1],
      [128, 30, 1],
      [256, 15, 1],
      [512, 8, 1],
      [1024, 4, 1],
      [2048, 2, 1],
      [4096, 1, 1],
      [8192, 1, 2]
    ])
  })

  it('keeps small objects management on the slab, where it costs objects', () => {
    const geometry = layout(32)
    expect(geometry.offSlab).toBe(false)
    expect(geometry.managementBytes).toBe(SLAB_DESCRIPTOR_BYTES + 112 * BUFCTL_BYTES)
    expect(geometry.objectsPerSlab * 32 + geometry.managementBytes + geometry.leftoverBytes).toBe(
      4096
    )
  })

  it('moves management off the slab from an eighth of a page up, unless the left-over room holds it anyway', () => {
    const large = layout(1024)
    expect(large.offSlab).toBe(true)
    expect(large.managementBytes).toBe(SLAB_DESCRIPTOR_BYTES + 4 * BUFCTL_BYTES)
    const roomy = layout(600) // 6 objects leave 496 bytes, enough for 48 + 6 * 4
    expect(roomy.offSlab).toBe(false)
    expect(roomy.leftoverBytes).toBe(4096 - 6 * 600 - 72)
  })

  it('offers one colour per cache line of left-over room, and none when colouring is off', () => {
    const geometry = layout(600)
    expect(geometry.colourOffset).toBe(64)
    expect(geometry.colourCount).toBe(Math.floor(geometry.leftoverBytes / 64))
    expect(layout(600, { colouring: false }).colourCount).toBe(0)
    expect(layout(600, { align: 256 }).colourOffset).toBe(256)
  })

  it('takes a second page only in a pool above 32 MiB and only when one page wastes more than an eighth', () => {
    // 1500-byte objects: 2 per page waste 1096 bytes (> 512); 5 in two pages waste 692 (< 1024).
    expect(layout(1500).order).toBe(1)
    expect(layout(1500, { poolBytes: 16 * 1024 * 1024 }).order).toBe(0)
  })

  it('honours a fixed pages-per-slab, rounding it up to a power of two', () => {
    expect(layout(100, { pagesPerSlab: 3 }).order).toBe(2)
    expect(slabGeometry({ ...linuxLike, objectSize: 20000, pagesPerSlab: 2 })).toBeUndefined()
  })

  it('gives up when no slab within max order holds a single object', () => {
    expect(slabGeometry({ ...linuxLike, objectSize: 5000, maxOrder: 0 })).toBeUndefined()
  })

  it('never lays out more than fits in the slab', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 70000 }),
        fc.constantFrom(0, 8, 16, 64, 512),
        fc.constantFrom(16, 256, 4096, 65536),
        fc.constantFrom(0, 1, 2, 5),
        (objectSize, align, pageSize, pagesPerSlab) => {
          const geometry = slabGeometry({ ...linuxLike, objectSize, align, pageSize, pagesPerSlab })
          if (geometry === undefined) return
          const slabBytes = pageSize * 2 ** geometry.order
          const inside = geometry.offSlab ? 0 : geometry.managementBytes
          expect(geometry.objectsPerSlab).toBeGreaterThan(0)
          expect(geometry.bufferSize % geometry.align).toBe(0)
          expect(geometry.bufferSize).toBeGreaterThanOrEqual(objectSize)
          expect(
            geometry.objectsPerSlab * geometry.bufferSize + inside + geometry.leftoverBytes
          ).toBe(slabBytes)
          expect(geometry.leftoverBytes).toBeGreaterThanOrEqual(0)
          expect(geometry.colourCount * geometry.colourOffset).toBeLessThanOrEqual(
            geometry.leftoverBytes
          )
        }
      )
    )
  })
})
