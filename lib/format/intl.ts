/**
 * Cached Intl formatters. Building an Intl.NumberFormat or DateTimeFormat costs far more than using one
 * (`toLocaleString` with a locale or options builds a new one on every call), and chart ticks, tables and
 * summaries format thousands of values per render: one formatter per locale and options, reused.
 */
const numberFormats = new Map<string, Intl.NumberFormat>();
const dateTimeFormats = new Map<string, Intl.DateTimeFormat>();

function cached<F>(cache: Map<string, F>, locale: string, options: object, create: () => F): F {
  const key = `${locale}|${JSON.stringify(options)}`;
  let formatter = cache.get(key);
  if (!formatter) {
    formatter = create();
    cache.set(key, formatter);
  }
  return formatter;
}

export function numberFormat(locale: string, options: Intl.NumberFormatOptions = {}): Intl.NumberFormat {
  return cached(numberFormats, locale, options, () => new Intl.NumberFormat(locale, options));
}

/** Throws a RangeError for an unknown time zone, like the constructor (and caches nothing then). */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions = {}): Intl.DateTimeFormat {
  return cached(dateTimeFormats, locale, options, () => new Intl.DateTimeFormat(locale, options));
}

/** A whole count with thousands separators: "3,000". */
export function formatCount(value: number): string {
  return numberFormat("en-US").format(value);
}
