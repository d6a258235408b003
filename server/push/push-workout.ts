import "server-only";
import { AppError, isAppError, isProviderFailure } from "@/lib/errors/app-error";
import { getDb } from "@/server/db/client";
import { tpUploadType } from "@/lib/compare/match";
import { encodeFit, fitFileName } from "@/server/fit/encode";
import { fetchWorkout } from "@/server/providers/trainingpeaks/records";
import { PROVIDER_ID } from "@/server/providers/trainingpeaks/auth/config";
import { getUploadStatus, hasFileWriteScope, uploadFile } from "@/server/providers/trainingpeaks/api/upload";
import { log } from "@/server/log";
import { toLocalDateTime } from "@/lib/time/time-zone";
import { loadWorkoutActivity } from "@/server/queries/workout-activity";
import { findOnTrainingPeaks } from "./find-existing";
import { type PushErrorCode, type PushView, toPushView } from "@/lib/domain/upload";

/**
 * Sends one synced workout to TrainingPeaks, at most once: our upload record is checked first, then TrainingPeaks'
 * own activities at that start time, and a 422 ("already uploaded") links rather than fails. The POST happens under a
 * short lease on the record, so two clicks (or a click and the auto-send) never upload twice. Processing is polled
 * with backoff until the deadline; a call that runs out of time leaves the record "processing" for the next call.
 */

const UPLOAD_LEASE_MS = 90_000;
const POLL_FIRST_WAIT_MS = 400;
const POLL_MAX_WAIT_MS = 4_000;

export interface PushOptions {
  trigger: "manual" | "auto";
  /** epoch ms by which the call should return */
  deadline: number;
  sleep?: (ms: number) => Promise<void>;
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function getPushView(userId: string, workoutId: string): Promise<PushView> {
  const db = await getDb();
  const row = await db.trainingPeaksUpload.findFirst({ where: { workoutId, userId } });
  return toPushView(row);
}

async function fail(uploadId: string, code: PushErrorCode, message: string, retryAfterSeconds?: number): Promise<void> {
  const db = await getDb();
  await db.trainingPeaksUpload.update({
    where: { id: uploadId },
    data: {
      state: "failed",
      errorCode: code,
      lastError: message.slice(0, 500),
      leaseExpiresAt: null,
      nextAttemptAt: retryAfterSeconds ? new Date(Date.now() + retryAfterSeconds * 1000) : null,
    },
  });
}

async function markDone(uploadId: string, tpWorkoutId: string | null, url: string | null, linkedExisting: boolean): Promise<void> {
  const db = await getDb();
  await db.trainingPeaksUpload.update({
    where: { id: uploadId },
    data: { state: "done", tpWorkoutId, tpWorkoutUrl: url, linkedExisting, errorCode: null, lastError: null, leaseExpiresAt: null, completedAt: new Date() },
  });
}

async function workoutUrl(userId: string, tpWorkoutId: string): Promise<string | null> {
  try {
    return (await fetchWorkout(userId, tpWorkoutId)).url ?? null;
  } catch (error) {
    log.warn("trainingpeaks.push.url_unavailable", { userId, error });
    return null;
  }
}

async function recordFailure(uploadId: string, userId: string, error: unknown): Promise<void> {
  if (isAppError(error, "trainingpeaks.upload_rejected")) return fail(uploadId, "rejected", error.message);
  if (isProviderFailure(error)) {
    switch (error.reason) {
      case "forbidden":
        return fail(uploadId, "consent_required", "TrainingPeaks refused the upload: AutoCoach does not have permission to add files to your account.");
      case "disconnected":
        return fail(uploadId, "reconnect_required", error.message);
      case "rate_limited":
        return fail(uploadId, "rate_limited", error.message, error.retryAfterSeconds ?? 60);
      case "unavailable":
      case "bad_response":
        return fail(uploadId, "unavailable", error.message);
      default:
        return fail(uploadId, "unavailable", error.message);
    }
  }
  log.error("trainingpeaks.push.failed", { userId, error });
  return fail(uploadId, "internal", "Something went wrong on our side while sending this workout. Please try again.");
}

/** Polls the upload's processing status with backoff until it settles or the deadline nears. */
async function pollUntilSettled(userId: string, uploadId: string, trackingId: string, opts: PushOptions): Promise<void> {
  const db = await getDb();
  const sleep = opts.sleep ?? defaultSleep;
  for (let attempt = 0; ; attempt++) {
    const status = await getUploadStatus(userId, trackingId);
    await db.trainingPeaksUpload.update({ where: { id: uploadId }, data: { polls: { increment: 1 } } });
    if (status.kind === "success") {
      const id = status.workoutIds[0] ?? null;
      return markDone(uploadId, id, id ? await workoutUrl(userId, id) : null, false);
    }
    if (status.kind === "failed") return fail(uploadId, "tp_failed", `TrainingPeaks could not process the file: ${status.message}`);
    if (status.kind === "gone") {
      // TrainingPeaks forgot the tracking id; the workout may well exist (TMIW treats 404 as "already processed").
      const upload = await db.trainingPeaksUpload.findUniqueOrThrow({ where: { id: uploadId }, select: { workoutId: true } });
      const activity = await loadWorkoutActivity(userId, upload.workoutId);
      const found = activity ? await findOnTrainingPeaks(userId, activity.startTime, activity.sport, await athleteTimeZone(userId)) : null;
      if (found) return markDone(uploadId, found.id, found.url ?? null, false);
      return fail(uploadId, "tp_failed", "TrainingPeaks lost track of the upload before it finished. Send the workout again.");
    }
    const wait = Math.min(POLL_MAX_WAIT_MS, POLL_FIRST_WAIT_MS * 2 ** attempt);
    if (Date.now() + wait >= opts.deadline) return;
    await sleep(wait);
  }
}

async function athleteTimeZone(userId: string): Promise<string | null> {
  const db = await getDb();
  return (await db.trainingPeaksProfile.findUnique({ where: { userId }, select: { timeZone: true } }))?.timeZone ?? null;
}

/** Claims the record for one upload attempt; false when another request holds it or it needs no upload. */
async function claim(uploadId: string): Promise<boolean> {
  const db = await getDb();
  const now = new Date();
  const res = await db.trainingPeaksUpload.updateMany({
    where: {
      id: uploadId,
      OR: [{ state: { in: ["queued", "failed"] } }, { state: "uploading", leaseExpiresAt: { lt: now } }],
    },
    data: { state: "uploading", leaseExpiresAt: new Date(now.getTime() + UPLOAD_LEASE_MS), attempts: { increment: 1 }, errorCode: null, lastError: null, nextAttemptAt: null },
  });
  return res.count === 1;
}

export async function pushWorkout(userId: string, workoutId: string, opts: PushOptions): Promise<PushView> {
  const db = await getDb();
  const workout = await db.workout.findFirst({ where: { id: workoutId, userId }, select: { id: true, status: true } });
  if (!workout) throw new AppError("workout.not_found");
  if (workout.status !== "COMPLETE") {
    // TrainingPeaks would keep the partial ride and we could not replace it: wait for the finished one.
    throw new AppError("workout.in_progress", { message: "This workout hadn't finished when it was synced. Sync again once it has, then send it." });
  }
  // INSERT … ON CONFLICT DO NOTHING: concurrent first sends all see the one record (an upsert can race to P2002).
  await db.trainingPeaksUpload.createMany({ data: [{ userId, workoutId, trigger: opts.trigger }], skipDuplicates: true });
  const row = await db.trainingPeaksUpload.findUniqueOrThrow({ where: { workoutId } });
  if (row.state === "done") return toPushView(row);
  try {
    if (row.state === "processing" && row.fileTrackingId) {
      await pollUntilSettled(userId, row.id, row.fileTrackingId, opts);
      return getPushView(userId, workoutId);
    }
    const account = await db.account.findFirst({ where: { userId, provider: PROVIDER_ID }, select: { scope: true, status: true } });
    if (!account || account.status === "disconnected") {
      await fail(row.id, "reconnect_required", "TrainingPeaks is not connected. Sign in with TrainingPeaks to connect it.");
      return getPushView(userId, workoutId);
    }
    if (!hasFileWriteScope(account.scope)) {
      await fail(row.id, "consent_required", "AutoCoach needs your permission to add files to TrainingPeaks. Grant it once and send again.");
      return getPushView(userId, workoutId);
    }
    if (!(await claim(row.id))) return getPushView(userId, workoutId);
    await sendClaimed(userId, row.id, workoutId, opts);
  } catch (error) {
    await recordFailure(row.id, userId, error);
  }
  return getPushView(userId, workoutId);
}

async function sendClaimed(userId: string, uploadId: string, workoutId: string, opts: PushOptions): Promise<void> {
  const db = await getDb();
  const activity = await loadWorkoutActivity(userId, workoutId);
  if (!activity) return fail(uploadId, "no_samples", "This workout has no recorded samples to send (sync it again, or it had no metrics).");
  const tz = await athleteTimeZone(userId);
  const existing = await findOnTrainingPeaks(userId, activity.startTime, activity.sport, tz);
  if (existing) return markDone(uploadId, existing.id, existing.url ?? null, true);
  // the athlete's TrainingPeaks zone, which is also the user's display zone when they have one (user-time-zone.ts)
  const bytes = encodeFit(activity, { timeZone: tz });
  const localStart = toLocalDateTime(activity.startTime, tz);
  const outcome = await uploadFile(userId, {
    filename: fitFileName(activity, tz),
    bytes,
    workoutDay: localStart.slice(0, 10),
    startTime: localStart,
    title: activity.title ?? "Peloton workout",
    type: tpUploadType(activity.sport),
  });
  if (outcome.kind === "duplicate") {
    // 422: TrainingPeaks already has this file; link to the activity when it can be found.
    const found = await findOnTrainingPeaks(userId, activity.startTime, activity.sport, tz);
    return markDone(uploadId, found?.id ?? null, found?.url ?? null, true);
  }
  await db.trainingPeaksUpload.update({
    where: { id: uploadId },
    data: { state: "processing", fileTrackingId: outcome.trackingId, fileBytes: bytes.byteLength, polls: 0, leaseExpiresAt: null },
  });
  log.info("trainingpeaks.push.accepted", { userId, workoutId, bytes: bytes.byteLength });
  await pollUntilSettled(userId, uploadId, outcome.trackingId, opts);
}
