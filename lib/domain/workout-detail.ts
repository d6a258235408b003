import type { OtherAccountLabel } from "./peloton-connection";
import type { WorkoutSummary } from "./workout";
import type { ResolvedThresholds } from "./thresholds";
import type { WorkoutSeries } from "./series";
import type { ClassSegment, ClassTargets } from "./targets";

/** One workout with everything its detail page shows, or null when it is not the user's. */
export interface WorkoutDetailView {
  id: string;
  pelotonWorkoutId: string;
  /** set when the workout came from a Peloton account other than the connected one */
  otherAccount: OtherAccountLabel | null;
  title: string;
  discipline: string;
  status: string;
  startTime: string;
  timezone: string | null;
  durationSeconds: number | null;
  /** decided at sync from what Peloton sent (server/providers/peloton/transform/outdoor.ts) */
  isOutdoor: boolean;
  syncState: "pending" | "complete" | "failed";
  syncError: string | null;
  instructor: { id: string; name: string; imageUrl: string | null } | null;
  ride: {
    id: string;
    title: string;
    description: string | null;
    durationSeconds: number;
    difficulty: number | null;
    originalAirTime: string | null;
    classTypes: string[];
    isPowerZone: boolean;
    imageUrl: string | null;
  } | null;
  ftp: { watts: number; source: string } | null;
  leaderboard: { rank: number; total: number | null } | null;
  summary: {
    totalOutputKj: number | null;
    distance: number | null;
    distanceUnit: string | null;
    calories: number | null;
    elevation: number | null;
    avgOutput: number | null;
    maxOutput: number | null;
    avgCadence: number | null;
    maxCadence: number | null;
    avgResistance: number | null;
    maxResistance: number | null;
    avgSpeed: number | null;
    maxSpeed: number | null;
    speedUnit: string | null;
    avgHeartRate: number | null;
    maxHeartRate: number | null;
    normalizedPower: number | null;
    intensityFactor: number | null;
    tss: number | null;
    /** Peloton's own avg/max where the columns above are AutoCoach's (null for workouts synced before it was kept) */
    peloton: WorkoutSummary["peloton"];
  } | null;
  series: WorkoutSeries | null;
  targets: ClassTargets | null;
  segments: ClassSegment[];
  heartRate: { maxHr: number | null; lthr: number | null };
  /** the pace level the user set (Connections page), if any */
  paceLevel: number | null;
  /** the local day the workout counts on, and every threshold in force then (the score and zones use them) */
  day: string;
  thresholds: ResolvedThresholds;
}
