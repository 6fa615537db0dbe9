/**
 * Entry of the engine worker, built by electron-vite as out/main/engine-worker.js.
 * Hosts start it with a RunRequest as workerData (see worker-host.ts).
 */
import { findFamily } from '../engine/families'
import { serveRun } from './worker-serve'

serveRun(findFamily)
