/**
 * What a head unit computes for its session message, written out plainly and independently of lib/metrics so the
 * fixtures state the device's figures rather than ours: every second the timer runs counts, a second without a power
 * reading while riding is 0 W (coasting), NP is the 4th-power mean of the 30 s rolling average over timer-running
 * seconds only (the clock stops with the timer), heart rate and cadence average their positive readings.
 */
export interface RunningSecond {
  power?: number | null;
  heartRate?: number | null;
  cadence?: number | null;
}

export interface DeviceFigures {
  avgPower: number | null;
  maxPower: number | null;
  normalizedPower: number | null;
  avgHeartRate: number | null;
  maxHeartRate: number | null;
  avgCadence: number | null;
}

function mean(values: number[]): number | null {
  return values.length ? values.reduce((a, b) => a + b, 0) / values.length : null;
}

export function deviceNormalizedPower(watts: readonly number[]): number | null {
  if (watts.length < 30) return null;
  let window = 0;
  let sum4 = 0;
  let n = 0;
  for (let i = 0; i < watts.length; i++) {
    window += watts[i] ?? 0;
    if (i >= 30) window -= watts[i - 30] ?? 0;
    if (i >= 29) {
      sum4 += (window / 30) ** 4;
      n++;
    }
  }
  return (sum4 / n) ** 0.25;
}

/** `seconds`: the timer-running seconds in order (paused time left out). */
export function deviceFigures(seconds: readonly RunningSecond[], hasPowerMeter: boolean): DeviceFigures {
  const watts = hasPowerMeter ? seconds.map((s) => s.power ?? 0) : [];
  const hr = seconds.map((s) => s.heartRate ?? 0).filter((v) => v > 0);
  const cadence = seconds.map((s) => s.cadence ?? 0).filter((v) => v > 0);
  return {
    avgPower: mean(watts),
    maxPower: watts.length ? Math.max(...watts) : null,
    normalizedPower: deviceNormalizedPower(watts),
    avgHeartRate: mean(hr),
    maxHeartRate: hr.length ? Math.max(...hr) : null,
    avgCadence: mean(cadence),
  };
}
