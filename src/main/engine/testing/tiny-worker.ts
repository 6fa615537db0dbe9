/** Engine worker entry serving only the tiny test family (see tiny-family.ts). */
import { serveRun } from '../worker-serve'
import { tinyFamily } from './tiny-family'

serveRun((name) => (name === tinyFamily.name ? tinyFamily : undefined))
