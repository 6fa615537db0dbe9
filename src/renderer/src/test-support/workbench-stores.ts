import type { Pinia } from 'pinia'
import { useConfigStore } from '@renderer/stores/workbench-configs'
import { useDraftStore } from '@renderer/stores/workbench-draft'
import { useRunStore } from '@renderer/stores/workbench-run'
import { useScenarioStore } from '@renderer/stores/workbench-scenario'
import { piniaWithLab } from './lab-app'
import type { FakeLabBridge } from './fake-lab-bridge'

/** The Workbench's stores over a fake host, with the scenario worker run in-process. */
export function workbenchStores(bridge: FakeLabBridge, pinia: Pinia = piniaWithLab(bridge)) {
  return {
    pinia,
    scenario: useScenarioStore(pinia),
    configs: useConfigStore(pinia),
    run: useRunStore(pinia),
    draft: useDraftStore(pinia)
  }
}

/** Wait until `condition` holds (the worker and debounced checks answer a few tasks later). */
export async function until(condition: () => boolean, timeoutMs = 3000): Promise<void> {
  const started = Date.now()
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error('condition not met in time')
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}
