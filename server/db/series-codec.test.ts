import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { gauss, round, seededRng, simulateBike, type BikeBlock } from "@/server/providers/peloton/__fixtures__/ride-sim";
import { performanceGraphSchema, workoutSchema } from "@/server/providers/peloton/api/workout-schemas";
import { transformWorkout } from "@/server/providers/peloton/transform/workout";
import type { WorkoutSeries } from "@/lib/domain/series";
import { chooseDecimals, decodeSeries, encodeSeries, encodeSeriesStored, SERIES_CODEC_VERSION } from "./series-codec";

/** The product target for a 30-minute ride at 1 s with 5 channels. */
const TARGET_BYTES = 6 * 1024;
const FIXTURES = path.join(import.meta.dirname, "../providers/peloton/__fixtures__/workouts");

/** A realistic ride: random blocks (steady, intervals, sprints), rider noise, optional extra sensor noise. */
function generatedRide(minutes: number, seed: number, extraNoiseWatts = 0): WorkoutSeries {
  const rng = seededRng(seed);
  const blocks: BikeBlock[] = [];
  for (let left = minutes * 60; left > 0; ) {
    const seconds = Math.min(left, rng() < 0.3 ? 20 + Math.floor(rng() * 40) : 120 + Math.floor(rng() * 300));
    blocks.push({ seconds, watts: 110 + rng() * 200, cadence: 72 + Math.floor(rng() * 30) });
    left -= seconds;
  }
  const s = simulateBike(blocks, rng);
  const output = s.output.map((w) => Math.max(0, Math.round(w + extraNoiseWatts * gauss(rng))));
  return {
    intervalSeconds: 1,
    firstOffset: 1,
    length: output.length,
    channels: { output, cadence: s.cadence, resistance: s.resistance, speed: output.map((w) => round(2 * w ** 0.42, 1)), heart_rate: s.heartRate },
    units: { output: "watts", cadence: "rpm", resistance: "%", speed: "mph", heart_rate: "bpm" },
  };
}

function fixtureSeries(name: string): WorkoutSeries {
  const load = (kind: string): unknown => JSON.parse(readFileSync(path.join(FIXTURES, `${name}.${kind}.json`), "utf8"));
  const series = transformWorkout({ workout: workoutSchema.parse(load("workout")), graph: performanceGraphSchema.parse(load("graph")) }).series;
  if (!series) throw new Error(`${name} has no series`);
  return series;
}

const roundTrip = (series: WorkoutSeries) => decodeSeries(encodeSeries(series));

/** A series of the given channels (1 s from offset 1 unless given), as long as its longest channel. */
function seriesOf(channels: WorkoutSeries["channels"], units: WorkoutSeries["units"], header: { intervalSeconds?: number; firstOffset?: number } = {}): WorkoutSeries {
  const length = Math.max(0, ...Object.values(channels).map((values) => values?.length ?? 0));
  return { intervalSeconds: header.intervalSeconds ?? 1, firstOffset: header.firstOffset ?? 1, length, channels, units };
}

describe("series codec: size", () => {
  it("stores the 30-minute Power Zone fixture (1 s, 5 channels) within 6 KB", () => {
    const series = fixtureSeries("cycling-power-zone");
    expect(series.length).toBe(1800);
    expect(Object.keys(series.channels).sort()).toEqual(["cadence", "heart_rate", "output", "resistance", "speed"]);
    const bytes = encodeSeries(series);
    const json = JSON.stringify(series.channels).length;
    console.log(`series-codec: 30-min ride (fixture) ${bytes.byteLength} B (channel JSON ${json} B, ${(json / bytes.byteLength).toFixed(1)}×)`);
    expect(bytes.byteLength).toBeLessThanOrEqual(TARGET_BYTES);
    expect(decodeSeries(bytes)).toEqual(series);
  });

  it("stays within 6 KB for generated 30-minute rides, even with extra sensor noise", () => {
    for (const [seed, noise] of [[11, 0], [12, 5], [13, 10]] as const) {
      const series = generatedRide(30, seed, noise);
      const bytes = encodeSeries(series);
      console.log(`series-codec: 30-min generated ride, ±${noise} W extra noise: ${bytes.byteLength} B`);
      expect(bytes.byteLength).toBeLessThanOrEqual(TARGET_BYTES);
      expect(decodeSeries(bytes)).toEqual(series);
    }
  });

  it("round-trips a 2-hour ride and prints its size", () => {
    const series = generatedRide(120, 99, 5);
    expect(series.length).toBe(7200);
    const bytes = encodeSeries(series);
    console.log(`series-codec: 2-hour ride ${bytes.byteLength} B (channel JSON ${JSON.stringify(series.channels).length} B)`);
    expect(bytes.byteLength).toBeLessThanOrEqual(4 * TARGET_BYTES);
    expect(decodeSeries(bytes)).toEqual(series);
  });
});

describe("series codec: exact round trip", () => {
  it("round-trips every fixture series value for value", () => {
    for (const name of ["cycling-cues", "cycling-nulls", "just-ride", "tread-run", "outdoor-walk", "row", "strength", "cycling-in-progress"]) {
      const series = fixtureSeries(name);
      expect(roundTrip(series), name).toEqual(series);
    }
  });

  it.each<[string, WorkoutSeries]>([
    [
      "nulls at the start, in the middle, at the end, and all-null channels",
      seriesOf(
        {
          output: [null, null, 120, 121, null, 119, 0, null],
          heart_rate: [null, null, null, null, null, null, null, null],
          cadence: [80, 81, 82, 83, 84, 85, 86, 87],
        },
        { output: "watts", heart_rate: "bpm", cadence: "rpm" },
      ),
    ],
    [
      "Peloton's decimals: speed 0.1, pace/split 0.01, GPS distance 0.001, negative altitude",
      seriesOf(
        {
          speed: [16.5, 16.4, 0, 31.2],
          pace: [9.44, 46.15, 10.91, null],
          split_pace: [2.43, 2.46, 2.5, 2.58],
          distance: [0.001, 0.004, 0.123, 1.487],
          altitude: [-12.5, -3, 0, 88.25],
          incline: [1, 1.5, 2.5, 12],
        },
        { speed: "kph", pace: "min/km", split_pace: "min/500m", distance: "km", altitude: "ft", incline: "%" },
        { intervalSeconds: 5 },
      ),
    ],
    ["the header: interval, first offset, length, units without values", seriesOf({ output: [1, 2, 3] }, { speed: "mph" }, { intervalSeconds: 5 })],
    ["the header: a fractional interval, offset 0, values without units", seriesOf({ heart_rate: [150, 151] }, {}, { intervalSeconds: 2.5, firstOffset: 0 })],
    ["an empty series", seriesOf({}, {})],
    ["an empty channel", seriesOf({ output: [] }, { output: "watts" })],
  ])("keeps %s", (_, series) => {
    expect(roundTrip(series)).toEqual(series);
  });

  it("rounds beyond a channel's cap and turns non-finite values into null", () => {
    const series = seriesOf({ output: [150.123456, Number.NaN, Number.POSITIVE_INFINITY, 0.1 + 0.2] }, {});
    expect(roundTrip(series).channels.output).toEqual([150.12, null, null, 0.3]);
  });
});

describe("series codec: the series as stored, from the encoder", () => {
  const cases: [string, WorkoutSeries][] = [
    ...["cycling-cues", "cycling-nulls", "just-ride", "tread-run", "outdoor-walk", "row", "strength", "cycling-in-progress"].map((name): [string, WorkoutSeries] => [name, fixtureSeries(name)]),
    ["rounded beyond the cap, non-finite, -0", seriesOf({ output: [150.123456, Number.NaN, -0, -0.001, 0.1 + 0.2, -3], speed: [-0.0001, 1.23456, null, 2, 3, 4] }, { speed: "kph\uD800" })],
    ["units without values, a fractional interval, a negative first offset rounding to -0", seriesOf({ heart_rate: [150, 0] }, { output: "watts" }, { intervalSeconds: 2.5, firstOffset: -0.0001 })],
    ["an empty channel", seriesOf({ output: [] }, { output: "watts" })],
  ];
  it.each(cases)("is decodeSeries of its bytes: %s", (_, series) => {
    const { bytes, stored } = encodeSeriesStored(series);
    const decoded = decodeSeries(bytes);
    expect(stored).toEqual(decoded);
    expect(Object.is(stored.firstOffset, decoded.firstOffset)).toBe(true);
    for (const [name, values] of Object.entries(decoded.channels)) values.forEach((v, i) => expect(Object.is(stored.channels[name as keyof typeof stored.channels]?.[i], v)).toBe(true));
    expect(JSON.stringify(stored)).toBe(JSON.stringify(decoded));
    expect(bytes).toEqual(encodeSeries(series));
  });
});

describe("series codec: format", () => {
  it("starts with the magic, the version and the compression used", () => {
    const bytes = encodeSeries(generatedRide(5, 1));
    expect([...bytes.subarray(0, 4)]).toEqual([0x41, 0x43, 0x53, SERIES_CODEC_VERSION]);
    expect([0, 1, 2]).toContain(bytes[4]);
  });

  it("chooses the fewest decimals that are exact", () => {
    expect(chooseDecimals([150, 151, null], 2)).toBe(0);
    expect(chooseDecimals([16.5, 14.3], 3)).toBe(1);
    expect(chooseDecimals([9.44, 46.15], 3)).toBe(2);
    expect(chooseDecimals([1 / 3], 3)).toBe(3);
    expect(chooseDecimals([], 2)).toBe(0);
  });

  it("refuses a channel whose length is not the series length", () => {
    expect(() => encodeSeries({ intervalSeconds: 1, firstOffset: 1, length: 3, channels: { output: [1, 2] }, units: {} })).toThrow(RangeError);
  });

  it("rejects foreign, newer, truncated or padded bytes as storage.corrupt", () => {
    const bytes = encodeSeries(generatedRide(2, 3));
    expect(() => decodeSeries(new Uint8Array([1, 2, 3, 4, 5, 6]))).toThrow(expect.objectContaining({ code: "storage.corrupt" }));
    const newer = bytes.slice();
    newer[3] = SERIES_CODEC_VERSION + 1;
    expect(() => decodeSeries(newer)).toThrow(/version/);
    expect(() => decodeSeries(bytes.subarray(0, bytes.length - 10))).toThrow(expect.objectContaining({ code: "storage.corrupt" }));
    const unknownMethod = bytes.slice();
    unknownMethod[4] = 9;
    expect(() => decodeSeries(unknownMethod)).toThrow(expect.objectContaining({ code: "storage.corrupt" }));
    const plain = new Uint8Array([0x41, 0x43, 0x53, SERIES_CODEC_VERSION, 0, 8, 2, 0, 0, 0xff]);
    expect(() => decodeSeries(plain)).toThrow(expect.objectContaining({ code: "storage.corrupt" }));
  });
});
