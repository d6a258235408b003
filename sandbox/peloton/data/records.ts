import type { DataStore, MemberData } from "./store";
import type { WorkoutHeader } from "./types";

/** Peloton keeps cycling output PRs per class length (5, 10, 15, 20, 30, 45, 60, 75, 90 min). */
export const PR_DURATIONS = [5, 10, 15, 20, 30, 45, 60, 75, 90];

export interface CyclingRecords {
  /** Workouts that set a new best for their class length when they happened. */
  prIds: Set<string>;
  best: Map<number, { header: WorkoutHeader; totalWork: number; first: WorkoutHeader }>;
}

export function cyclingRecords(store: DataStore, data: MemberData): CyclingRecords {
  const prIds = new Set<string>();
  const best: CyclingRecords["best"] = new Map();
  for (const header of data.workouts) {
    const { plan } = header;
    if (plan.discipline !== "cycling" || plan.kind === "just_ride" || header.status !== "COMPLETE") continue;
    const minutes = plan.duration / 60;
    if (!PR_DURATIONS.includes(minutes)) continue;
    const totalWork = store.totalWork(header);
    const current = best.get(minutes);
    if (!current || totalWork > current.totalWork) {
      prIds.add(header.id);
      best.set(minutes, { header, totalWork, first: current?.first ?? header });
    }
  }
  return { prIds, best };
}
