import { JUST_RIDE, hexId, rideObject, workoutObject, type JsonObject } from "./builders";
import { segment, summary, target } from "./graph-builders";
import { round, sampleOffsets, seededRng, simulateBike, type BikeBlock } from "./ride-sim";
import { CLIMB_TYPE, DANA, MILO, POWER_ZONE_TYPE, bikeGraph, rideDetails, type Scenario } from "./scenarios-bike";

/** 20 min Climb ride: instructor cues (cadence/resistance), 5 s samples, km/kph, older target_performance_metrics. */
export function cueRide(): Scenario {
  const cues: [number, number, number, number][] = [
    [80, 90, 25, 35], [80, 90, 30, 40], [85, 95, 30, 40], [75, 85, 35, 45], [70, 80, 40, 50],
    [65, 75, 45, 55], [80, 90, 30, 40], [60, 70, 50, 60], [60, 70, 55, 65], [80, 90, 30, 40],
    [70, 80, 45, 55], [65, 75, 50, 60], [55, 65, 55, 65], [80, 90, 30, 40], [90, 100, 40, 50],
    [60, 70, 55, 65], [55, 65, 60, 70], [80, 90, 30, 40], [75, 85, 25, 35], [70, 80, 25, 35],
  ];
  const blocks: BikeBlock[] = cues.map(([cLo, cHi, rLo, rHi]) => {
    const cadence = (cLo + cHi) / 2;
    return { seconds: 60, cadence, watts: 0.367 * cadence * Math.exp(0.0379 * ((rLo + rHi) / 2 + 1)) };
  });
  const signals = simulateBike(blocks, seededRng(2002), { restingHr: 70 });
  const instructorCues = cues.map(([cLo, cHi, rLo, rHi], i) => ({
    offsets: { start: 60 + i * 60, end: 119 + i * 60 },
    resistance_range: { upper: rHi, lower: rLo },
    cadence_range: { upper: cHi, lower: cLo },
  }));
  const offsets = sampleOffsets(1200, 5);
  const cueAt = (offset: number) => cues[Math.min(cues.length - 1, Math.floor((offset - 1) / 60))]!;
  const graphMetric = (type: "cadence" | "resistance", lo: number, hi: number) => {
    const lower = offsets.map((o) => cueAt(o)[lo]!);
    const upper = offsets.map((o) => cueAt(o)[hi]!);
    const average = lower.map((l, i) => (l + upper[i]!) / 2);
    return { graph_data: { upper, lower, average }, max: Math.max(...upper), min: Math.min(...lower), average: round(average.reduce((a, b) => a + b, 0) / average.length, 1), type };
  };
  const segments = [
    segment("climb20", "Warm Up", "warmup", 0, 180, "cycling", 3.5),
    segment("climb20", "Climb", "climb", 180, 900, "cycling", 8),
    segment("climb20", "Cool Down", "cooldown", 1080, 120, "cycling", 3.5),
  ];
  const ride = rideObject({ id: hexId("ride:climb20"), title: "20 min Climb Ride", discipline: "cycling", duration: 1200, instructor: MILO, classTypeIds: [CLIMB_TYPE.id], difficulty: 7.93 });
  const { graph, totalWork, zones } = bikeGraph({
    signals,
    duration: 1200,
    everyN: 5,
    metric: true,
    segments,
    extra: {
      target_performance_metrics: {
        target_graph_metrics: [graphMetric("cadence", 0, 1), graphMetric("resistance", 2, 3)],
        cadence_time_in_range: 812,
        resistance_time_in_range: 947,
      },
    },
  });
  const start = 1746104400;
  return {
    name: "cycling-cues",
    workout: workoutObject({
      id: hexId("workout:climb20"), discipline: "cycling", ride, startTime: start, endTime: start + 1200 + 71, deviceType: "home_bike_v1", platform: "home_bike",
      totalWork, ftp: 180, ftpSource: "ftp_manual_source", leaderboard: { rank: 911, total: 3016 }, timezone: "Europe/Berlin", hrZoneDurations: zones,
    }),
    graph,
    ride: rideDetails(ride, [CLIMB_TYPE], {
      segments: { segment_list: segments, segment_category_distribution: { cycling: "1.0" }, segment_body_focus_distribution: {} },
      instructor_cues: instructorCues,
      target_metrics_data: { target_metrics: [], total_expected_output: { expected_upper_output: 205, expected_lower_output: 150 } },
    }),
  };
}

/** A free ride as the member API returns it: zero ride id, "JUST RIDE" instructor without id, freestyle, ftp 0. */
export function justRide(): Scenario {
  const blocks: BikeBlock[] = [
    { seconds: 240, watts: 120, cadence: 82 },
    { seconds: 420, watts: 165, cadence: 88 },
    { seconds: 60, watts: 240, cadence: 96 },
    { seconds: 300, watts: 160, cadence: 86 },
    { seconds: 253, watts: 110, cadence: 78 },
  ];
  const signals = simulateBike(blocks, seededRng(1273), { restingHr: 80 });
  const start = 1749547200;
  const ride: JsonObject = {
    id: JUST_RIDE,
    is_archived: false,
    title: "21 min Just Ride",
    scheduled_start_time: start,
    duration: 1273,
    instructor: { name: "JUST RIDE", image_url: "https://example.invalid/just-ride-indoor.png" },
  };
  const { graph, totalWork } = bikeGraph({ signals, duration: 1273, everyN: 1, segments: [] });
  graph.effort_zones = null;
  return {
    name: "just-ride",
    workout: workoutObject({
      id: hexId("workout:justride"), discipline: "cycling", ride, startTime: start, endTime: start + 1273, deviceType: "home_bike_v1", platform: "home_bike",
      totalWork, ftp: 0, workoutType: "freestyle", leaderboard: null,
      extra: { title: "21 min Just Ride", peloton_id: null, is_skip_intro_available: false, is_paused: false, pause_time_limit: 60.0 },
    }),
    graph,
  };
}

/** A 5 km scenic ride (is_fixed_distance): the member's time is how long the distance took. */
export function distanceRide(): Scenario {
  const signals = simulateBike([{ seconds: 700, watts: 172, cadence: 84 }], seededRng(5000), { restingHr: 76 });
  let km = 0;
  let seconds = 0;
  while (km < 5 && seconds < signals.mph.length) km += (signals.mph[seconds++]! * 1.609344) / 3600;
  for (const key of ["output", "cadence", "resistance", "mph", "heartRate"] as const) signals[key].length = seconds;
  const scenic = { id: hexId("class-type:scenic"), name: "Scenic" };
  const ride = rideObject({
    id: hexId("ride:scenic5k"), title: "5 km Coastal Cliffs Scenic Ride", discipline: "cycling", duration: 720, instructor: null, pedalingStart: 0,
    classTypeIds: [scenic.id], difficulty: 5.1, fixedDistance: { distance: 5, unit: "km" }, metrics: ["cadence", "calories"],
  });
  const { graph, totalWork } = bikeGraph({ signals, duration: seconds, everyN: 5, metric: true, segments: [segment("scenic5k", "Scenic", "scenic", 0, seconds, "cycling", 6)] });
  if (Array.isArray(graph.summaries)) graph.summaries.push(summary("Duration", "min", round(seconds / 60, 2), "duration"));
  const start = 1750161600;
  return {
    name: "cycling-distance",
    workout: workoutObject({
      id: hexId("workout:scenic5k"), discipline: "cycling", ride, startTime: start, endTime: start + seconds + 2, deviceType: "home_bike_v1", platform: "home_bike",
      totalWork, ftp: 200, timezone: "Europe/London", leaderboard: { rank: 57, total: 402 },
    }),
    graph,
    ride: rideDetails(ride, [scenic], { segments: { segment_list: [] } }),
  };
}

/** 10 min HIIT class at 1 s with a heart-rate strap dropout and a 12 s bike sensor blip (nulls inside the series). */
export function ridesWithDropouts(): Scenario {
  const blocks: BikeBlock[] = [{ seconds: 120, watts: 130, cadence: 84 }];
  for (let i = 0; i < 8; i++) blocks.push({ seconds: 20, watts: 300, cadence: 105 }, { seconds: 40, watts: 120, cadence: 80 });
  blocks.push({ seconds: 0, watts: 100, cadence: 75 });
  const signals = simulateBike(blocks, seededRng(600), { restingHr: 72 });
  const ride = rideObject({ id: hexId("ride:hiit10"), title: "10 min HIIT Ride", discipline: "cycling", duration: 600, instructor: DANA, classTypeIds: [hexId("class-type:hiit")] });
  const { graph, totalWork, zones } = bikeGraph({
    signals,
    duration: 600,
    everyN: 1,
    segments: [segment("hiit10", "Warm Up", "warmup", 0, 120, "cycling", 3.5), segment("hiit10", "Intervals", "intervals", 120, 480, "cycling", 9)],
    dropouts: [
      { channel: "heartRate", from: 205, to: 290 },
      ...(["output", "cadence", "resistance", "mph"] as const).map((channel) => ({ channel, from: 400, to: 412 })),
    ],
  });
  const start = 1751626800;
  return {
    name: "cycling-nulls",
    workout: workoutObject({
      id: hexId("workout:hiit10"), discipline: "cycling", ride, startTime: start, endTime: start + 600 + 58, deviceType: "home_bike_plus", platform: "home_bike",
      totalWork, ftp: 210, leaderboard: { rank: 150, total: 1210 }, hrZoneDurations: zones,
    }),
    graph,
  };
}

/** 45 min Power Zone class, 12 minutes in: end_time null, the graph so far (5 s samples), the whole class plan. */
export function inProgressRide(): Scenario {
  const plan: [number, number][] = [[1, 120], [2, 180], [3, 120], [4, 240], [2, 60], [4, 240], [2, 120], [5, 60], [2, 120], [3, 480], [2, 600], [1, 360]];
  const elapsed = 720;
  const blocks: BikeBlock[] = [];
  let left = elapsed;
  for (const [zone, seconds] of plan) {
    const take = Math.min(seconds, left);
    if (take > 0) blocks.push({ seconds: take, watts: [0, 0.45, 0.65, 0.83, 0.98, 1.13][zone]! * 200, cadence: 80 + zone * 3 });
    left -= take;
  }
  const signals = simulateBike(blocks, seededRng(4500), { restingHr: 75 });
  let t = 60;
  const targets = plan.map(([zone, seconds]) => {
    const entry = target(t, t + seconds - 1, "power_zone", [["power_zone", zone, zone]]);
    t += seconds;
    return entry;
  });
  const ride = rideObject({ id: hexId("ride:pz45"), title: "45 min Power Zone Endurance Ride", discipline: "cycling", duration: 2700, instructor: DANA, classTypeIds: [POWER_ZONE_TYPE.id] });
  const segments = [segment("pz45", "Warm Up", "warmup", 0, 420, "cycling", 3.5), segment("pz45", "Power Zone", "cycling", 420, 1920, "cycling", 7), segment("pz45", "Cool Down", "cooldown", 2340, 360, "cycling", 3.5)];
  const { graph, totalWork } = bikeGraph({ signals, duration: elapsed, everyN: 5, segments, targets, timeInMetric: [["power_zone", 510]] });
  const start = 1752400800;
  return {
    name: "cycling-in-progress",
    workout: workoutObject({
      id: hexId("workout:pz45-live"), discipline: "cycling", ride, startTime: start, endTime: null, deviceType: "home_bike_plus", platform: "home_bike",
      totalWork, ftp: 200, leaderboard: null,
    }),
    graph,
  };
}
