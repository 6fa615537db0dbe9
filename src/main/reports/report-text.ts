import {
  formatBytes,
  formatCount,
  formatDecimal,
  formatMetric,
  formatRatio
} from '@shared/format/format-value'
import type { Locale } from '@shared/i18n/locales'
import { translate, type MessageParams } from '@shared/i18n/translate'
import type { ReportConfig } from '@shared/reports/report-model'
import { metricLabelKey, type MetricName } from '@shared/vocabulary/metrics'

/** The words and numbers of one report, in its language. */
export interface ReportText {
  readonly locale: Locale
  t(key: string, params?: MessageParams): string
  /** A report key (`report.` is added). */
  r(key: string, params?: MessageParams): string
  metricLabel(name: MetricName): string
  metric(name: MetricName, value: number): string
  bytes(value: number): string
  count(value: number): string
  decimal(value: number): string
  ratio(value: number): string
  /** How tables, legends and captions name a configuration ("#1 first-fit"). */
  configName(config: Pick<ReportConfig, 'config' | 'family'>): string
}

export function reportText(locale: Locale): ReportText {
  const t = (key: string, params?: MessageParams): string => translate(locale, key, params)
  return {
    locale,
    t,
    r: (key, params) => t(`report.${key}`, params),
    metricLabel: (name) => t(metricLabelKey(name)),
    metric: (name, value) => formatMetric(locale, name, value),
    bytes: (value) => formatBytes(locale, value),
    count: (value) => formatCount(locale, value),
    decimal: (value) => formatDecimal(locale, value),
    ratio: (value) => formatRatio(locale, value),
    configName: (config) =>
      t('report.config.short', { index: config.config + 1, family: config.family })
  }
}
