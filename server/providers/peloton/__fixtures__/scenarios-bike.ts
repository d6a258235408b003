import { RIDE_DETAILS_EXTRAS } from "@/sandbox/peloton/data/ride-details";
import { hexId, instructor, rideObject, workoutObject, type JsonObject } from "./builders";
import { graphObject, heartRateMetric, hrZoneDurations, metric, segment, summary, target } from "./graph-builders";
import { atOffsets, round, sampleOffsets, seededRng, simulateBike, type BikeBlock, type BikeSignals } from "./ride-sim";

/** Bike fixtures: Power Zone class, cue-based class (older target form, metric units), Just Ride, distance ride, dropouts, in progress. */
export interface Scenario {
  name: string;
  workout: JsonObject;
  graph: JsonObject;
  ride?: JsonObject;
}

const KPH_PER_MPH = 1.609344;
const ZONE_MID = [0, 0.45, 0.65, 0.83, 0.98, 1.13, 1.35, 1.6];
const ZONE_CADENCE = [0, 80, 85, 88, 92, 95, 100, 105];
export const POWER_ZONE_TYPE = { id: hexId("class-type:power-zone"), name: "Power Zone" };
export const CLIMB_TYPE = { id: hexId("class-type:climb"), name: "Climb" };
export const DANA = instructor("danafixture", "Dana Fixture", ["cycling", "strength"]);
export const MILO = instructor("milofixture", "Milo Sample", ["cycling", "running", "walking"]);

export function rideDetails(ride: JsonObject, classTypes: { id: string; name: string }[], rest: JsonObject): JsonObject {
  return {
    ride,
    class_types: classTypes.map((t) => ({ ...t, is_active: true, list_order: 1, fitness_discipline: ride.fitness_discipline ?? null })),
    is_ftp_test: false,
    is_power_zone_class: false,
    instructor_cues: [],
    target_class_metrics: { target_graph_metrics: [] },
    target_metrics_data: { target_metrics: [] },
    playlist: { id: hexId(`playlist:${String(ride.id)}`), ride_id: ride.id ?? null, songs: [], top_artists: [], is_playlist_shown: true },
    averages: { average_total_work: 291000, average_distance: 8.4, average_calories: 330, average_avg_power: 160, average_avg_speed: 16.8, average_avg_cadence: 86, average_avg_resistance: 41 },
    ...RIDE_DETAILS_EXTRAS,
    ...rest,
  };
}

interface BikeGraphInput {
  signals: BikeSignals;
  duration: number;
  everyN: number;
  metric?: boolean;
  segments: JsonObject[];
  targets?: JsonObject[];
  timeInMetric?: [string, number][];
  extra?: JsonObject;
  /** set samples (by index) of a channel to null after downsampling */
  dropouts?: { channel: keyof BikeSignals; from: number; to: number }[];
}

export function bikeGraph(g: BikeGraphInput): { graph: JsonObject; totalWork: number; zones: number[] | null } {
  const offsets = sampleOffsets(g.duration, g.everyN);
  const s = g.signals;
  const speedUnit = g.metric ? "kph" : "mph";
  const speed1s = g.metric ? s.mph.map((v) => round(v * KPH_PER_MPH, 1)) : s.mph;
  const channels: Record<keyof BikeSignals, (number | null)[]> = {
    output: atOffsets(s.output, offsets),
    cadence: atOffsets(s.cadence, offsets),
    resistance: atOffsets(s.resistance, offsets),
    mph: atOffsets(speed1s, offsets, 1),
    heartRate: atOffsets(s.heartRate, offsets),
  };
  for (const d of g.dropouts ?? []) for (let i = d.from; i < d.to; i++) channels[d.channel][i] = null;
  const sumWatts = s.output.reduce((a, b) => a + b, 0);
  const kj = Math.round(sumWatts / 1000);
  const distance = round(speed1s.reduce((a, b) => a + b, 0) / 3600, 2);
  const hr = heartRateMetric(channels.heartRate, g.everyN);
  const out = metric("Output", "watts", "output", channels.output);
  const cad = metric("Cadence", "rpm", "cadence", channels.cadence);
  const res = metric("Resistance", "%", "resistance", channels.resistance);
  const spd = metric("Speed", speedUnit, "speed", channels.mph, 1);
  const graph = graphObject({
    duration: g.duration,
    offsets,
    metrics: [out, cad, res, spd, hr],
    summaries: [
      summary("Total Output", "kj", kj, "total_output"),
      summary("Distance", g.metric ? "km" : "mi", distance, "distance"),
      summary("Calories", "kcal", Math.round(kj * 1.19 + 8), "calories"),
    ],
    averageSummaries: [
      summary("Avg Output", "watts", Math.round(Number(out.average_value)), "avg_output"),
      summary("Avg Cadence", "rpm", Math.round(Number(cad.average_value)), "avg_cadence"),
      summary("Avg Resistance", "%", Math.round(Number(res.average_value)), "avg_resistance"),
      summary("Avg Speed", speedUnit, Number(spd.average_value), "avg_speed"),
    ],
    segments: g.segments,
    targets: g.targets,
    timeInMetric: g.timeInMetric,
    effortZones: null,
    extra: {
      splits_data: { distance_marker_display_unit: g.metric ? "km" : "mi", elevation_change_display_unit: "ft", splits: [] },
      ...(g.extra ?? {}),
    },
  });
  const zones = hrZoneDurations(hr);
  if (zones) {
    const effort = {
      total_effort_points: round(zones.reduce((sum, d, i) => sum + (d / 60) * [0.3, 0.6, 1.1, 1.9, 2.6][i]!, 0), 1),
      heart_rate_zone_durations: Object.fromEntries(zones.map((d, i) => [`heart_rate_z${i + 1}_duration`, d])),
    };
    graph.effort_zones = effort;
  }
  return { graph, totalWork: round(sumWatts + 0.37, 2), zones };
}

/** 30 min Power Zone ride, FTP 200, 1 s samples, targets in target_metrics_data and the graph. */
export function powerZoneRide(): Scenario {
  const ftp = 200;
  const plan: [number, number, number?][] = [
    [1, 60], [2, 120], [3, 60], [2, 60],
    [3, 240], [2, 60], [4, 180], [2, 60], [4, 180], [2, 60], [5, 60], [2, 60], [3, 300, 4],
    [2, 120], [1, 180],
  ];
  const blocks: BikeBlock[] = plan.map(([zone, seconds, upper]) => {
    const mid = upper ? (ZONE_MID[zone]! + ZONE_MID[upper]!) / 2 : ZONE_MID[zone]!;
    return { seconds, watts: mid * ftp * 1.02, cadence: ZONE_CADENCE[zone]! };
  });
  const signals = simulateBike(blocks, seededRng(1801), { restingHr: 74 });
  let t = 60;
  const targets = plan.map(([zone, seconds, upper]) => {
    const entry = target(t, t + seconds - 1, "power_zone", [["power_zone", zone, upper ?? zone]]);
    t += seconds;
    return entry;
  });
  const segments = [
    segment("pz30", "Warm Up", "warmup", 0, 300, "cycling", 3.5),
    segment("pz30", "Power Zone", "cycling", 300, 1200, "cycling", 7.5),
    segment("pz30", "Cool Down", "cooldown", 1500, 300, "cycling", 3.5),
  ];
  const expected = { expected_upper_output: 290, expected_lower_output: 226 };
  const ride = rideObject({ id: hexId("ride:pz30"), title: "30 min Power Zone Ride", discipline: "cycling", duration: 1800, instructor: DANA, classTypeIds: [POWER_ZONE_TYPE.id], difficulty: 7.62 });
  const { graph, totalWork, zones } = bikeGraph({ signals, duration: 1800, everyN: 1, segments, targets, timeInMetric: [["power_zone", 1391]] });
  const start = 1748858400;
  return {
    name: "cycling-power-zone",
    workout: workoutObject({
      id: hexId("workout:pz30"), discipline: "cycling", ride, startTime: start, endTime: start + 1800 + 63, deviceType: "home_bike_plus", platform: "home_bike",
      totalWork, ftp, ftpSource: "ftp_workout_source", leaderboard: { rank: 4821, total: 12877 }, hrZoneDurations: zones,
    }),
    graph,
    ride: rideDetails(ride, [POWER_ZONE_TYPE], {
      is_power_zone_class: true,
      segments: { segment_list: segments, segment_category_distribution: { cycling: "1.0" }, segment_body_focus_distribution: {} },
      target_metrics_data: { target_metrics: targets, total_expected_output: expected },
      target_class_metrics: { target_graph_metrics: [], total_expected_output: expected },
    }),
  };
}
