/**
 * Every user-visible string, in every language. Each domain (app, cli,
 * scenario, engine...) has one file per language; the Chinese file declares
 * `satisfies typeof en`, so a missing or extra key fails the typecheck.
 * The renderer hands these to vue-i18n; Node code uses `translate`.
 */
import enApp from './en/app'
import enCli from './en/cli'
import enEngine from './en/engine'
import enHeap from './en/heap'
import enLessons from './en/lessons'
import enPages from './en/pages'
import enReport from './en/report'
import enScenario from './en/scenario'
import enService from './en/service'
import enOstep from './en/ostep'
import enScore from './en/score'
import enTimeline from './en/timeline'
import enVocabulary from './en/vocabulary'
import enWorkbench from './en/workbench'
import zhApp from './zh-CN/app'
import zhCli from './zh-CN/cli'
import zhEngine from './zh-CN/engine'
import zhHeap from './zh-CN/heap'
import zhLessons from './zh-CN/lessons'
import zhPages from './zh-CN/pages'
import zhReport from './zh-CN/report'
import zhScenario from './zh-CN/scenario'
import zhService from './zh-CN/service'
import zhOstep from './zh-CN/ostep'
import zhScore from './zh-CN/score'
import zhTimeline from './zh-CN/timeline'
import zhVocabulary from './zh-CN/vocabulary'
import zhWorkbench from './zh-CN/workbench'
import type { Locale } from './locales'

export const catalog = {
  en: {
    app: enApp,
    cli: enCli,
    engine: enEngine,
    heap: enHeap,
    lessons: enLessons,
    pages: enPages,
    report: enReport,
    scenario: enScenario,
    service: enService,
    ostep: enOstep,
    score: enScore,
    timeline: enTimeline,
    vocabulary: enVocabulary,
    workbench: enWorkbench
  },
  'zh-CN': {
    app: zhApp,
    cli: zhCli,
    engine: zhEngine,
    heap: zhHeap,
    lessons: zhLessons,
    pages: zhPages,
    report: zhReport,
    scenario: zhScenario,
    service: zhService,
    ostep: zhOstep,
    score: zhScore,
    timeline: zhTimeline,
    vocabulary: zhVocabulary,
    workbench: zhWorkbench
  }
} satisfies Record<Locale, unknown>

export type MessageSchema = (typeof catalog)['en']
