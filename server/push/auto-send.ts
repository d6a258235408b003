import "server-only";
import type { Db } from "@/server/db/client";
import { getDb } from "@/server/db/client";
import { log } from "@/server/log";
import { PROVIDER_ID } from "@/server/providers/trainingpeaks/auth/config";
import { pushWorkout } from "./push-workout";

/**
 * "Auto-send new rides": after an incremental sync, the workouts it brought in (completed, with samples, started after
 * the setting was switched on) are queued; later sync steps upload a few at a time within their budget.
 */

/** Uploads started per sync step at most (each is a POST plus status polls). */
export const MAX_UPLOADS_PER_STEP = 3;
/** Workouts queued per sync at most (a long time away from the app should not flood TrainingPeaks). */
const MAX_QUEUED_PER_SYNC = 50;
/** Attempts an auto-send gets after transient failures (TrainingPeaks unreachable) before it waits for the user. */
const MAX_AUTO_ATTEMPTS = 3;
/** Polls after which an upload that TrainingPeaks still reports as processing stops holding the sync open. */
const MAX_POLLS_IN_SYNC = 12;

export async function setAutoSend(userId: string, enabled: boolean): Promise<{ enabled: boolean; since: string | null }> {
  const db = await getDb();
  const user = await db.user.update({
    where: { id: userId },
    // Switching on applies from now: older history is sent one workout at a time, by choice.
    data: enabled ? { tpAutoSend: true, tpAutoSendSince: new Date() } : { tpAutoSend: false },
    select: { tpAutoSend: true, tpAutoSendSince: true },
  });
  return { enabled: user.tpAutoSend, since: user.tpAutoSendSince?.toISOString() ?? null };
}

export async function getAutoSend(userId: string): Promise<{ enabled: boolean; since: string | null }> {
  const db = await getDb();
  const user = await db.user.findUnique({ where: { id: userId }, select: { tpAutoSend: true, tpAutoSendSince: true } });
  return { enabled: user?.tpAutoSend ?? false, since: user?.tpAutoSendSince?.toISOString() ?? null };
}

const STOPPED_MESSAGE = "Not sent: TrainingPeaks access was disconnected or revoked. Reconnect TrainingPeaks, then send it from this page.";

/** Auto-send needs a live TrainingPeaks grant: while it is revoked (reconnect needed) or disconnected nothing is sent. */
async function hasLiveGrant(db: Pick<Db, "account">, userId: string): Promise<boolean> {
  const account = await db.account.findFirst({ where: { userId, provider: PROVIDER_ID }, select: { status: true } });
  return account?.status === "active";
}

/**
 * Stop every automatic upload still waiting (queued, or due for a retry): each ends as failed with a message its
 * workout page shows. With `switchOff` (a disconnect) the setting goes off too; a revoked grant only pauses it.
 */
export async function stopAutoSend(db: Pick<Db, "trainingPeaksUpload" | "user">, userId: string, opts: { switchOff: boolean }): Promise<number> {
  if (opts.switchOff) await db.user.update({ where: { id: userId }, data: { tpAutoSend: false } });
  const res = await db.trainingPeaksUpload.updateMany({
    where: { userId, trigger: "auto", OR: [{ state: "queued" }, { state: "failed", errorCode: "unavailable" }] },
    data: { state: "failed", errorCode: "reconnect_required", lastError: STOPPED_MESSAGE, nextAttemptAt: null },
  });
  if (res.count) log.info("trainingpeaks.autosend.stopped", { userId, count: res.count });
  return res.count;
}

/** Queues the new workouts of a sync that started at `jobStartedAt`; returns how many uploads are waiting. */
export async function enqueueAutoSend(db: Db, userId: string, jobStartedAt: Date): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { tpAutoSend: true, tpAutoSendSince: true } });
  if (!user?.tpAutoSend || !user.tpAutoSendSince) return 0;
  if (!(await hasLiveGrant(db, userId))) {
    await stopAutoSend(db, userId, { switchOff: false });
    return 0;
  }
  const fresh = await db.workout.findMany({
    where: {
      userId,
      createdAt: { gte: jobStartedAt },
      startTime: { gte: user.tpAutoSendSince },
      status: "COMPLETE",
      syncState: "complete",
      series: { isNot: null },
      tpUpload: { is: null },
    },
    select: { id: true },
    orderBy: { startTime: "asc" },
    take: MAX_QUEUED_PER_SYNC,
  });
  if (fresh.length) {
    await db.trainingPeaksUpload.createMany({ data: fresh.map((w) => ({ userId, workoutId: w.id, trigger: "auto" })), skipDuplicates: true });
    log.info("trainingpeaks.autosend.queued", { userId, count: fresh.length });
  }
  return pendingAutoUploads(db, userId);
}

function pendingWhere(userId: string, now: Date) {
  return {
    userId,
    trigger: "auto",
    OR: [
      { state: "queued" as const, OR: [{ nextAttemptAt: null }, { nextAttemptAt: { lte: now } }] },
      { state: "processing" as const, polls: { lt: MAX_POLLS_IN_SYNC } },
      // A network failure may hide an upload that did arrive; the next attempt looks on TrainingPeaks first, so retrying is safe.
      { state: "failed" as const, errorCode: "unavailable", attempts: { lt: MAX_AUTO_ATTEMPTS } },
    ],
  };
}

export async function pendingAutoUploads(db: Db, userId: string): Promise<number> {
  return db.trainingPeaksUpload.count({ where: pendingWhere(userId, new Date()) });
}

/**
 * One bounded chunk of auto-sending; returns true while uploads are still waiting. A failure that more attempts
 * cannot fix (no permission, disconnected, rate limited) ends the chunk: those uploads stay visible on their
 * workout pages as failed, and the sync finishes.
 */
export async function autoSendChunk(db: Db, userId: string, deadline: number): Promise<boolean> {
  if (!(await hasLiveGrant(db, userId))) {
    await stopAutoSend(db, userId, { switchOff: false });
    return false;
  }
  const rows = await db.trainingPeaksUpload.findMany({
    where: pendingWhere(userId, new Date()),
    orderBy: { createdAt: "asc" },
    take: MAX_UPLOADS_PER_STEP,
    select: { workoutId: true },
  });
  for (const row of rows) {
    if (Date.now() >= deadline) break;
    const view = await pushWorkout(userId, row.workoutId, { trigger: "auto", deadline });
    if (view.errorCode === "reconnect_required") {
      await stopAutoSend(db, userId, { switchOff: false });
      return false;
    }
    if (view.errorCode === "consent_required" || view.errorCode === "rate_limited") {
      // Park the rest so the sync ends: they are retried after the next incremental sync.
      await db.trainingPeaksUpload.updateMany({ where: { userId, trigger: "auto", state: "queued" }, data: { nextAttemptAt: new Date(Date.now() + 15 * 60_000) } });
      return false;
    }
  }
  return (await pendingAutoUploads(db, userId)) > 0;
}
