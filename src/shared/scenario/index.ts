/** The scenario language: parse, check, compile, format, generate and import. */
export * from './program'
export {
  KEYWORDS,
  KEYWORD_WORDS,
  DIRECTIVE_WORDS,
  REQUEST_WORDS,
  CACHE_OPTION_WORDS,
  UNIT_WORDS,
  Keyword,
  keywordOf
} from './keywords'
export type { KeywordId, KeywordInfo, KeywordRole, CacheOptionWord } from './keywords'
export { DIAGNOSTIC_CODES, DIAGNOSTIC_SEVERITY, hasErrors } from './diagnostic'
export type { Diagnostic, DiagnosticCode, Severity } from './diagnostic'
export { compileScenario } from './compile'
export { analyzeScenario } from './analyze'
export type { Analysis } from './analyze'
export type { CompileResult } from './compile'
export { parseScenario } from './parse'
export type { ParseResult, ScenarioStatement, ScenarioWord, StatementKind } from './parse'
export { formatScenario } from './format'
export { renderDiagnostic, formatDiagnosticLine } from './render-diagnostic'
export { DEFAULT_MAX_ORDER } from './analyze'
export { DEFAULT_ALIGN } from './statement-decoder'
export { MAX_BYTES, parseSize, formatSize, canonicalUnit } from './size'
export { programsEqual } from './programs-equal'
export { generate } from './generators/generate'
export {
  GENERATOR_KINDS,
  GENERATOR_OPTIONS,
  GENERATOR_KIND_INFO,
  GeneratorOptionError,
  MAX_GENERATED,
  RELEASE_ORDERS,
  defaultSizeMean,
  generatorDefaults,
  isGeneratorKind
} from './generators/options'
export type {
  GeneratorKind,
  GeneratorOptions,
  GeneratorOptionInfo,
  GeneratorOptionKey,
  ReleaseOrder
} from './generators/options'
export { SIZE_DISTRIBUTIONS } from './generators/size-distribution'
export type { SizeDistribution } from './generators/size-distribution'
export { Mulberry32, portableLog } from './generators/prng'
export { STANDARD_WORKLOADS } from './generators/standard-workloads'
export type { StandardWorkload } from './generators/standard-workloads'
export { importMalloclab } from './importers/malloclab'
export { importOpList } from './importers/oplist'
export type { ImportOptions, ImportResult } from './importers/import-result'
