import { useI18n } from 'vue-i18n'
import {
  formatAddress,
  formatBytes,
  formatCount,
  formatDecimal,
  formatExactBytes,
  formatMetric,
  formatNanoseconds,
  formatRatio
} from '@shared/format/format-value'
import { isLocale, DEFAULT_LOCALE, type Locale } from '@shared/i18n/locales'
import type { MetricName } from '@shared/vocabulary/metrics'

/** The shared number formats bound to the window's current language. */
export function useNumberFormat() {
  const { locale } = useI18n({ useScope: 'global' })
  const current = (): Locale => (isLocale(locale.value) ? locale.value : DEFAULT_LOCALE)
  return {
    locale: current,
    bytes: (value: number) => formatBytes(current(), value),
    exactBytes: (value: number) => formatExactBytes(current(), value),
    count: (value: number) => formatCount(current(), value),
    decimal: (value: number, digits?: number) => formatDecimal(current(), value, digits),
    ratio: (value: number) => formatRatio(current(), value),
    ns: (value: number) => formatNanoseconds(current(), value),
    metric: (name: MetricName, value: number) => formatMetric(current(), name, value),
    address: formatAddress
  }
}
