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
import enExperiments from './en/experiments'
import enHeap from './en/heap'
import enLessons from './en/lessons'
import enLibrary from './en/library'
import enPages from './en/pages'
import enReport from './en/report'
import enReplay from './en/replay'
import enScenario from './en/scenario'
import enService from './en/service'
import enOstep from './en/ostep'
import enScore from './en/score'
import enTimeline from './en/timeline'
import enVocabulary from './en/vocabulary'
import enWorkbench from './en/workbench'
import zhApp from './zh-CN/app'
import zhCli from './zh-CN/cli'
import zhCompare from './zh-CN/compare'
import zhEngine from './zh-CN/engine'
import zhExperiments from './zh-CN/experiments'
import zhHeap from './zh-CN/heap'
import zhLessons from './zh-CN/lessons'
import zhLibrary from './zh-CN/library'
import zhPages from './zh-CN/pages'
import zhReport from './zh-CN/report'
import zhReplay from './zh-CN/replay'
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
    compare: enCompare,
    engine: enEngine,
    experiments: enExperiments,
    heap: enHeap,
    lessons: enLessons,
    library: enLibrary,
    pages: enPages,
    report: enReport,
    replay: enReplay,
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
    compare: zhCompare,
    engine: zhEngine,
    experiments: zhExperiments,
    heap: zhHeap,
    lessons: zhLessons,
    library: zhLibrary,
    pages: zhPages,
    report: zhReport,
    replay: zhReplay,
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
