/**
 * Numbers as people read them, the same in the window, reports and the CLI
 * tables: bytes with binary units, ratios as percentages, counts grouped.
 * Intl is part of the language, so this stays free of Node and the DOM.
 */
import type { Locale } from '../i18n/locales'
import { METRICS, type MetricName, type MetricUnit } from '../vocabulary/metrics'

const BINARY_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB'] as const

const numberFormats = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`
  let format = numberFormats.get(key)
  if (!format) {
    format = new Intl.NumberFormat(locale, options)
    numberFormats.set(key, format)
  }
  return format
}

/** A whole count with digit grouping ("1,048,576"). */
export function formatCount(locale: Locale, value: number): string {
  return numberFormat(locale, { maximumFractionDigits: 0 }).format(value)
}

/** A count that may have a fraction, e.g. entries examined per request ("1.33"). */
export function formatDecimal(locale: Locale, value: number, digits = 2): string {
  return numberFormat(locale, { maximumFractionDigits: digits }).format(value)
}

/**
 * Bytes: exact below 1 KiB ("100 B"), otherwise in the largest binary unit
 * with up to `digits` decimals ("1.5 KiB", "4 MiB"). Textbook arenas are a
 * few hundred bytes and every byte counts there; pools are megabytes.
 */
export function formatBytes(locale: Locale, value: number, digits = 1): string {
  const negative = value < 0
  let amount = Math.abs(value)
  let unit = 0
  while (amount >= 1024 && unit < BINARY_UNITS.length - 1) {
    amount /= 1024
    unit++
  }
  const text = numberFormat(locale, { maximumFractionDigits: unit === 0 ? 0 : digits }).format(
    amount
  )
  return `${negative ? '−' : ''}${text} ${BINARY_UNITS[unit]}`
}

/** Bytes with every digit, for tooltips and tables that must be exact ("1,048,576 B"). */
export function formatExactBytes(locale: Locale, value: number): string {
  return `${formatCount(locale, value)} B`
}

/** A ratio in [0, 1] as a percentage ("42.9 %" / "42.9%"). */
export function formatRatio(locale: Locale, value: number, digits = 1): string {
  return numberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: digits,
    minimumFractionDigits: 0
  }).format(value)
}

export function formatByUnit(locale: Locale, unit: MetricUnit, value: number): string {
  switch (unit) {
    case 'bytes':
      return formatBytes(locale, value)
    case 'ratio':
      return formatRatio(locale, value)
    default:
      return Number.isInteger(value) ? formatCount(locale, value) : formatDecimal(locale, value)
  }
}

/** A metric's value formatted by its unit. */
export function formatMetric(locale: Locale, name: MetricName, value: number): string {
  return formatByUnit(locale, METRICS[name].unit, value)
}

/** A pool address: decimal for textbook arenas, hexadecimal once addresses get long. */
export function formatAddress(value: number): string {
  return value < 0x10000 ? String(value) : `0x${value.toString(16)}`
}

/** Nanoseconds per request, to three significant digits ("41.7 ns", "1.2 µs"). */
export function formatNanoseconds(locale: Locale, value: number): string {
  if (value >= 1000)
    return `${numberFormat(locale, { maximumSignificantDigits: 3 }).format(value / 1000)} µs`
  return `${numberFormat(locale, { maximumSignificantDigits: 3 }).format(value)} ns`
}
