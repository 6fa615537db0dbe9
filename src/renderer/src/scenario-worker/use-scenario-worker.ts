import { inject, type InjectionKey } from 'vue'
import { inProcessWorkerPort } from './in-process-worker-port'
import { browserWorkerPort, type WorkerPort } from './scenario-worker-client'

/** Tests (and hosts without workers) provide their own port factory under this key. */
export const scenarioWorkerPortKey: InjectionKey<() => WorkerPort> = Symbol('ScenarioWorkerPort')

/** A port to the scenario worker: a real worker where the page can start one. */
export function useScenarioWorkerPort(): WorkerPort {
  const provided = inject(scenarioWorkerPortKey, null)
  if (provided) return provided()
  return typeof Worker === 'function' ? browserWorkerPort() : inProcessWorkerPort()
}
