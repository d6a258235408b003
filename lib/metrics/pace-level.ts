import type { WorkoutChartInput } from "./workout-chart-types";
import { timeInTarget } from "./chart-compliance";

/**
 * Peloton doesn't expose a member's pace level through its API. Without one, estimate it for a workout:
 * the level (1–10) whose pace targets the athlete actually ran closest to, i.e. the most time in range.
 * Ties go to the lower level. Null when the workout has no pace-intensity targets.
 */
export function estimatePaceLevel(input: Omit<WorkoutChartInput, "paceLevel">): number | null {
  if (!input.targets?.paceIntensity.length || !input.targets.paceIntensityLevels.length || !input.series) return null;
  let best: { level: number; inSeconds: number } | null = null;
  for (let level = 1; level <= 10; level++) {
    const pace = timeInTarget({ ...input, paceLevel: level }).find((c) => c.metric === "pace");
    if (!pace) continue;
    if (!best || pace.inSeconds > best.inSeconds) best = { level, inSeconds: pace.inSeconds };
  }
  return best && best.inSeconds > 0 ? best.level : null;
}
