import "server-only";
import { brotliCompressSync, brotliDecompressSync, constants as zlib, inflateRawSync } from "node:zlib";
import type { ChannelName, WorkoutSeries } from "@/lib/domain/series";
import { ByteReader, ByteWriter, seriesCodecError } from "./series-bytes";

/**
 * Compact, exact storage for a WorkoutSeries (pure CPU; node:zlib only).
 *
 *   bytes 0–2   "ACS"                      magic
 *   byte  3     format version (1)
 *   byte  4     compression: 0 none, 1 raw DEFLATE, 2 Brotli (whichever is smallest for this payload)
 *   then the payload, compressed:
 *     varint   intervalSeconds × 1000          zvarint  firstOffset × 1000          varint  length
 *     varint   entry count, then per entry:    byte channel id (CHANNEL_IDS; append-only)
 *              byte flags (1 = has values, 2 = has unit)   [varint byte length + UTF-8 unit]   [byte decimals]
 *     per entry with values, in entry order:
 *       null runs: varint run count, then alternating run lengths starting with a run of readings (may be 0)
 *       readings:  zvarint (round(value × 10^decimals) − previous reading's integer), the first against 0
 *
 * varint = unsigned LEB128; zvarint = zigzag then varint. Arithmetic (not 32-bit bitwise) keeps integers up to 2^50.
 * Decimals per channel are the fewest (up to the channel's cap) that represent every reading exactly, so Peloton's
 * values round-trip bit-for-bit (integer watts → 0, speed 16.5 → 1, pace 9.44 → 2); beyond the cap values are rounded
 * to it. Nulls and non-finite values decode as null; series length, channel set and units are preserved.
 */
const MAGIC = [0x41, 0x43, 0x53];
export const SERIES_CODEC_VERSION = 1;
const Compression = { None: 0, Deflate: 1, Brotli: 2 } as const;
type Compression = (typeof Compression)[keyof typeof Compression];

/** Wire ids of the channels: never reorder, only append. */
const CHANNEL_IDS: readonly ChannelName[] = [
  "output",
  "cadence",
  "resistance",
  "speed",
  "heart_rate",
  "pace",
  "incline",
  "altitude",
  "stroke_rate",
  "split_pace",
  "distance",
  "latitude",
  "longitude",
];

/** Most decimals kept per channel (Peloton sends fewer: W/rpm/bpm integers, speed 1, pace 2, GPS distance 3). */
export const MAX_DECIMALS: Record<ChannelName, number> = {
  output: 2,
  cadence: 2,
  resistance: 2,
  speed: 3,
  heart_rate: 1,
  pace: 3,
  incline: 2,
  altitude: 2,
  stroke_rate: 2,
  split_pace: 3,
  distance: 4,
  latitude: 7,
  longitude: 7,
};

const MAX_MAGNITUDE = 2 ** 50;

const reading = (v: number | null | undefined): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);

/** Fewest decimals (≤ cap) that represent every reading exactly. */
export function chooseDecimals(values: readonly (number | null)[], cap: number): number {
  for (let d = 0; d < cap; d++) {
    const scale = 10 ** d;
    const exact = values.every((v) => {
      const r = reading(v);
      if (r === null) return true;
      const scaled = r * scale;
      return Math.abs(scaled - Math.round(scaled)) <= 1e-9 * Math.max(1, Math.abs(scaled)) && Math.round(scaled) / scale === r;
    });
    if (exact) return d;
  }
  return cap;
}

/**
 * Writes the channel; returns its values as decodeSeries will read them back (rounded to `decimals`, -0 as 0): the
 * given list itself when that changes nothing (the usual case: the decimals were chosen to be exact), else a copy.
 */
function writeChannel(w: ByteWriter, values: readonly (number | null)[], decimals: number): readonly (number | null)[] {
  const runs: number[] = [];
  let present = true;
  let run = 0;
  for (const v of values) {
    if ((reading(v) !== null) === present) run++;
    else {
      runs.push(run);
      present = !present;
      run = 1;
    }
  }
  runs.push(run);
  w.varint(runs.length);
  for (const r of runs) w.varint(r);
  const scale = 10 ** decimals;
  let previous = 0;
  let copy: (number | null)[] | null = null;
  for (let i = 0; i < values.length; i++) {
    const r = reading(values[i]);
    let back: number | null = null;
    if (r !== null) {
      const scaled = Math.round(r * scale);
      if (Math.abs(scaled) > MAX_MAGNITUDE) throw new RangeError(`Series value ${r} is too large to encode.`);
      w.zvarint(scaled - previous);
      previous = scaled;
      // readChannel sums the deltas back: exact integers, except that a -0 delta is written as 0.
      back = (scaled || 0) / scale;
    }
    if (copy) copy[i] = back;
    else if (!Object.is(back, values[i])) {
      copy = values.slice(0, i);
      copy[i] = back;
    }
  }
  return copy ?? values;
}

function readChannel(r: ByteReader, length: number, decimals: number): (number | null)[] {
  const runCount = r.varint();
  const out: (number | null)[] = [];
  const runs: number[] = [];
  let total = 0;
  for (let i = 0; i < runCount; i++) {
    const run = r.varint();
    total += run;
    if (total > length) throw seriesCodecError("Series null map is longer than the series.");
    runs.push(run);
  }
  if (total !== length) throw seriesCodecError("Series null map does not cover the series.");
  const scale = 10 ** decimals;
  let previous = 0;
  runs.forEach((run, i) => {
    for (let k = 0; k < run; k++) {
      if (i % 2 === 1) {
        out.push(null);
        continue;
      }
      previous += r.zvarint();
      out.push(previous / scale);
    }
  });
  return out;
}

/**
 * Brotli at quality 4: for a 30-min ride ~3.2 KB in ~0.3 ms. Quality 10 saves ~14 % more bytes at ~40× the
 * CPU (~10 ms per ride), which dominated a bulk sync; DEFLATE is larger at every level. Stored data records
 * its method, so older encodings still decode.
 */
function compress(payload: Uint8Array): { method: Compression; data: Uint8Array } {
  const brotli = brotliCompressSync(payload, {
    params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: payload.byteLength },
  });
  return brotli.byteLength < payload.byteLength ? { method: Compression.Brotli, data: brotli } : { method: Compression.None, data: payload };
}

export function encodeSeries(series: WorkoutSeries): Uint8Array {
  return encodeSeriesStored(series).bytes;
}

/** A string as it comes back from UTF-8 (lone surrogates become U+FFFD), as ByteReader#text reads a unit. */
const throughUtf8 = (text: string) => (/[\uD800-\uDFFF]/.test(text) ? new TextDecoder().decode(new TextEncoder().encode(text)) : text);

/**
 * The stored bytes and the series exactly as decodeSeries(bytes) reads them back (values rounded to the stored
 * decimals, channels and units in wire order), without decompressing and reading them again.
 */
export function encodeSeriesStored(series: WorkoutSeries): { bytes: Uint8Array; stored: WorkoutSeries } {
  const w = new ByteWriter();
  if (!Number.isInteger(series.length) || series.length < 0) throw new RangeError(`Invalid series length ${series.length}.`);
  w.varint(Math.round(series.intervalSeconds * 1000));
  w.zvarint(Math.round(series.firstOffset * 1000));
  w.varint(series.length);
  const entries = CHANNEL_IDS.flatMap((name, id) => {
    const values = series.channels[name];
    const unit = series.units[name];
    if (values === undefined && unit === undefined) return [];
    if (values && values.length !== series.length) {
      throw new RangeError(`Channel ${name} has ${values.length} values for a series of ${series.length}.`);
    }
    return [{ id, name, values, unit, decimals: values ? chooseDecimals(values, MAX_DECIMALS[name]) : 0 }];
  });
  w.varint(entries.length);
  for (const e of entries) {
    w.byte(e.id);
    w.byte((e.values ? 1 : 0) | (e.unit !== undefined ? 2 : 0));
    if (e.unit !== undefined) w.text(e.unit);
    if (e.values) w.byte(e.decimals);
  }
  const stored: WorkoutSeries = {
    intervalSeconds: Math.round(series.intervalSeconds * 1000) / 1000,
    firstOffset: (Math.round(series.firstOffset * 1000) || 0) / 1000,
    length: series.length,
    channels: {},
    units: {},
  };
  for (const e of entries) if (e.unit !== undefined) stored.units[e.name] = throughUtf8(e.unit);
  // The stored series is only read (by the analytics), so it may share the given lists.
  for (const e of entries) if (e.values) stored.channels[e.name] = writeChannel(w, e.values, e.decimals) as (number | null)[];

  const { method, data } = compress(w.finish());
  const out = new Uint8Array(MAGIC.length + 2 + data.byteLength);
  out.set(MAGIC, 0);
  out[3] = SERIES_CODEC_VERSION;
  out[4] = method;
  out.set(data, 5);
  return { bytes: out, stored };
}

function decompress(method: number, data: Uint8Array): Uint8Array {
  try {
    if (method === Compression.None) return data;
    if (method === Compression.Deflate) return new Uint8Array(inflateRawSync(data));
    if (method === Compression.Brotli) return new Uint8Array(brotliDecompressSync(data));
  } catch (cause) {
    throw seriesCodecError(`Series data does not decompress: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
  throw seriesCodecError(`Unknown series compression ${method}.`);
}

export function decodeSeries(bytes: Uint8Array): WorkoutSeries {
  if (bytes.length < 5 || MAGIC.some((b, i) => bytes[i] !== b)) throw seriesCodecError("Not an AutoCoach series (bad magic).");
  if (bytes[3] !== SERIES_CODEC_VERSION) throw seriesCodecError(`Unsupported series format version ${bytes[3]}.`);
  const r = new ByteReader(decompress(bytes[4] ?? -1, bytes.subarray(5)));
  const intervalSeconds = r.varint() / 1000;
  const firstOffset = r.zvarint() / 1000;
  const length = r.varint();
  const count = r.varint();
  const entries: { name: ChannelName; hasValues: boolean; decimals: number }[] = [];
  const series: WorkoutSeries = { intervalSeconds, firstOffset, length, channels: {}, units: {} };
  for (let i = 0; i < count; i++) {
    const name = CHANNEL_IDS[r.byte()];
    if (!name) throw seriesCodecError("Series data names an unknown channel.");
    const flags = r.byte();
    if (flags & 2) series.units[name] = r.text();
    const decimals = flags & 1 ? r.byte() : 0;
    if (decimals > 9) throw seriesCodecError("Series data has an invalid scale.");
    entries.push({ name, hasValues: (flags & 1) === 1, decimals });
  }
  for (const e of entries) if (e.hasValues) series.channels[e.name] = readChannel(r, length, e.decimals);
  if (!r.done) throw seriesCodecError("Series data has trailing bytes.");
  return series;
}
