import { computed, onScopeDispose, ref, shallowRef, watch } from 'vue'
import { defineStore } from 'pinia'
import type { AllocatorCatalog, AllocatorFamilyInfo } from '@shared/allocator-catalog'
import type { LabOutput } from '@shared/api'
import { MAX_CONFIGS } from '@shared/run-schemas'
import { useLab } from '@renderer/lab/use-lab'
import { describeFailure, type FailureReason } from '@renderer/lab/describe-failure'
import { splitSpec, withFamily, withOption } from '@renderer/workbench/spec-text'
import { useScenarioStore } from './workbench-scenario'

export interface AllocatorConfig {
  /** Stable while the list is reordered, for keys and focus. */
  readonly id: number
  readonly spec: string
}

export type ConfigCheck = LabOutput<'allocators:check'>['results'][number]

/** Time to wait after a change before asking the engine about the specs again. */
const CHECK_DELAY_MS = 150

/**
 * The allocator configurations the scenario runs against, as spec text
 * (the same text the CLI takes), in order, at most MAX_CONFIGS. Every change
 * is checked by the engine itself (`allocators:check`, against the
 * scenario's geometry), so a bad value is shown at its field before any run.
 */
export const useConfigStore = defineStore('workbenchConfigs', () => {
  const lab = useLab()
  const scenario = useScenarioStore()
  const catalog = shallowRef<AllocatorCatalog | null>(null)
  const catalogError = ref<FailureReason | null>(null)
  const configs = ref<AllocatorConfig[]>([])
  const checks = shallowRef<ReadonlyMap<number, ConfigCheck>>(new Map())
  const checking = ref(false)
  /** Which specs and geometry `checks` describe. */
  const checkedKey = ref('')
  let nextId = 1
  let latestCheck = 0
  let timer: ReturnType<typeof setTimeout> | undefined

  const specs = computed(() => configs.value.map((config) => config.spec))
  const full = computed(() => configs.value.length >= MAX_CONFIGS)
  /** Index (from 0) of the first configuration the engine refuses, or -1. */
  const firstInvalid = computed(() =>
    configs.value.findIndex((config) => checks.value.get(config.id)?.error != null)
  )
  const currentKey = computed(() => JSON.stringify([specs.value, scenario.report?.geometry ?? {}]))
  /** True once every configuration has been checked as it is now, against the scenario as it is. */
  const allChecked = computed(() => !checking.value && checkedKey.value === currentKey.value)

  async function loadCatalog(): Promise<void> {
    if (catalog.value) return
    try {
      catalog.value = await lab.invoke('allocators:list', {})
      catalogError.value = null
    } catch (error) {
      catalogError.value = describeFailure(error)
    }
  }

  function family(name: string): AllocatorFamilyInfo | undefined {
    return catalog.value?.families.find((candidate) => candidate.name === name)
  }

  /** Append specs; returns how many fit under the limit. */
  function add(newSpecs: readonly string[]): number {
    const room = MAX_CONFIGS - configs.value.length
    const added = newSpecs.slice(0, Math.max(0, room))
    configs.value = [...configs.value, ...added.map((spec) => ({ id: nextId++, spec }))]
    return added.length
  }

  function replaceAll(newSpecs: readonly string[]): void {
    configs.value = newSpecs.slice(0, MAX_CONFIGS).map((spec) => ({ id: nextId++, spec }))
  }

  function update(id: number, spec: string): void {
    configs.value = configs.value.map((config) => (config.id === id ? { id, spec } : config))
  }

  function setSpec(id: number, spec: string): void {
    update(id, spec)
  }

  function setOption(id: number, key: string, value: string | null): void {
    const config = configs.value.find((candidate) => candidate.id === id)
    if (config) update(id, withOption(config.spec, key, value))
  }

  function setFamily(id: number, name: string): void {
    const config = configs.value.find((candidate) => candidate.id === id)
    const keys = family(name)?.options.map((option) => option.key) ?? []
    if (config) update(id, withFamily(config.spec, name, keys))
  }

  function duplicate(id: number): void {
    const at = configs.value.findIndex((config) => config.id === id)
    if (at < 0 || full.value) return
    const copy = { id: nextId++, spec: configs.value[at]!.spec }
    configs.value = [...configs.value.slice(0, at + 1), copy, ...configs.value.slice(at + 1)]
  }

  function remove(id: number): void {
    configs.value = configs.value.filter((config) => config.id !== id)
  }

  function move(id: number, by: -1 | 1): void {
    const at = configs.value.findIndex((config) => config.id === id)
    const to = at + by
    if (at < 0 || to < 0 || to >= configs.value.length) return
    const next = [...configs.value]
    ;[next[at], next[to]] = [next[to]!, next[at]!]
    configs.value = next
  }

  function familyOf(config: AllocatorConfig): string {
    return splitSpec(config.spec).family
  }

  async function check(): Promise<void> {
    const token = ++latestCheck
    const list = configs.value
    const key = currentKey.value
    if (list.length === 0) {
      checks.value = new Map()
      checkedKey.value = key
      checking.value = false
      return
    }
    const geometry = scenario.report?.geometry ?? {}
    try {
      const { results } = await lab.invoke('allocators:check', {
        specs: list.map((config) => config.spec),
        geometry: { ...geometry }
      })
      if (token !== latestCheck) return
      checks.value = new Map(list.map((config, index) => [config.id, results[index]!]))
      checkedKey.value = key
    } catch (error) {
      if (token !== latestCheck) return
      // The engine could not be asked: say so on every configuration rather than guess.
      const reason = describeFailure(error)
      const failure: ConfigCheck = {
        label: null,
        family: null,
        values: null,
        error:
          'key' in reason
            ? { key: reason.key, params: { ...reason.params }, option: null }
            : { key: 'service.internal', params: { detail: reason.text }, option: null }
      }
      checks.value = new Map(list.map((config) => [config.id, failure]))
      checkedKey.value = key
    } finally {
      if (token === latestCheck) checking.value = false
    }
  }

  function scheduleCheck(): void {
    checking.value = true
    clearTimeout(timer)
    timer = setTimeout(() => void check(), CHECK_DELAY_MS)
  }

  watch(currentKey, scheduleCheck, { immediate: true })
  onScopeDispose(() => clearTimeout(timer))

  return {
    catalog,
    catalogError,
    configs,
    checks,
    checking,
    specs,
    full,
    firstInvalid,
    allChecked,
    loadCatalog,
    family,
    familyOf,
    add,
    replaceAll,
    setSpec,
    setOption,
    setFamily,
    duplicate,
    remove,
    move,
    check
  }
})
