/**
 * A JSON parser over bytes that reads every list of numbers (nulls allowed) into a Float64Array (null → NaN), the
 * "samples parsed from the bytes into typed arrays" design docs/quality.md weighed for the sync. It exists to measure
 * that design against `JSON.parse` (bench/sync-floor.ts), not for the app: the bench checks that it reads every
 * number of the real graphs to the same bits as `JSON.parse`.
 */

const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);
const decoder = new TextDecoder();

export function parseJsonBytes(b: Uint8Array): unknown {
  let i = 0;
  const skipSpace = () => {
    let c = b[i];
    while (c === 32 || c === 10 || c === 13 || c === 9) c = b[++i];
  };
  const fail = (): never => {
    throw new SyntaxError(`unexpected byte ${b[i]} at ${i}`);
  };

  /** After an item: true past a comma (another item follows), false past the closing `close` byte. */
  function another(close: number): boolean {
    skipSpace();
    if (b[i] === 44) return i++, true;
    if (b[i] !== close) fail();
    i++;
    return false;
  }

  function string(): string {
    const start = ++i;
    let plain = true;
    for (;;) {
      const c = b[i];
      if (c === undefined) fail();
      if (c === 34) break;
      if (c === 92) {
        plain = false;
        i += 2;
        continue;
      }
      if (c! > 127) plain = false;
      i++;
    }
    const end = i++;
    if (!plain) return JSON.parse(decoder.decode(b.subarray(start - 1, end + 1))) as string;
    let out = "";
    for (let k = start; k < end; k++) out += String.fromCharCode(b[k]!);
    return out;
  }

  // Digits as one integer divided once by a power of ten: correctly rounded while it has at most 15 digits (the
  // fast path of Clinger's algorithm); anything longer or with an exponent goes through Number().
  function number(): number {
    const start = i;
    const negative = b[i] === 45;
    if (negative) i++;
    let mantissa = 0;
    let digits = 0;
    let decimals = 0;
    let c = b[i]!;
    while (c >= 48 && c <= 57) {
      mantissa = mantissa * 10 + (c - 48);
      digits++;
      c = b[++i]!;
    }
    if (c === 46) {
      c = b[++i]!;
      while (c >= 48 && c <= 57) {
        mantissa = mantissa * 10 + (c - 48);
        digits++;
        decimals++;
        c = b[++i]!;
      }
    }
    if (digits === 0) fail();
    if (c === 101 || c === 69 || digits > 15) {
      if (c === 101 || c === 69) {
        i++;
        if (b[i] === 43 || b[i] === 45) i++;
        while (b[i]! >= 48 && b[i]! <= 57) i++;
      }
      return Number(decoder.decode(b.subarray(start, i)));
    }
    const value = decimals ? mantissa / POW10[decimals]! : mantissa;
    return negative ? -value : value;
  }

  function list(): unknown {
    i++;
    skipSpace();
    if (b[i] === 93) {
      i++;
      return [];
    }
    const start = i;
    let out = new Float64Array(256);
    let n = 0;
    for (;;) {
      skipSpace();
      const c = b[i]!;
      let value: number;
      if (c === 110) {
        value = Number.NaN;
        i += 4;
      } else if ((c >= 48 && c <= 57) || c === 45) value = number();
      else {
        i = start;
        return anyList();
      }
      if (n === out.length) {
        const grown = new Float64Array(n * 2);
        grown.set(out);
        out = grown;
      }
      out[n++] = value;
      if (!another(93)) return out.slice(0, n);
    }
  }

  function anyList(): unknown[] {
    const out: unknown[] = [];
    do {
      skipSpace();
      out.push(value());
    } while (another(93));
    return out;
  }

  function object(): Record<string, unknown> {
    i++;
    const out: Record<string, unknown> = {};
    skipSpace();
    if (b[i] === 125) {
      i++;
      return out;
    }
    do {
      skipSpace();
      if (b[i] !== 34) fail();
      const key = string();
      skipSpace();
      if (b[i++] !== 58) fail();
      skipSpace();
      out[key] = value();
    } while (another(125));
    return out;
  }

  function value(): unknown {
    const c = b[i];
    if (c === 123) return object();
    if (c === 91) return list();
    if (c === 34) return string();
    if (c === 116) return (i += 4), true;
    if (c === 102) return (i += 5), false;
    if (c === 110) return (i += 4), null;
    return number();
  }

  skipSpace();
  const out = value();
  skipSpace();
  if (i !== b.length) fail();
  return out;
}

/** True when `typed` (parseJsonBytes) holds what `plain` (JSON.parse) holds, every number to the same bits. */
export function sameAsJsonParse(typed: unknown, plain: unknown): boolean {
  if (typed instanceof Float64Array) {
    if (!Array.isArray(plain) || plain.length !== typed.length) return false;
    return plain.every((v, k) => (v === null ? Number.isNaN(typed[k]) : Object.is(v, typed[k])));
  }
  if (Array.isArray(typed)) return Array.isArray(plain) && plain.length === typed.length && typed.every((v, k) => sameAsJsonParse(v, plain[k]));
  if (typed && typeof typed === "object") {
    if (!plain || typeof plain !== "object" || Array.isArray(plain)) return false;
    const keys = Object.keys(typed);
    return keys.length === Object.keys(plain).length && keys.every((k) => sameAsJsonParse((typed as Record<string, unknown>)[k], (plain as Record<string, unknown>)[k]));
  }
  return Object.is(typed, plain);
}
