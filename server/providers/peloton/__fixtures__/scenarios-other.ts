import { JUST_RIDE, hexId, instructor, rideObject, workoutObject, type JsonObject } from "./builders";
import { graphObject, heartRateMetric, hrZoneDurations, metric, segment, summary, target } from "./graph-builders";
import { atOffsets, gauss, perSecond, round, sampleOffsets, seededRng, simulateHeartRate } from "./ride-sim";
import { MILO, rideDetails, type Scenario } from "./scenarios-bike";

/** Tread run, outdoor walk with GPS, row, strength, meditation. */
const RUN_INTENSITIES = ["Recovery", "Easy", "Moderate", "Challenging", "Hard", "Very Hard", "Max"];
const RUN_FACTORS = [1, 1.18, 1.34, 1.5, 1.66, 1.82, 2.05];
export const TESS = instructor("tessfixture", "Tess Placeholder", ["running", "walking", "caesar", "strength", "meditation"]);

/** Pace tables: per intensity, ten levels of [fast, slow] decimal minutes per unit. */
function paceTable(names: string[], values: number[], paceFor: (level: number, index: number) => number): JsonObject[] {
  return names.map((name, index) => ({
    value: values[index]!,
    display_name: name,
    pace_levels: Array.from({ length: 10 }, (_, l) => {
      const pace = paceFor(l + 1, index);
      return { slug: `level_${l + 1}`, display_name: `Level ${l + 1}`, fast_pace: round(pace * 0.97, 2), slow_pace: round(pace * 1.03, 2) };
    }),
  }));
}

export function treadRun(): Scenario {
  const plan: [number, number, number, number][] = [
    // seconds, intensity, incline lower, incline upper
    [180, 0, 1, 1], [120, 1, 1, 1], [180, 2, 1, 2], [60, 1, 1, 1], [120, 3, 2, 3], [60, 1, 1, 1],
    [120, 4, 1, 2], [60, 1, 1, 1], [60, 5, 0, 1], [60, 1, 1, 1], [180, 2, 1, 1],
  ];
  const baseMph = 3.2 + 0.45 * 5;
  const rng = seededRng(3100);
  const mph = perSecond(plan.map(([seconds, k]) => ({ seconds, value: round(baseMph * RUN_FACTORS[k]!, 1) })));
  const incline = perSecond(plan.map(([seconds, , lo, hi]) => ({ seconds, value: round((lo + hi) / 2, 1) })));
  const output = mph.map((v, i) => Math.round(76 * v * 0.447 * (1.04 + 9.81 * (incline[i]! / 100)) * 0.85 + 1.5 * gauss(rng)));
  const hr = simulateHeartRate(mph.map((v) => Math.min(1, (v - 4) / 7 + 0.35)), rng, 70, 186);
  const offsets = sampleOffsets(1200, 5);
  const speedValues = atOffsets(mph, offsets, 1);
  const paceValues = speedValues.map((v) => (v ? round(60 / v, 2) : null));
  const speed = metric("Speed", "mph", "speed", speedValues, 1);
  const pace = metric("Pace", "min/mi", "pace", paceValues, 2, { alternatives: [speed] });
  const heart = heartRateMetric(atOffsets(hr, offsets), 5);
  const miles = round(mph.reduce((a, b) => a + b, 0) / 3600, 2);
  const kj = Math.round(output.reduce((a, b) => a + b, 0) / 1000);
  let t = 60;
  const targets = plan.map(([seconds, k, lo, hi]) => {
    const speedMid = round(3.2 * RUN_FACTORS[k]!, 1);
    const entry = target(t, t + seconds - 1, "running", [["pace_intensity", k, k], ["incline", lo, hi], ["speed", speedMid, round(speedMid + 2.5, 1)]]);
    t += seconds;
    return entry;
  });
  const segments = [segment("run20", "Warm Up", "warmup", 0, 180, "running", 3.5), segment("run20", "Running", "running", 180, 840, "running", 9.5), segment("run20", "Cool Down", "cooldown", 1020, 180, "running", 3.5)];
  const ride = rideObject({ id: hexId("ride:run20"), title: "20 min Intervals Run", discipline: "running", duration: 1200, instructor: MILO, classTypeIds: [hexId("class-type:intervals")], metrics: ["heart_rate", "pace", "calories"] });
  const graph = graphObject({
    duration: 1200,
    offsets,
    metrics: [metric("Output", "watts", "output", atOffsets(output, offsets)), pace, metric("Incline", "%", "incline", atOffsets(incline, offsets, 1), 1), heart],
    summaries: [summary("Total Output", "kj", kj, "total_output"), summary("Distance", "mi", miles, "distance"), summary("Elevation", "ft", 68, "elevation"), summary("Calories", "kcal", 251, "calories")],
    averageSummaries: [
      summary("Avg Output", "watts", Math.round(Number(metric("o", "w", "o", output).average_value)), "avg_output"),
      summary("Avg Pace", "min/mi", round(1200 / 60 / miles, 2), "avg_pace"),
      summary("Avg Speed", "mph", round(miles / (1200 / 3600), 1), "avg_speed"),
      summary("Avg Incline", "%", round(incline.reduce((a, b) => a + b, 0) / incline.length, 1), "avg_incline"),
    ],
    segments,
    targets,
    timeInMetric: [["pace_intensity", 1006], ["incline", 1130], ["speed", 1200]],
    extra: { splits_data: { distance_marker_display_unit: "mi", elevation_change_display_unit: "ft", splits: [{ seconds: 548, distance_marker: 1, elevation_change: 31, order: 1, is_best: true, has_floor_segment: false }, { seconds: 556, distance_marker: 2, elevation_change: 33, order: 2, is_best: false, has_floor_segment: false }] } },
  });
  const start = 1747314000;
  return {
    name: "tread-run",
    workout: workoutObject({
      id: hexId("workout:run20"), discipline: "running", ride, startTime: start, endTime: start + 1200 + 66, deviceType: "home_tread", platform: "home_tread",
      totalWork: kj * 1000 + 312.75, ftp: 0, leaderboard: { rank: 233, total: 1864 }, timezone: "America/Chicago", hrZoneDurations: hrZoneDurations(heart),
    }),
    graph,
    ride: rideDetails(ride, [{ id: hexId("class-type:intervals"), name: "Intervals" }], {
      segments: { segment_list: segments },
      target_metrics_data: { target_metrics: targets, pace_intensities: paceTable(RUN_INTENSITIES, [0, 1, 2, 3, 4, 5, 6], (level, k) => 60 / ((3.2 + 0.45 * (level - 1)) * RUN_FACTORS[k]!)) },
    }),
  };
}

/** A free outdoor walk recorded on the phone: pace, elevation, heart rate and GPS with a signal gap. */
export function outdoorWalk(): Scenario {
  const rng = seededRng(6060);
  const duration = 600;
  const mph: number[] = [];
  const feet: number[] = [];
  let speed = 3.1;
  for (let s = 0; s < duration; s++) {
    speed += 0.1 * (3.2 - speed) + 0.05 * gauss(rng);
    mph.push(speed);
    feet.push(120 + 22 * Math.sin(s / 140) + 0.3 * gauss(rng));
  }
  const offsets = sampleOffsets(duration, 5);
  const paceValues = atOffsets(mph, offsets, 3).map((v) => (v ? round(60 / v, 2) : null));
  const hr = simulateHeartRate(mph.map(() => 0.42), rng, 74, 184);
  let miles = 0;
  const coordinates: { at: number; distance: number }[] = [];
  for (let s = 1; s <= duration; s++) {
    miles += mph[s - 1]! / 3600;
    if (s % 4 === 1) coordinates.push({ at: s, distance: round(miles, 3) });
  }
  const fix = (c: { at: number; distance: number }) => ({
    seconds_offset_from_start: c.at, latitude: round(40.6712 + c.distance * 0.0121, 6), longitude: round(-73.9701 - c.distance * 0.0064, 6),
    accuracy: 8 + (c.at % 5), distance: c.distance, distance_display_unit: "mi",
  });
  const gapFrom = 241;
  const gapTo = 285;
  const location = [
    { segment_id: hexId("loc:1"), is_gap: false, coordinates: coordinates.filter((c) => c.at < gapFrom).map(fix) },
    { segment_id: hexId("loc:2"), is_gap: true, coordinates: coordinates.filter((c) => c.at >= gapFrom && c.at < gapTo).map((c) => fix({ at: c.at, distance: coordinates.find((x) => x.at === gapFrom - 4)!.distance })) },
    { segment_id: hexId("loc:3"), is_gap: false, coordinates: coordinates.filter((c) => c.at >= gapTo).map(fix) },
  ];
  const heart = heartRateMetric(atOffsets(hr, offsets), 5);
  const total = round(miles, 2);
  const graph = graphObject({
    duration,
    offsets,
    metrics: [metric("Pace", "min/mi", "pace", paceValues, 2), metric("Elevation", "ft", "altitude", atOffsets(feet, offsets)), heart],
    summaries: [summary("Distance", "mi", total, "distance"), summary("Elevation", "ft", 44, "elevation"), summary("Calories", "kcal", 61, "calories")],
    averageSummaries: [summary("Avg Pace", "min/mi", round(10 / total, 2), "avg_pace"), summary("Avg Speed", "mph", round(total * 6, 1), "avg_speed")],
    segments: [],
    extra: { has_apple_watch_metrics: true, location_data: location, is_location_data_accurate: true },
  });
  const start = 1753178400;
  const ride: JsonObject = { id: JUST_RIDE, is_archived: false, title: null, scheduled_start_time: start, duration };
  return {
    name: "outdoor-walk",
    workout: workoutObject({
      id: hexId("workout:walk10"), discipline: "walking", ride, startTime: start, endTime: start + duration, deviceType: "iPhone", platform: "iOS_app",
      totalWork: 0, ftp: 0, workoutType: "freestyle", leaderboard: null, outdoor: true, metricsType: null, hrZoneDurations: hrZoneDurations(heart),
    }),
    graph,
  };
}
