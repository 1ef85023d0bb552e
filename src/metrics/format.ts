/**
 * Numbers for people: bytes, rates, percentages, uptimes, in the reader's locale.
 *
 * Every formatter answers NO_VALUE for input it cannot show honestly (NaN, ±Infinity, null,
 * undefined, a negative size), so "NaN undefined/s" can never reach the screen.
 */

/** Shown in place of a value that is unknown or invalid. */
export const NO_VALUE = '—';

/** A BCP 47 tag or a priority list; undefined means the runtime's default locale. */
export type Locale = string | string[] | undefined;

export const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

// Building an Intl.NumberFormat costs far more than using one, and charts format on every redraw.
const formatters = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, kind: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale === undefined ? '' : String(locale)}|${kind}`;
  let nf = formatters.get(key);
  if (!nf) {
    nf = new Intl.NumberFormat(locale, options);
    formatters.set(key, nf);
  }
  return nf;
}

function isShowable(n: number | null | undefined): n is number {
  return typeof n === 'number' && Number.isFinite(n) && n >= 0;
}

/**
 * At most three significant digits, but never rounding away integer digits ("1023 B", not
 * "1,020 B"); grouping only from five digits on, the way "1023" reads better than "1,023".
 */
function formatAmount(v: number, locale: Locale): string {
  if (v >= 10_000) {
    return numberFormat(locale, 'int-grouped', { maximumFractionDigits: 0 }).format(v);
  }
  if (v >= 1000) {
    return numberFormat(locale, 'int', { maximumFractionDigits: 0, useGrouping: false }).format(v);
  }
  return numberFormat(locale, 'sig3', { maximumSignificantDigits: 3, useGrouping: false }).format(v);
}

/** A count, grouped as the locale groups digits: 1204 → "1,204" (English), "1.204" (German). */
export function formatCount(n: number, locale?: Locale): string {
  return numberFormat(locale, 'int-grouped', { maximumFractionDigits: 0 }).format(n);
}

/** Binary units: 1536 → "1.5 KiB", 0 → "0 B". Negative sizes and non-finite input → NO_VALUE. */
export function formatBytes(n: number | null | undefined, locale?: Locale): string {
  if (!isShowable(n)) return NO_VALUE;
  let unit = 0;
  let v = n;
  while (v >= 1024 && unit < BYTE_UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  // 1023.9 KiB would print as "1024 KiB"; one unit up reads as intended.
  if (v >= 1000 && Math.round(v) >= 1024 && unit < BYTE_UNITS.length - 1) {
    v /= 1024;
    unit++;
  }
  return `${formatAmount(v, locale)} ${BYTE_UNITS[unit]}`;
}

/** Bytes per second: "1.5 MiB/s". */
export function formatRate(bytesPerSec: number | null | undefined, locale?: Locale): string {
  const bytes = formatBytes(bytesPerSec, locale);
  return bytes === NO_VALUE ? NO_VALUE : `${bytes}/s`;
}

/**
 * `n` is in percent (42.5 means 42.5 %). The locale decides the sign's place and spacing
 * ("42.5%" in English, "42,5 %" in German), one decimal at most.
 */
export function formatPercent(n: number | null | undefined, locale?: Locale): string {
  if (!isShowable(n)) return NO_VALUE;
  return numberFormat(locale, 'pct', { style: 'percent', maximumFractionDigits: 1 }).format(n / 100);
}

const UPTIME_UNITS = [
  ['d', 86_400],
  ['h', 3_600],
  ['min', 60],
  ['s', 1],
] as const;

/**
 * The two largest non-zero units, truncated (an uptime is never rounded up): "3 d 4 h",
 * "5 h 12 min", "45 s". A zero second unit is left out ("2 h", not "2 h 0 min").
 */
export function formatUptime(seconds: number | null | undefined, locale?: Locale): string {
  if (!isShowable(seconds)) return NO_VALUE;
  let rest = Math.floor(seconds);
  const nf = numberFormat(locale, 'int-grouped', { maximumFractionDigits: 0 });
  const parts: string[] = [];
  for (const [label, size] of UPTIME_UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (parts.length === 0 && count === 0 && size > 1) continue;
    if (parts.length > 0 && count === 0) break;
    parts.push(`${nf.format(count)} ${label}`);
    if (parts.length === 2) break;
  }
  return parts.join(' ');
}
