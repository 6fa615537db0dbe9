import type { AllocatorFamily, OptionValues } from '../family'
import { FramePool } from '../frame-pool'
import { BuddyTarget } from './buddy-target'
import {
  applyFrameGeometry,
  frameOptions,
  readFrameGeometry,
  validateFrameGeometry
} from './frame-options'

export { BuddyTarget } from './buddy-target'
export { BuddyZone } from './buddy-zone'
export { formatBuddyInfo } from './buddyinfo'

/** The binary buddy page-frame allocator: `buddy:frames=1024,page=4096,max-order=10`. */
export const buddyFamily: AllocatorFamily = {
  name: 'buddy',
  kind: 'pages',
  summaryKey: 'pages.buddySummary',
  options: frameOptions,
  applyGeometry: applyFrameGeometry,
  validate: validateFrameGeometry,
  poolBytes(values: OptionValues, program) {
    return FramePool.bytesFor(BuddyTarget.regionBytes(readFrameGeometry(values), program))
  },
  create(pool, values, program, fresh) {
    return new BuddyTarget(pool, readFrameGeometry(values), program, fresh)
  }
}
