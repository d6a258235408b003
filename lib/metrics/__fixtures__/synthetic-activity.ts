import { seededRandom } from "@/sandbox/shared/http";
import type { Activity, ActivityLap } from "@/lib/domain/activity";

export { seededRandom };

export interface SyntheticRideOptions {
  seconds: number;
  laps: number;
  startTime?: Date;
  seed?: number;
  /** [start, end) seconds where every channel is null (sensor dropout) */
  dropouts?: [number, number][];
  ftp?: number | null;
}

/**
 * An indoor ride at 1 Hz: laps alternate endurance and harder efforts, power with noise and the odd coasting second
 * (0 W, 0 rpm), heart rate drifting after power, speed from power, cumulative distance to the millimetre.
 */
export function syntheticRide(opts: SyntheticRideOptions): Activity {
  const random = seededRandom(opts.seed ?? 42);
  const n = opts.seconds;
  const lapLength = Math.ceil(n / Math.max(1, opts.laps));
  const laps: ActivityLap[] = Array.from({ length: Math.max(1, opts.laps) }, (_, i) => ({
    start: i * lapLength,
    end: Math.min(n, (i + 1) * lapLength),
    name: i === 0 ? "Warm Up" : i === opts.laps - 1 ? "Cool Down" : `Effort ${i}`,
  })).filter((lap) => lap.end > lap.start);
  const power: (number | null)[] = [];
  const cadence: (number | null)[] = [];
  const heartRate: (number | null)[] = [];
  const speed: (number | null)[] = [];
  const distance: (number | null)[] = [];
  let hr = 95;
  let total = 0;
  const inDropout = (i: number) => (opts.dropouts ?? []).some(([a, b]) => i >= a && i < b);
  for (let i = 0; i < n; i++) {
    const lap = Math.floor(i / lapLength);
    const target = lap === 0 || lap === opts.laps - 1 ? 140 : lap % 2 ? 240 : 180;
    const coasting = random() < 0.01;
    const watts = coasting ? 0 : Math.max(0, Math.round(target + (random() - 0.5) * 60));
    hr += ((100 + watts * 0.3 - hr) / 40) * (0.8 + random() * 0.4);
    const ms = Math.round((4 + Math.cbrt(watts) * 1.1) * 1000) / 1000;
    if (inDropout(i)) {
      power.push(null);
      cadence.push(null);
      heartRate.push(null);
      speed.push(null);
      distance.push(null);
      continue;
    }
    total = Math.round((total + ms) * 100) / 100;
    power.push(watts);
    cadence.push(coasting ? 0 : Math.round(80 + watts / 20 + (random() - 0.5) * 6));
    heartRate.push(Math.round(hr));
    speed.push(ms);
    distance.push(total);
  }
  return {
    startTime: opts.startTime ?? new Date("2026-05-02T07:12:05Z"),
    sport: "cycling",
    subSport: "indoorCycling",
    title: "Synthetic Ride",
    length: n,
    durationSeconds: n,
    samples: { power, cadence, heartRate, speed, distance },
    laps,
    ftp: opts.ftp === undefined ? 250 : opts.ftp,
    recorded: null,
    device: null,
  };
}

/** An Activity around the given 1 Hz samples (length from the longest channel unless `extra` says otherwise). */
export function activityOf(samples: Activity["samples"], extra: Partial<Activity> = {}): Activity {
  const length = Math.max(0, ...Object.values(samples).map((values) => values.length));
  return {
    startTime: new Date("2026-05-02T07:00:00Z"),
    sport: "cycling",
    subSport: null,
    title: null,
    length,
    durationSeconds: length,
    samples,
    laps: [],
    ftp: null,
    recorded: null,
    device: null,
    ...extra,
  };
}
