import type { Locale } from '@shared/i18n/locales'
import { formatDecimal, formatRatio } from '@shared/format/format-value'
import type { Translate } from '@renderer/i18n/use-global-i18n'

const compactFormats = new Map<Locale, Intl.NumberFormat>()

/** A rate as people say it: "2.1M" in English, "210万" in Chinese. */
export function formatCompact(locale: Locale, value: number): string {
  let format = compactFormats.get(locale)
  if (!format) {
    format = new Intl.NumberFormat(locale, { notation: 'compact', maximumFractionDigits: 1 })
    compactFormats.set(locale, format)
  }
  return format.format(value)
}

/** "0.4 s", "12 s", "2 min 5 s". */
export function formatDuration(t: Translate, locale: Locale, ms: number): string {
  const seconds = ms / 1000
  if (seconds < 60) {
    return t('workbench.run.seconds', {
      value: formatDecimal(locale, seconds, seconds < 10 ? 1 : 0)
    })
  }
  const whole = Math.round(seconds)
  return t('workbench.run.minutes', { minutes: Math.floor(whole / 60), seconds: whole % 60 })
}

/** "45 % · 2.1M requests/s · 3 s left" for a configuration still running. */
export function progressText(
  t: Translate,
  locale: Locale,
  done: number,
  total: number,
  rate: number
): string {
  const percent = formatRatio(locale, total > 0 ? done / total : 0, 0)
  if (rate <= 0 || done === 0) return t('workbench.run.progressNoRate', { percent })
  return t('workbench.run.progress', {
    percent,
    rate: formatCompact(locale, rate),
    left: formatDuration(t, locale, (Math.max(0, total - done) / rate) * 1000)
  })
}
