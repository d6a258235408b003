import { randomUUID } from "node:crypto";
import type { WorkoutCatalog } from "./catalog";
import { formatUtcTicks } from "./dates";
import type { TpWorkout } from "./workout-object";

export type UploadState = "Processing" | "Success";

/** One accepted upload as `GET /__admin/uploads` and `simulator.uploads.list()` report it. */
export interface UploadRecord {
  trackingId: string;
  athleteId: number;
  filename: string;
  uploadClient: string;
  status: UploadState;
  /** Assigned on acceptance; the workout is only visible once `status` is "Success". */
  workoutId: number;
  /** sha256 (hex) of the file after base64 decoding and gunzip. */
  sha256: string;
  /** Size of that file. */
  bytes: number;
  format: "fit" | "tcx";
  compressed: boolean;
  /** Athlete-local start, `YYYY-MM-DDTHH:mm:ss`. */
  startTime: string;
  /** Status polls answered so far. */
  polls: number;
  uploadedAt: string;
}

export interface UploadSettings {
  /** Status polls answered "Processing" before "Success"; 0 = the workout exists as soon as the file is accepted. */
  processingPolls: number;
  /** Largest request body `POST /v3/file` takes (413 above). */
  maxBodyBytes: number;
  /** Largest file once base64-decoded and gunzipped (413 above). */
  maxFileBytes: number;
}

/** The FileStatus of docs/trainingpeaks-api.md §5.7. */
export interface FileStatus {
  Completed: boolean;
  Status: string;
  WorkoutIds: number[];
}

/** What tests and the admin API may see and change. */
export interface UploadLog {
  list(): UploadRecord[];
  readonly settings: UploadSettings;
}

interface StoredUpload {
  record: UploadRecord;
  workout: TpWorkout;
  pollsLeft: number;
  published: boolean;
  /** The planned workout this upload completed (body `WorkoutId`), restored by clear(). */
  replaced: TpWorkout | undefined;
}

/** Everything UploadStore holds, as JSON (sandbox/shared/persist.ts). */
export interface UploadSnapshot {
  uploads: StoredUpload[];
  nextId: number;
}

export type AcceptInput = Omit<UploadRecord, "trackingId" | "status" | "polls" | "uploadedAt" | "workoutId"> & { workout: TpWorkout };

/**
 * Seeded workout ids are 3 500 000 000 + day × 100 + …, far below this base for any plausible date, so uploaded
 * workouts never collide with them; the sequence is not reset so an id is never reused within a run.
 */
const UPLOAD_ID_BASE = 3_900_000_000;

/** Accepted uploads and their simulated asynchronous processing (docs/trainingpeaks-api.md §5.7). */
export class UploadStore implements UploadLog {
  private uploads: StoredUpload[] = [];
  private nextId = UPLOAD_ID_BASE;
  readonly settings: UploadSettings;

  constructor(private readonly defaults: UploadSettings) {
    this.settings = { ...defaults };
  }

  list(): UploadRecord[] {
    return this.uploads.map((upload) => ({ ...upload.record }));
  }

  newWorkoutId(): number {
    this.nextId += 1;
    return this.nextId;
  }

  /** The 422 message when this athlete already uploaded the file, or already has a completed workout starting then. */
  duplicateOf(athleteId: number, sha256: string, startTime: string, catalog: WorkoutCatalog): string | null {
    const own = this.uploads.filter((upload) => upload.record.athleteId === athleteId);
    if (own.some((upload) => upload.record.sha256 === sha256)) return "This file has already been uploaded.";
    if (catalog.completedAt(athleteId, startTime) || own.some((upload) => upload.record.startTime === startTime)) {
      return `This file has already been uploaded: a completed workout starting at ${startTime} already exists.`;
    }
    return null;
  }

  /** True while an accepted upload is about to complete this planned workout. */
  isLinking(athleteId: number, workoutId: number): boolean {
    return this.uploads.some((upload) => upload.record.athleteId === athleteId && upload.workout.Id === workoutId);
  }

  accept(input: AcceptInput, catalog: WorkoutCatalog, nowMs: number): UploadRecord {
    const { workout, ...fields } = input;
    const record: UploadRecord = {
      ...fields,
      trackingId: randomUUID(),
      status: "Processing",
      workoutId: workout.Id,
      polls: 0,
      uploadedAt: new Date(nowMs).toISOString(),
    };
    const upload: StoredUpload = { record, workout, pollsLeft: this.settings.processingPolls, published: false, replaced: undefined };
    this.uploads.push(upload);
    if (upload.pollsLeft <= 0) this.publish(upload, catalog, nowMs);
    return { ...record };
  }

  /** The next status answer for this athlete's upload; null (404) for an unknown id or another athlete's. */
  poll(trackingId: string, athleteId: number, catalog: WorkoutCatalog, nowMs: number): FileStatus | null {
    const upload = this.uploads.find((candidate) => candidate.record.trackingId === trackingId.toLowerCase());
    if (!upload || upload.record.athleteId !== athleteId) return null;
    upload.record.polls += 1;
    if (upload.pollsLeft > 0) {
      upload.pollsLeft -= 1;
      return { Completed: false, Status: "Processing", WorkoutIds: [] };
    }
    this.publish(upload, catalog, nowMs);
    return { Completed: true, Status: "Success", WorkoutIds: [upload.workout.Id] };
  }

  snapshot(): UploadSnapshot {
    return { uploads: this.uploads, nextId: this.nextId };
  }

  /** Back to a snapshot: its uploads, their published workouts put back into the (freshly generated) catalog. */
  restore(snapshot: UploadSnapshot, catalog: WorkoutCatalog): void {
    this.uploads = snapshot.uploads;
    this.nextId = Math.max(this.nextId, snapshot.nextId);
    for (const upload of this.uploads) if (upload.published) upload.replaced = catalog.add(upload.record.athleteId, upload.workout) ?? upload.replaced;
  }

  /** Forget every upload and take their workouts out of the catalog (restoring planned workouts they completed). */
  clear(catalog: WorkoutCatalog | undefined): void {
    for (const upload of [...this.uploads].reverse()) {
      if (!upload.published || !catalog) continue;
      if (upload.replaced) catalog.add(upload.record.athleteId, upload.replaced);
      else catalog.remove(upload.record.athleteId, upload.workout.Id);
    }
    this.uploads = [];
    Object.assign(this.settings, this.defaults);
  }

  private publish(upload: StoredUpload, catalog: WorkoutCatalog, nowMs: number): void {
    if (upload.published) return;
    upload.published = true;
    upload.record.status = "Success";
    upload.workout = { ...upload.workout, LastModifiedDate: formatUtcTicks(nowMs, (nowMs % 1000) * 10_000) };
    upload.replaced = catalog.add(upload.record.athleteId, upload.workout);
  }
}
