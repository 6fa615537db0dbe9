/** Engine worker entry serving only the tiny test family (see engine/testing/tiny-family.ts). */
import { tinyFamily } from '../../engine/testing/tiny-family'
import { serveRun } from '../worker-serve'

serveRun((name) => (name === tinyFamily.name ? tinyFamily : undefined))
