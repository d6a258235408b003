import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadFixture, type FixtureName } from "@/server/providers/peloton/__fixtures__/load";
import { transformWorkout } from "@/server/providers/peloton/transform/workout";
import type { TransformedWorkout } from "@/lib/domain/workout";
import type { ChannelName, WorkoutSeries } from "@/lib/domain/series";
import type { ClassTargets } from "@/lib/domain/targets";
import { toChartRows } from "./chart-rows";
import { buildWorkoutChart } from "./workout-chart";
import type { WorkoutChartInput } from "./workout-chart-types";
import { powerZoneOf } from "./zones";

function fixture(name: FixtureName): TransformedWorkout {
  return transformWorkout(loadFixture(name));
}

function inputOf(t: TransformedWorkout, extra: Partial<WorkoutChartInput> = {}): WorkoutChartInput {
  return {
    discipline: t.workout.discipline,
    series: t.series,
    targets: t.targets ?? null,
    segments: t.segments,
    ftp: t.workout.ftp,
    heartRate: { maxHr: 190, lthr: null },
    ...extra,
  };
}

function payload(data: unknown): { raw: number; gzip: number } {
  const json = JSON.stringify(data);
  return { raw: Buffer.byteLength(json), gzip: gzipSync(json).length };
}

/**
 * The 30-minute fixture `copies` times over (4 → a 2-hour ride) with seeded ±3 jitter on every reading, which makes it
 * noisier, so harder to compress, than the smooth fixture (and stops gzip pointing back at the previous copy).
 */
function jitteredRide(t: TransformedWorkout, copies: number): WorkoutChartInput {
  const series = t.series!;
  let seed = 7;
  const jitter = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return (seed % 7) - 3;
  };
  const channels: WorkoutSeries["channels"] = {};
  const keys: ChannelName[] = ["output", "cadence", "resistance", "speed", "heart_rate"];
  for (const key of keys) {
    const values = series.channels[key];
    if (!values) continue;
    const scale = key === "speed" ? 0.1 : 1;
    channels[key] = Array.from({ length: copies }).flatMap(() => values.map((v) => (v === null ? null : Math.max(0, Math.round((v + jitter() * scale) * 10) / 10))));
  }
  const shift = <T extends { start: number; end: number }>(spans: T[]) =>
    Array.from({ length: copies }, (_, k) => k).flatMap((k) => spans.map((s) => ({ ...s, start: s.start + k * 1800, end: s.end + k * 1800 })));
  const targets = t.targets!;
  return inputOf(t, {
    series: { ...series, length: series.length * copies, channels },
    targets: { ...targets, powerZones: shift(targets.powerZones) },
    segments: shift(t.segments),
  });
}

describe("buildWorkoutChart: 30-minute power-zone ride at 1 s (FTP 200)", () => {
  const ride = fixture("cycling-power-zone");
  const data = buildWorkoutChart(inputOf(ride));

  it("has a compact shared time axis and the bike panels", () => {
    expect(data.time).toMatchObject({ start: 0, step: 1, count: 1800, offsets: null, end: 1800, bucket: 1 });
    expect(data.time.ticks).toEqual([0, 300, 600, 900, 1200, 1500, 1800]);
    expect(data.panels.map((p) => p.id)).toEqual(["power", "cadence", "resistance", "heart_rate"]);
    expect(data.channels.map((c) => [c.key, c.unit, c.values.length])).toEqual([
      ["output", "W", 1800],
      ["cadence", "rpm", 1800],
      ["resistance", "%", 1800],
      ["speed", "mph", 1800],
      ["heart_rate", "bpm", 1800],
    ]);
  });

  it("draws power-zone bands in watts from the ride's FTP", () => {
    const power = data.panels.find((p) => p.id === "power")!;
    expect(power.metric).toBe("power");
    expect(power.bands.map((b) => [b.start, b.end, b.lower, b.upper])).toEqual([
      [0, 60, 0, 110],
      [60, 180, 111, 150],
      [180, 240, 151, 180],
      [240, 300, 111, 150],
      [300, 540, 151, 180],
      [540, 600, 111, 150],
      [600, 780, 181, 210],
      [780, 840, 111, 150],
      [840, 1020, 181, 210],
      [1020, 1080, 111, 150],
      [1080, 1140, 211, 240],
      [1140, 1200, 111, 150],
      [1200, 1500, 151, 210],
      [1500, 1620, 111, 150],
      [1620, 1800, 0, 110],
    ]);
    expect(power.bands[12]?.label).toBe("Z3–4 151–210 W");
    expect(data.power?.zones[3]).toMatchObject({ zone: 4, lower: 181, upper: 210 });
  });

  it("computes compliance second by second, the same as classifying each reading with powerZoneOf", () => {
    const output = ride.series!.channels.output!;
    const bands = data.panels.find((p) => p.id === "power")!.bands;
    const spans = ride.targets!.powerZones;
    let inRange = 0;
    spans.forEach((span) => {
      for (let t = span.start; t < span.end; t++) {
        const zone = powerZoneOf(output[t] ?? null, 200);
        if (zone !== null && zone >= span.zoneLower && zone <= span.zoneUpper) inRange++;
      }
    });
    const power = data.compliance.find((c) => c.metric === "power")!;
    expect(power.inSeconds).toBe(inRange);
    expect(power.targetSeconds).toBe(1800);
    expect(power.inSeconds + power.underSeconds + power.overSeconds).toBe(power.dataSeconds);
    expect(power.dataSeconds + power.missingSeconds).toBe(power.targetSeconds);
    expect(bands.reduce((sum, b) => sum + b.inSeconds, 0)).toBe(inRange);
    // per segment: the tallies add up to the whole
    const perSegment = data.segments.map((s) => s.compliance.find((c) => c.metric === "power")!);
    expect(perSegment.map((s) => s.targetSeconds)).toEqual([300, 1200, 300]);
    expect(perSegment.reduce((sum, s) => sum + s.inSeconds, 0)).toBe(power.inSeconds);
  });

  it("is plain JSON and its gzip payload stays within 40 KB", () => {
    expect(JSON.parse(JSON.stringify(data))).toStrictEqual(data);
    const size = payload(data);
    console.log(`payload, 30-min 1 s power-zone ride: ${size.raw} B raw, ${size.gzip} B gzip`);
    expect(size.gzip).toBeLessThanOrEqual(40 * 1024);
    const noisy = payload(buildWorkoutChart(jitteredRide(ride, 1)));
    console.log(`payload, the same ride with ±3 jitter on every reading: ${noisy.raw} B raw, ${noisy.gzip} B gzip`);
    expect(noisy.gzip).toBeLessThanOrEqual(40 * 1024);
  });

  it("toChartRows expands the columns into Recharts rows on the shared axis", () => {
    const rows = toChartRows(data);
    expect(rows).toHaveLength(1800);
    expect(rows[0]).toEqual({ t: 0, output: 90, cadence: 81, resistance: 30, speed: 13.2, heart_rate: 76 });
    expect(rows[1799]?.t).toBe(1799);
  });
});

describe("buildWorkoutChart: 2-hour ride at 1 s", () => {
  const ride = fixture("cycling-power-zone");
  const input = jitteredRide(ride, 4);
  const data = buildWorkoutChart(input);

  it("downsamples for display only: ≤ 2 × maxPoints points, offsets given, compliance and stats from full resolution", () => {
    expect(data.time.bucket).toBe(5);
    expect(data.time.count).toBeLessThanOrEqual(3000);
    expect(data.time.offsets).toHaveLength(data.time.count);
    expect(data.channels.every((c) => c.values.length === data.time.count)).toBe(true);
    const full = buildWorkoutChart({ ...input, maxPoints: 100_000 });
    expect(full.time.bucket).toBe(1);
    expect(data.compliance).toEqual(full.compliance);
    expect(data.segments).toEqual(full.segments);
    expect(data.channels.map((c) => c.stats)).toEqual(full.channels.map((c) => c.stats));
    const max = (d: typeof data) => Math.max(...d.channels[0]!.values.filter((v): v is number => v !== null));
    expect(max(data)).toBe(max(full));
    const size = payload(data);
    console.log(`payload, 2-hour 1 s ride (downsampled to ${data.time.count} points): ${size.raw} B raw, ${size.gzip} B gzip`);
    console.log(`payload, 2-hour 1 s ride (full resolution, for comparison): ${payload(full).raw} B raw, ${payload(full).gzip} B gzip`);
    expect(size.gzip).toBeLessThanOrEqual(60 * 1024);
  });
});

describe("buildWorkoutChart: other disciplines", () => {
  it("cycling cues: cadence and resistance target ranges with compliance", () => {
    const data = buildWorkoutChart(inputOf(fixture("cycling-cues")));
    const cadence = data.panels.find((p) => p.id === "cadence")!;
    expect(cadence.bands[0]).toMatchObject({ start: 0, end: 120, lower: 80, upper: 90, label: "80–90 rpm" });
    expect(data.compliance.map((c) => c.metric)).toEqual(["cadence", "resistance"]);
    expect(data.compliance[0]).toMatchObject({ targetSeconds: 1200, dataSeconds: 1200 });
    expect(data.channels.find((c) => c.key === "speed")?.unit).toBe("kph");
    expect(data.panels.some((p) => p.id === "speed")).toBe(false);
  });

  it("tread run: pace intensities resolved through pace level 6 on a reversed min/mi axis; speed and incline ranges", () => {
    const data = buildWorkoutChart(inputOf(fixture("tread-run"), { paceLevel: 6 }));
    expect(data.panels.map((p) => p.id)).toEqual(["power", "pace", "speed", "incline", "heart_rate"]);
    const pace = data.panels.find((p) => p.id === "pace")!;
    expect(pace.reversed).toBe(true);
    // Recovery at level 6 in the class table: 640.8–680.4 s per mile
    expect(pace.bands[0]).toMatchObject({ lower: 10.68, upper: 11.34, label: "Recovery 10:41–11:20 /mi" });
    expect(pace.yDomain[0]).toBeLessThan(pace.yDomain[1]);
    expect(data.compliance.map((c) => c.metric).sort()).toEqual(["incline", "pace", "speed"]);
    expect(data.notices).toEqual([]);
  });

  it("tread run without a pace level: no pace bands, a notice instead", () => {
    const data = buildWorkoutChart(inputOf(fixture("tread-run")));
    expect(data.panels.find((p) => p.id === "pace")?.bands).toEqual([]);
    expect(data.compliance.some((c) => c.metric === "pace")).toBe(false);
    expect(data.notices.map((n) => n.code)).toEqual(["pace_intensity_without_level"]);
  });

  it("row: stroke-rate ranges and split pace (min/500m) from the row pace table", () => {
    const data = buildWorkoutChart(inputOf(fixture("row"), { paceLevel: 5 }));
    expect(data.panels.map((p) => p.id)).toEqual(["power", "stroke_rate", "split_pace", "heart_rate"]);
    const split = data.panels.find((p) => p.id === "split_pace")!;
    expect(split).toMatchObject({ metric: "pace", reversed: true, unit: "min/500m" });
    // Recovery (−1) at level 5: 151.2–157.2 s per 500 m
    expect(split.bands[0]).toMatchObject({ lower: 2.52, upper: 2.62, label: "Recovery 2:31–2:37 /500m" });
    expect(data.compliance.find((c) => c.metric === "pace")?.label).toBe("Split pace");
    expect(data.power).toBeNull();
  });

  it("outdoor walk: pace and elevation, no targets", () => {
    const data = buildWorkoutChart(inputOf(fixture("outdoor-walk")));
    expect(data.panels.map((p) => p.id)).toEqual(["pace", "altitude", "heart_rate"]);
    expect(data.compliance).toEqual([]);
  });

  it("nulls stay gaps in the chart and count as missing, never as zero", () => {
    const t = fixture("cycling-nulls");
    const data = buildWorkoutChart(inputOf(t, { heartRate: { maxHr: null, lthr: 165 } }));
    const hr = data.channels.find((c) => c.key === "heart_rate")!;
    const nulls = t.series!.channels.heart_rate!.filter((v) => v === null).length;
    expect(hr.values.filter((v) => v === null)).toHaveLength(nulls);
    expect(hr.stats.missingSeconds).toBe(nulls);
    expect(data.heartRate?.method).toBe("lthr");
    expect(data.heartRate?.zones.reduce((s, z) => s + z.seconds, 0)).toBe(600 - nulls);
  });

  it("power-zone targets without an FTP: no bands, a notice", () => {
    const data = buildWorkoutChart(inputOf(fixture("cycling-power-zone"), { ftp: null }));
    expect(data.panels[0]?.bands).toEqual([]);
    expect(data.power).toBeNull();
    expect(data.notices.map((n) => n.code)).toEqual(["power_zones_without_ftp"]);
  });

  it("an in-progress ride counts only the time it has samples for", () => {
    const data = buildWorkoutChart(inputOf(fixture("cycling-in-progress")));
    expect(data.time.end).toBe(725);
    expect(data.compliance[0]?.targetSeconds).toBe(725);
    expect(data.segments.map((s) => [s.start, s.end])).toEqual([
      [0, 420],
      [420, 725],
    ]);
  });

  it("targets stored by an older sync without the newer lists still resolve", () => {
    const t = fixture("cycling-cues");
    const { cadence, resistance, powerZones } = t.targets!;
    // the same loose guard lib/queries/workout-detail.ts applies to the stored JSON
    const isTargets = (v: unknown): v is ClassTargets => typeof v === "object" && v !== null && "powerZones" in v && "cadence" in v;
    const stored: unknown = JSON.parse(JSON.stringify({ cadence, resistance, powerZones }));
    if (!isTargets(stored)) throw new Error("fixture targets lost their lists");
    const data = buildWorkoutChart(inputOf(t, { targets: stored }));
    expect(data.compliance.map((c) => c.metric)).toEqual(["cadence", "resistance"]);
  });

  it("no series: segments only, and a notice", () => {
    const data = buildWorkoutChart(inputOf(fixture("meditation")));
    expect(data.channels).toEqual([]);
    expect(data.time.count).toBe(0);
    expect(data.segments.map((s) => s.name)).toEqual(["Meditation"]);
    expect(data.notices.map((n) => n.code)).toEqual(["no_series"]);
  });
});
