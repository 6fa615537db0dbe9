/** Engine worker entry serving only the sabotaged buddy family (see engine/testing/sabotaged-buddy.ts). */
import { sabotagedBuddyFamily } from '../../engine/testing/sabotaged-buddy'
import { serveRun } from '../worker-serve'

serveRun((name) => (name === sabotagedBuddyFamily.name ? sabotagedBuddyFamily : undefined))
