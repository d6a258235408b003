import "server-only";
import type { PlannedWorkout } from "@/lib/domain/calendar";
import type { TpWorkout } from "../api/schemas";

/**
 * A TrainingPeaks workout with a plan → the calendar's planned workout (pure); null for one without a plan (an
 * activity recorded without being planned). Planned time is in hours, distance in metres (docs/trainingpeaks-api.md §5.3).
 */
const positive = (v: number | null | undefined): number | null => (typeof v === "number" && Number.isFinite(v) && v > 0 ? v : null);

function safeUrl(value: string | null | undefined): string | null {
  if (!value || !URL.canParse(value)) return null;
  const url = new URL(value);
  return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : null;
}

export function toPlannedWorkout(w: TpWorkout): PlannedWorkout | null {
  const hours = positive(w.TotalTimePlanned);
  const tss = positive(w.TssPlanned);
  const distance = positive(w.DistancePlanned);
  if (hours === null && tss === null && distance === null) return null;
  return {
    id: String(w.Id),
    day: w.WorkoutDay.slice(0, 10),
    title: w.Title?.trim() || `${w.WorkoutType ?? "Planned"} workout`,
    type: w.WorkoutType ?? "Other",
    plannedSeconds: hours === null ? null : Math.round(hours * 3600),
    plannedTss: tss,
    plannedDistanceMeters: distance,
    url: safeUrl(w.Url),
  };
}
