import type { Component } from 'vue'
import type { IconName } from '@renderer/components/icons'
import LibraryView from '@renderer/views/LibraryView.vue'
import WorkbenchView from '@renderer/views/WorkbenchView.vue'
import ReplayView from '@renderer/views/ReplayView.vue'
import CompareView from '@renderer/views/CompareView.vue'
import LessonsView from '@renderer/views/LessonsView.vue'
import SettingsView from '@renderer/views/SettingsView.vue'

export const SECTION_NAMES = [
  'library',
  'workbench',
  'replay',
  'compare',
  'lessons',
  'settings'
] as const
export type SectionName = (typeof SECTION_NAMES)[number]

export interface Section {
  readonly name: SectionName
  readonly path: `/${SectionName}`
  readonly component: Component
  readonly icon: IconName
  /** Label in the navigation rail. */
  readonly navKey: string
  /** Heading of the view, also used in the window title. */
  readonly titleKey: string
  /** A route parameter the view may take after its path (`/replay/run-1`). */
  readonly param?: 'runId'
}

const VIEWS: Readonly<Record<SectionName, Component>> = {
  library: LibraryView,
  workbench: WorkbenchView,
  replay: ReplayView,
  compare: CompareView,
  lessons: LessonsView,
  settings: SettingsView
}

/** The window's sections in rail order; the router and the rail both read this list. */
export const SECTIONS: readonly Section[] = SECTION_NAMES.map((name) => ({
  name,
  path: `/${name}`,
  component: VIEWS[name],
  icon: name,
  navKey: `app.nav.${name}`,
  titleKey: `app.${name}.title`,
  ...(name === 'replay' || name === 'compare' ? { param: 'runId' as const } : {})
}))

export const HOME_SECTION: SectionName = 'library'

export function isSectionName(value: unknown): value is SectionName {
  return typeof value === 'string' && (SECTION_NAMES as readonly string[]).includes(value)
}
