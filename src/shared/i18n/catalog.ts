/**
 * Every user-visible string, in every language. Each domain (app, cli,
 * scenario, engine...) has one file per language; the Chinese file declares
 * `satisfies typeof en`, so a missing or extra key fails the typecheck.
 * The renderer hands these to vue-i18n; Node code uses `translate`.
 */
import enApp from './en/app'
import enCli from './en/cli'
import enCompare from './en/compare'
import enEngine from './en/engine'
import enHeap from './en/heap'
import enPages from './en/pages'
import enReplay from './en/replay'
import enScenario from './en/scenario'
import enService from './en/service'
import enTimeline from './en/timeline'
import enVocabulary from './en/vocabulary'
import zhApp from './zh-CN/app'
import zhCli from './zh-CN/cli'
import zhCompare from './zh-CN/compare'
import zhEngine from './zh-CN/engine'
import zhHeap from './zh-CN/heap'
import zhPages from './zh-CN/pages'
import zhReplay from './zh-CN/replay'
import zhScenario from './zh-CN/scenario'
import zhService from './zh-CN/service'
import zhTimeline from './zh-CN/timeline'
import zhVocabulary from './zh-CN/vocabulary'
import type { Locale } from './locales'

export const catalog = {
  en: {
    app: enApp,
    cli: enCli,
    compare: enCompare,
    engine: enEngine,
    heap: enHeap,
    pages: enPages,
    replay: enReplay,
    scenario: enScenario,
    service: enService,
    timeline: enTimeline,
    vocabulary: enVocabulary
  },
  'zh-CN': {
    app: zhApp,
    cli: zhCli,
    compare: zhCompare,
    engine: zhEngine,
    heap: zhHeap,
    pages: zhPages,
    replay: zhReplay,
    scenario: zhScenario,
    service: zhService,
    timeline: zhTimeline,
    vocabulary: zhVocabulary
  }
} satisfies Record<Locale, unknown>

export type MessageSchema = (typeof catalog)['en']
