import { hexId, rideObject, workoutObject } from "./builders";
import { graphObject, heartRateMetric, hrZoneDurations, metric, segment, summary, target } from "./graph-builders";
import { atOffsets, gauss, perSecond, round, sampleOffsets, seededRng, simulateHeartRate } from "./ride-sim";
import { rideDetails, type Scenario } from "./scenarios-bike";
import { TESS } from "./scenarios-other";

/** Row (stroke rate + pace intensity targets, split pace), strength (heart rate, movement tracker), meditation (nothing). */
const ROW_INTENSITIES: [number, string, number][] = [
  [-1, "Recovery", 20],
  [0, "Easy", 10],
  [1, "Moderate", 0],
  [2, "Challenging", -8],
  [3, "Max", -16],
];
const rowSplit = (level: number, intensity: number) => 150 - 4 * (level - 1) + (ROW_INTENSITIES.find(([v]) => v === intensity)?.[2] ?? 0);

export function row(): Scenario {
  const plan: [number, number, number, number][] = [
    // seconds, pace intensity, stroke rate lower, upper
    [180, -1, 18, 20], [120, 0, 20, 22], [240, 1, 22, 24], [60, -1, 18, 20], [180, 2, 24, 26],
    [60, -1, 18, 20], [120, 3, 26, 28], [120, 0, 20, 22], [120, -1, 18, 20],
  ];
  const rng = seededRng(5005);
  const level = 5;
  const split = perSecond(plan.map(([seconds, k]) => ({ seconds, value: rowSplit(level, k) })));
  const splitActual = split.map((s) => s + 1.5 * gauss(rng));
  const output = splitActual.map((s) => Math.round(2.8 / (s / 500) ** 3));
  const spm = perSecond(plan.map(([seconds, , lo, hi]) => ({ seconds, value: (lo + hi) / 2 }))).map((v) => Math.round(v + 0.7 * gauss(rng)));
  const hr = simulateHeartRate(output.map((w) => Math.min(1, w / 260)), rng, 68, 184);
  const offsets = sampleOffsets(1200, 5);
  const meters = Math.round(splitActual.reduce((m, s) => m + 500 / s, 0));
  const kj = Math.round(output.reduce((a, b) => a + b, 0) / 1000);
  const heart = heartRateMetric(atOffsets(hr, offsets), 5);
  const splitPace = atOffsets(splitActual.map((s) => s / 60), offsets, 2);
  let t = 60;
  const targets = plan.map(([seconds, k, lo, hi]) => {
    const entry = target(t, t + seconds - 1, "caesar", [["pace_intensity", k, k], ["stroke_rate", lo, hi]]);
    t += seconds;
    return entry;
  });
  const splitsMetrics = {
    header: [{ slug: "meter", display_name: "Meter" }, { slug: "total_time", display_name: "Time" }, { slug: "pace", display_name: "Pace" }, { slug: "spm", display_name: "SPM" }, { slug: "avg_output", display_name: "Avg Output" }],
    metrics: [1, 2, 3, 4, 5, 6].map((n) => ({
      is_best: n === 5,
      has_floor_segment: false,
      data: [
        { slug: "meter", value: n * 500, unit: "m" },
        { slug: "total_time", value: `${3 * n}:${String((n * 17) % 60).padStart(2, "0")}`, unit: null },
        { slug: "pace", value: `2:${String(20 + n).padStart(2, "0")}`, unit: "/500m" },
        { slug: "spm", value: 22 + (n % 3), unit: "spm" },
        { slug: "avg_output", value: 140 + n * 3, unit: "watts" },
      ],
    })),
  };
  const segments = [segment("row20", "Warm Up", "warmup", 0, 300, "caesar", 3.5), segment("row20", "Rowing", "caesar", 300, 780, "caesar", 7), segment("row20", "Cool Down", "cooldown", 1080, 120, "caesar", 3.5)];
  const ride = rideObject({ id: hexId("ride:row20"), title: "20 min Endurance Row", discipline: "caesar", duration: 1200, instructor: TESS, classTypeIds: [hexId("class-type:row-endurance")], metrics: ["heart_rate", "calories"] });
  const graph = graphObject({
    duration: 1200,
    offsets,
    metrics: [
      metric("Stroke Output", "watts", "output", atOffsets(output, offsets)),
      metric("Stroke Rate", "spm", "stroke_rate", atOffsets(spm, offsets)),
      metric("Split Pace", "min/500m", "split_pace", splitPace, 2),
      heart,
    ],
    summaries: [summary("Total Output", "kj", kj, "total_output"), summary("Distance", "m", meters, "distance"), summary("Calories", "kcal", 214, "calories"), summary("Strokes", null, 461, "stroke_count")],
    averageSummaries: [
      summary("Avg Output", "watts", Math.round(kj * 1000 / 1200), "avg_output"),
      summary("Avg Stroke Rate", "spm", 22, "avg_stroke_rate"),
      summary("Avg Split Pace", "min/500m", round(1200 / 60 / (meters / 500), 2), "avg_split_pace"),
    ],
    segments,
    targets,
    timeInMetric: [["stroke_rate", 914], ["pace_intensity", 702]],
    extra: { splits_metrics: splitsMetrics },
  });
  const start = 1748430000;
  return {
    name: "row",
    workout: workoutObject({
      id: hexId("workout:row20"), discipline: "caesar", ride, startTime: start, endTime: start + 1200 + 64, deviceType: "caesar", platform: "caesar",
      totalWork: kj * 1000 + 88.5, ftp: 0, leaderboard: { rank: 64, total: 498 }, hrZoneDurations: hrZoneDurations(heart),
    }),
    graph,
    ride: rideDetails(ride, [{ id: hexId("class-type:row-endurance"), name: "Endurance" }], {
      segments: { segment_list: segments },
      target_metrics_data: {
        target_metrics: targets,
        pace_intensities: ROW_INTENSITIES.map(([value, name]) => ({
          value,
          display_name: name,
          pace_levels: Array.from({ length: 10 }, (_, l) => {
            const s = rowSplit(l + 1, value);
            return { slug: `level_${l + 1}`, display_name: `Level ${l + 1}`, fast_pace: round((s - 3) / 60, 2), slow_pace: round((s + 3) / 60, 2) };
          }),
        })),
      },
    }),
  };
}

export function strength(): Scenario {
  const rng = seededRng(7007);
  const effort = perSecond([{ seconds: 120, value: 0.3 }, ...Array.from({ length: 8 }, (_, i) => ({ seconds: 120, value: i % 2 ? 0.35 : 0.55 }))]);
  const offsets = sampleOffsets(1080, 5);
  const heart = heartRateMetric(atOffsets(simulateHeartRate(effort, rng, 72, 184), offsets), 5);
  const movements: [string, string, number][] = [["Goblet Squat", "rep_counting", 12], ["Overhead Press", "rep_counting", 10], ["Plank", "time_based", 0], ["Bent Over Row", "rep_counting", 12]];
  const repetitions = movements.map(([name, tracking, reps], i) => ({
    movement_id: hexId(`movement:${name}`), movement_name: name, tracking_type: tracking, completed_reps: reps, completed_duration: 45, offset: 180 + i * 200, length: 45,
    weight: tracking === "time_based" ? [] : [{ weight_category: "medium", weight_data: { weight_value: 20, weight_unit: "lb" } }],
  }));
  const segments = [segment("str18", "Warm Up", "warmup", 0, 120, null, 3.5), segment("str18", "Strength", "strength", 120, 960, null, 5)];
  const ride = rideObject({ id: hexId("ride:str18"), title: "20 min Full Body Strength", discipline: "strength", duration: 1200, instructor: TESS, classTypeIds: [hexId("class-type:full-body")], metrics: ["heart_rate", "calories"] });
  const start = 1749034800;
  return {
    name: "strength",
    workout: workoutObject({
      id: hexId("workout:str18"), discipline: "strength", ride, startTime: start, endTime: start + 1080, deviceType: "home_bike_plus", platform: "home_bike",
      totalWork: 0, ftp: 0, leaderboard: null, metricsType: null, hrZoneDurations: hrZoneDurations(heart),
      extra: { movement_tracker_data: { completed_movements_summary_data: { repetition_summary_data: repetitions } } },
    }),
    graph: graphObject({ duration: 1080, offsets, metrics: [heart], summaries: [summary("Calories", "kcal", 118, "calories")], averageSummaries: [], segments, extra: { muscle_group_score: [{ muscle_group: "legs", score: 120, percentage: 40, bucket: 2, display_name: "Legs" }] } }),
    ride: rideDetails(ride, [{ id: hexId("class-type:full-body"), name: "Full Body" }], { segments: { segment_list: segments } }),
  };
}

export function meditation(): Scenario {
  const ride = rideObject({ id: hexId("ride:med10"), title: "10 min Mindful Morning Meditation", discipline: "meditation", duration: 600, instructor: TESS, pedalingStart: 0, metrics: [] });
  const start = 1750665600;
  const workout = workoutObject({
    id: hexId("workout:med10"), discipline: "meditation", ride, startTime: start, endTime: start + 600, deviceType: "iPhone", platform: "iOS_app",
    totalWork: 0, ftp: 0, leaderboard: null, metricsType: null, hrZoneDurations: null,
  });
  const graph = graphObject({ duration: 600, offsets: sampleOffsets(600, 5), metrics: [], summaries: [], averageSummaries: [], segments: [segment("med10", "Meditation", "meditation", 0, 600, null, 1)] });
  return { name: "meditation", workout, graph };
}
