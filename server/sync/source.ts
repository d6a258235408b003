import "server-only";
import type { InstructorRecord, RideRecord, TransformedWorkout, WorkoutRecord } from "@/lib/domain/workout";
import type { PelotonProfile } from "@/server/providers/peloton/transform/profile";

/**
 * What the sync engine needs from Peloton, already transformed to domain records. The engine only
 * talks to this interface; `peloton-source.ts` implements it over the member API.
 */
export interface ListedWorkout {
  record: WorkoutRecord;
  /** the class as embedded in the list (joins=ride,ride.instructor), enough for a catalog stub */
  ride: { id: string; title: string; durationSeconds: number; discipline: string; instructorId: string | null } | null;
  instructor: InstructorRecord | null;
}

export interface WorkoutPage {
  items: ListedWorkout[];
  total: number;
  pageCount: number;
  showNext: boolean;
}

export interface FetchedWorkout {
  transformed: TransformedWorkout;
  instructor: InstructorRecord | null;
}

/**
 * fetchWorkout's failure when Peloton no longer has a workout it listed (`GET /api/workout/{id}` answers 404: the
 * member deleted it there since). The sync drops the workout's stub instead of counting it as a failure for good.
 */
export class WorkoutGone extends Error {
  constructor(
    readonly pelotonWorkoutId: string,
    cause: unknown,
  ) {
    super(`Peloton no longer has workout ${pelotonWorkoutId}`, { cause });
    this.name = "WorkoutGone";
  }
}

export interface SyncSource {
  listPage(page: number, limit: number): Promise<WorkoutPage>;
  fetchWorkout(pelotonWorkoutId: string): Promise<FetchedWorkout>;
  fetchRide(rideId: string): Promise<RideRecord>;
  listInstructors(): Promise<InstructorRecord[]>;
  fetchProfile(): Promise<PelotonProfile>;
  /** requests made so far, and the milliseconds spent waiting on them (for progress and the benchmark) */
  readonly requestCount: number;
  readonly requestMs?: number;
}
