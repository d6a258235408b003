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

/**
 * A number with en-US thousands separators and exactly `decimals` fraction digits ("12,345.6"), rounded half away
 * from zero on its shortest decimal form, as `Intl.NumberFormat("en-US", { minimumFractionDigits: d,
 * maximumFractionDigits: d })` does, and without Intl: a page's first Intl object costs a phone 50–80 ms while ICU
 * starts up (about 200 ms in Lighthouse's 4× slower CPU, blocking the main thread), and every figure the app shows is
 * en-US. Far outside everyday magnitudes (an exponent form) it hands over to Intl.
 */
export function formatFixed(value: number, decimals = 0): string {
  const abs = Math.abs(value);
  // Exponent forms ("1e-7") and magnitudes no figure of ours reaches go to Intl.
  if (!Number.isFinite(value) || abs >= 1e15 || String(abs).includes("e") || decimals > 6 || !Number.isInteger(decimals) || decimals < 0) {
    return numberFormat("en-US", { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(value);
  }
  // Shift the decimal form (not the binary value): 1.005 rounds to 1.01 as Intl does, where toFixed gives 1.00.
  const scaled = Math.round(Number(`${abs}e${decimals}`));
  const digits = String(scaled).padStart(decimals + 1, "0");
  const whole = digits.slice(0, digits.length - decimals);
  const fraction = decimals ? `.${digits.slice(-decimals)}` : "";
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  // Intl keeps the sign of negative zero and of a negative value that rounds to zero ("-0", "-0.0").
  const negative = value < 0 || Object.is(value, -0);
  return `${negative ? "-" : ""}${grouped}${fraction}`;
}

/** A whole count with thousands separators: "3,000". */
export function formatCount(value: number): string {
  return formatFixed(value, 0);
}
