/** Engine worker entry serving only the sabotaged families (see engine/testing/sabotaged-*.ts). */
import { sabotagedBuddyFamily } from '../../engine/testing/sabotaged-buddy'
import { sabotagedHeapFamily } from '../../engine/testing/sabotaged-heap'
import { sabotagedSlabFamily } from '../../engine/testing/sabotaged-slab'
import { serveRun } from '../worker-serve'

const families = [sabotagedHeapFamily, sabotagedBuddyFamily, sabotagedSlabFamily]

serveRun((name) => families.find((family) => family.name === name))
