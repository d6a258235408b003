import type { Activity } from "@/lib/domain/activity";
import type { WorkoutAnalysis } from "@/lib/domain/analytics";
import { meanReading } from "./activity-summary";
import { gradedSpeeds, normalizedRollingMean } from "./pace-stress";
import { averagePower, normalizedPower } from "./power";


const MIN_HALF_SECONDS = 300;

function ratio(top: number | null, bottom: number | null): number | null {
  return top !== null && bottom !== null && bottom > 0 && top > 0 ? top / bottom : null;
}

/** The two halves of the seconds where both channels have a reading. */
function halves(a: readonly (number | null)[], hr: readonly (number | null)[]): [number[], number[]][] | null {
  const idx: number[] = [];
  for (let i = 0; i < Math.min(a.length, hr.length); i++) {
    const x = a[i];
    const h = hr[i];
    if (x !== null && x !== undefined && h !== null && h !== undefined && h > 0) idx.push(i);
  }
  if (idx.length < 2 * MIN_HALF_SECONDS) return null;
  const mid = Math.floor(idx.length / 2);
  const pick = (from: number, to: number): [number[], number[]] => [idx.slice(from, to).map((i) => a[i] ?? 0), idx.slice(from, to).map((i) => hr[i] ?? 0)];
  return [pick(0, mid), pick(mid, idx.length)];
}

const mean = (values: number[]) => (values.length ? values.reduce((s, v) => s + v, 0) / values.length : null);

function decoupling(work: readonly (number | null)[] | undefined, hr: readonly (number | null)[] | undefined): number | null {
  if (!work || !hr) return null;
  const parts = halves(work, hr);
  if (!parts) return null;
  const [first, second] = parts.map(([w, h]) => ratio(mean(w), mean(h)));
  return first && second ? ((first - second) / first) * 100 : null;
}

export function analyzeWorkout(activity: Activity, ftp: number | null, family: "bike" | "run" | "other"): WorkoutAnalysis {
  const { power, heartRate, speed, grade } = activity.samples;
  const avgHr = meanReading(heartRate, { positiveOnly: true });
  const hasPower = family === "bike" && power?.some((v) => v !== null && v > 0);
  if (hasPower && power) {
    const np = normalizedPower(power);
    let workAbove = 0;
    let secondsAbove = 0;
    if (ftp && ftp > 0) {
      for (const w of power) {
        if (w !== null && w > ftp) {
          workAbove += w - ftp;
          secondsAbove++;
        }
      }
    }
    const ef = ratio(np, avgHr);
    return {
      variabilityIndex: ratio(np, averagePower(power)),
      efficiencyFactor: ef === null ? null : { value: ef, basis: "power" },
      aerobicDecoupling: decoupling(power, heartRate),
      workAboveFtpKj: ftp && ftp > 0 ? workAbove / 1000 : null,
      secondsAboveFtp: ftp && ftp > 0 ? secondsAbove : null,
    };
  }
  if (family === "run" && speed) {
    const graded = gradedSpeeds(speed, grade);
    const ngp = normalizedRollingMean(graded);
    const ef = ratio(ngp === null ? null : ngp * 60, avgHr);
    return {
      variabilityIndex: null,
      efficiencyFactor: ef === null ? null : { value: ef, basis: "pace" },
      aerobicDecoupling: decoupling(graded, heartRate),
      workAboveFtpKj: null,
      secondsAboveFtp: null,
    };
  }
  return { variabilityIndex: null, efficiencyFactor: null, aerobicDecoupling: null, workAboveFtpKj: null, secondsAboveFtp: null };
}
