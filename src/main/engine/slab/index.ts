import { applyFrameGeometry } from '../buddy/frame-options'
import type { AllocatorFamily } from '../family'
import { FramePool } from '../frame-pool'
import { readSlabConfig, slabOptions, validateSlabOptions } from './slab-options'
import { SlabTarget } from './slab-target'

export { SlabTarget } from './slab-target'
export { formatSlabInfo } from './slabinfo'

/** Bonwick / Linux SLAB caches over the buddy: `slab:frames=1024,page=4096,max-order=10,colour=on`. */
export const slabFamily: AllocatorFamily = {
  name: 'slab',
  kind: 'slab',
  summaryKey: 'pages.slabSummary',
  options: slabOptions,
  applyGeometry: applyFrameGeometry,
  validate: validateSlabOptions,
  poolBytes(values, program) {
    return FramePool.bytesFor(SlabTarget.regionBytes(readSlabConfig(values), program))
  },
  create(pool, values, program, fresh) {
    return new SlabTarget(pool, readSlabConfig(values), program, fresh)
  }
}
