/// <reference lib="webworker" />
/** The scenario worker's entry: the host in worker-host.ts, wired to the worker global. */
import type { ToWorker } from './protocol'
import { createScenarioWorkerHost } from './worker-host'

declare const self: DedicatedWorkerGlobalScope

const host = createScenarioWorkerHost((message) => self.postMessage(message))
self.addEventListener('message', (event: MessageEvent<ToWorker>) => host.receive(event.data))
