import "server-only";
import { randomUUID } from "node:crypto";
import type { Db } from "@/server/db/client";
import { Prisma } from "@/server/db/generated/prisma/client";
import type { TransformedWorkout } from "@/lib/domain/workout";
import { encodeSeriesStored } from "../db/series-codec";
import type { WorkoutSeries } from "@/lib/domain/series";
import { analyticsColumns, type ComputedAnalytics } from "@/server/analytics/compute";
import { requestAnalytics } from "@/server/analytics/job";
import { analyzeBeforeSave } from "@/server/analytics/sync-hooks";
import { analysisSubjectOf, type StoredClassPlan } from "@/server/queries/workout-analysis-input";
import { log } from "@/server/log";
import { detailsColumns, serializedLater, workoutColumns } from "./details-columns";
import { WORKOUT_BATCH_HEAD, WORKOUT_BATCH_TAIL } from "./workout-batch-sql";

export interface WorkoutToSave {
  userId: string;
  result: TransformedWorkout;
  /** the class's stored segments and targets (they complete the workout's own for analytics); read when not given */
  ride?: StoredClassPlan | null;
  /** false: write the workout without computing its analytics (they stay stale for the analytics job) */
  analyze?: boolean;
}

export interface SavedWorkout {
  userId: string;
  pelotonWorkoutId: string;
  workoutId: string;
  /** bytes of the stored series (0 without samples) */
  seriesBytes: number;
}

/** The details columns for the JSON row: Prisma's JSON-null marker becomes null, which the statement stores as JSON null. */
function plainDetails(result: TransformedWorkout): Record<string, unknown> {
  const details: Record<string, unknown> = { ...detailsColumns(result, serializedLater) };
  for (const [key, value] of Object.entries(details)) if (value === Prisma.JsonNull) details[key] = null;
  return details;
}

/** The stored segments and targets of the classes of the items that came without them, in one read. */
async function classPlans(db: Db, items: readonly WorkoutToSave[]): Promise<Map<string, StoredClassPlan>> {
  const ids = new Set<string>();
  for (const item of items) if (item.ride === undefined && item.result.workout.pelotonRideId) ids.add(item.result.workout.pelotonRideId);
  if (!ids.size) return new Map();
  const rows = await db.rideDetail.findMany({ where: { id: { in: [...ids] } }, select: { id: true, segments: true, targets: true } });
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Analytics of the items, from what the sync fetched and exactly as the analytics job would compute them from the
 * stored rows (the series as decoded from its stored bytes, the workout's and the class's plans as stored).
 */
async function analyticsOf(db: Db, items: readonly (WorkoutToSave & { stored: WorkoutSeries | null })[]): Promise<(ComputedAnalytics | null)[]> {
  const plans = await classPlans(db, items);
  const byUser = new Map<string, typeof items>();
  for (const item of items) if (item.analyze !== false) byUser.set(item.userId, [...(byUser.get(item.userId) ?? []), item]);
  const computed = new Map<(typeof items)[number], ComputedAnalytics | null>();
  for (const [userId, own] of byUser) {
    const subjects = own.map(({ result, stored, ride }) => {
      const w = result.workout;
      const plan = ride === undefined ? (w.pelotonRideId ? (plans.get(w.pelotonRideId) ?? null) : null) : ride;
      const details = { segments: result.segments, targets: result.targets ?? null, distance: result.summary.distance, distanceUnit: result.summary.distanceUnit };
      return analysisSubjectOf({ ...w, series: stored }, details, plan);
    });
    const analysed = await analyzeBeforeSave(db, userId, subjects);
    own.forEach((item, k) => computed.set(item, analysed[k] ?? null));
  }
  return items.map((item) => computed.get(item) ?? null);
}

function analyticsRow(a: ComputedAnalytics | null) {
  if (!a) return {};
  const columns = analyticsColumns(a);
  const base64 = (bytes: Uint8Array | null) => (bytes ? Buffer.from(bytes).toString("base64") : null);
  return { ...columns, day: a.day, powerCurve: base64(columns.powerCurve), speedCurve: base64(columns.speedCurve) };
}

/**
 * A workout ready to write: its row with analytics (`row`) and without (`bare`, for the retry of a workout whose
 * analytics the database refused), computed when it is queued so the queue holds rows, not samples.
 */
interface PreparedSave {
  userId: string;
  pelotonWorkoutId: string;
  row: Record<string, unknown>;
  bare: Record<string, unknown>;
  /** bytes of the stored series (0 without samples) */
  seriesBytes: number;
}

/** Encodes the items' series and computes their analytics (workout-batch-sql.ts's rows, with and without them). */
async function prepareSaves(db: Db, items: readonly WorkoutToSave[]): Promise<PreparedSave[]> {
  // The analytics read the series as stored (decodeSeries of these bytes), which the encoder hands back directly.
  const encoded = items.map((item) => {
    const codec = item.result.series && item.result.series.length > 0 ? encodeSeriesStored(item.result.series) : null;
    return { ...item, encoded: codec?.bytes ?? null, stored: codec?.stored ?? null };
  });
  const analytics = await analyticsOf(db, encoded);
  return encoded.map(({ userId, result, encoded: stored }, i) => {
    const w = result.workout;
    const a = analytics[i] ?? null;
    const bare = {
      uid: userId,
      pid: w.pelotonWorkoutId,
      nid: randomUUID().replaceAll("-", ""),
      ...workoutColumns(w),
      rankOutput: result.summary.totalOutputKj ?? -1,
      // The history's TSS sort key follows the analytics score when there is one (as the analytics job keeps it).
      rankTss: result.summary.tss ?? -1,
      ...plainDetails(result),
      iv: stored && result.series ? result.series.intervalSeconds : null,
      samples: stored && result.series ? result.series.length : null,
      channels: stored && result.series ? Object.keys(result.series.channels) : null,
      data: stored ? Buffer.from(stored).toString("base64") : null,
    };
    const row = a ? { ...bare, rankTss: a.score.tss, ...analyticsRow(a) } : bare;
    return { userId, pelotonWorkoutId: w.pelotonWorkoutId, row, bare, seriesBytes: stored?.byteLength ?? 0 };
  });
}

/** One statement for the rows (workout-batch-sql.ts); a workout listed twice is written once (its last version). */
async function writePrepared(db: Db, saves: readonly PreparedSave[], analytics = true): Promise<SavedWorkout[]> {
  const latest = new Map<string, PreparedSave>();
  for (const save of saves) latest.set(`${save.userId}\u0000${save.pelotonWorkoutId}`, save);
  const rows = [...latest.values()].map((save) => (analytics ? save.row : save.bare));
  const written = await db.$queryRaw<{ id: string; userId: string; pelotonWorkoutId: string }[]>`${WORKOUT_BATCH_HEAD}${JSON.stringify(rows)}${WORKOUT_BATCH_TAIL}`;
  return written.map((r) => ({
    userId: r.userId,
    pelotonWorkoutId: r.pelotonWorkoutId,
    workoutId: r.id,
    seriesBytes: latest.get(`${r.userId}\u0000${r.pelotonWorkoutId}`)?.seriesBytes ?? 0,
  }));
}

/** Writes the chunk with its analytics in one statement (workout-batch-sql.ts); a workout listed twice is written once (its last version). */
export async function writeWorkoutBatch(db: Db, items: readonly WorkoutToSave[]): Promise<SavedWorkout[]> {
  const latest = new Map<string, WorkoutToSave>();
  for (const item of items) latest.set(`${item.userId}\u0000${item.result.workout.pelotonWorkoutId}`, item);
  return writePrepared(db, await prepareSaves(db, [...latest.values()]));
}

/**
 * Phase 2: the full workout (record, summary, series), marked complete. Saves are group-committed: the saves that
 * queue up while a chunk is being written (every worker of every step in this process) go out together as the next
 * chunk, one statement for all of them (workout-batch.ts). A chunk that fails is retried one workout at a time, so a
 * bad workout fails alone (and one whose analytics the database refuses is written without them: analytics never fail
 * a sync). The series is encoded and the analytics computed before the save joins the queue, so what waits there is a
 * row, not the samples. Resolves with the stored series bytes once the workout is written with its analytics. `ride`:
 * the class's stored plan when the caller has it at hand (else it is read).
 *
 * `lingerMs`: how long the save may wait for others to share its statement (a bulk sync's saves arrive ~80 ms apart,
 * so without waiting every statement carried one workout). 0, the default, writes as soon as the queue is free. A
 * caller that lingers calls flushSaves when it has nothing more to add.
 */
export async function saveWorkout(db: Db, userId: string, result: TransformedWorkout, ride?: StoredClassPlan | null, opts: { lingerMs?: number } = {}): Promise<number> {
  const due = Date.now() + Math.max(0, opts.lingerMs ?? 0);
  const [prepared] = await prepareSaves(db, [{ userId, result, ride }]);
  if (!prepared) throw new Error(`workout ${result.workout.pelotonWorkoutId} could not be prepared`);
  return new Promise((resolve, reject) => {
    const queue = writeQueue(db);
    queue.waiting.push({ prepared, resolve, reject, due });
    schedule(db, queue);
  });
}

/** Writes every save waiting in this process's queue for `db` now, lingering or not (they resolve as they are written). */
export function flushSaves(db: Db): void {
  const queue = queues.get(db);
  if (!queue) return;
  for (const item of queue.waiting) item.due = 0;
  schedule(db, queue);
}

interface QueuedSave {
  prepared: PreparedSave;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
  /** when the save stops waiting for company (epoch ms) */
  due: number;
}

/** Workouts per statement: large enough to amortise, small enough to keep one statement short. */
const MAX_CHUNK = 50;

interface WriteQueue {
  waiting: QueuedSave[];
  writing: boolean;
  timer: ReturnType<typeof setTimeout> | null;
}
const queues = new WeakMap<Db, WriteQueue>();

function writeQueue(db: Db): WriteQueue {
  let queue = queues.get(db);
  if (!queue) queues.set(db, (queue = { waiting: [], writing: false, timer: null }));
  return queue;
}

/** Starts the next chunk when one is due (a full chunk, or a save whose linger is over), else wakes up when one will be. */
function schedule(db: Db, queue: WriteQueue): void {
  if (queue.writing || !queue.waiting.length) return;
  let due = Number.POSITIVE_INFINITY;
  for (const item of queue.waiting) due = Math.min(due, item.due);
  const wait = due - Date.now();
  if (queue.timer) clearTimeout(queue.timer);
  queue.timer = null;
  if (wait <= 0 || queue.waiting.length >= MAX_CHUNK) return void drain(db, queue);
  queue.timer = setTimeout(() => {
    queue.timer = null;
    schedule(db, queue);
  }, wait);
}

async function drain(db: Db, queue: WriteQueue): Promise<void> {
  queue.writing = true;
  try {
    const chunk = queue.waiting.splice(0, MAX_CHUNK);
    try {
      await writeChunk(db, chunk);
    } catch {
      // Which workout broke the chunk is unknown: each one alone, so only that one fails.
      for (const item of chunk) await writeChunk(db, [item]).catch((error: unknown) => writeWithoutAnalytics(db, item, error));
    }
  } finally {
    queue.writing = false;
    schedule(db, queue);
  }
}

async function writeChunk(db: Db, chunk: QueuedSave[], analytics = true): Promise<void> {
  const saved = await writePrepared(db, chunk.map((item) => item.prepared), analytics);
  const byKey = new Map(saved.map((s) => [`${s.userId}\u0000${s.pelotonWorkoutId}`, s]));
  for (const item of chunk) {
    const written = byKey.get(`${item.prepared.userId}\u0000${item.prepared.pelotonWorkoutId}`);
    if (written) item.resolve(written.seriesBytes);
    else item.reject(new Error(`workout ${item.prepared.pelotonWorkoutId} was not written`));
  }
}

/** A workout refused with its analytics gets one more try without them; refused again, it fails with the first error. */
async function writeWithoutAnalytics(db: Db, item: QueuedSave, error: unknown): Promise<void> {
  if (item.prepared.row === item.prepared.bare) return item.reject(error);
  try {
    await writeChunk(db, [item], false);
    log.warn("analytics.sync_hook.failed", { userId: item.prepared.userId, workouts: 1, error });
    // Written without analytics (its old row is gone): the analytics job computes them; the sync also queues it at its end.
    await requestAnalytics(db, item.prepared.userId, "sync").catch(() => undefined);
  } catch {
    item.reject(error);
  }
}
