import { expect } from "vitest";
import type { Db } from "@/server/db/client";
import type { StepOptions, StepResult } from "@/server/sync/step";
import type { SyncSource, WorkoutPage } from "@/server/sync/source";
import type { PelotonSourceOptions } from "@/server/sync/peloton-source";

/**
 * Helpers for the sync fault scenarios (lib/sync/faults-*.db.int.test.ts): a driver that behaves like
 * the app's (browser loop + cron for rate-limit pauses), a full comparable snapshot of a user's
 * history, and SyncSource wrappers that inject process-level faults (a frozen/killed step, a list
 * that shifts between pages).
 */

/** Small steps so every scenario spans several steps (listing, details and finalizing each cross a boundary). */
export const STEP: StepOptions & PelotonSourceOptions = { budgetMs: 2_500, concurrency: 4, everyN: 1 };

export async function getTestDb(): Promise<Db> {
  const { getDb } = await import("@/server/db/client");
  return getDb();
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export interface DriveOptions {
  /** start (or resume) a job of this kind first; false: drive whatever job exists */
  start?: "full" | "incremental" | false;
  step?: StepOptions & PelotonSourceOptions;
  maxSteps?: number;
  /** called before every step (inject a fault between steps) */
  beforeStep?: (index: number, last: StepResult | undefined) => Promise<void> | void;
  /** run each step through this instead of syncStep (e.g. runSyncStep with a wrapped source) */
  runStep?: (opts: StepOptions & PelotonSourceOptions) => Promise<StepResult>;
  /** longest rate-limit pause the driver sits out (as the cron would resume it); longer fails the test */
  maxPauseMs?: number;
}

/**
 * Step a user's sync to its end the way the app does: the browser loop (`more`/`busy`), plus the cron's
 * resumption of a rate-limited pause once `resumeAfter` has passed. Stops on any other pause.
 */
export async function drive(userId: string, opts: DriveOptions = {}): Promise<{ results: StepResult[]; last: StepResult }> {
  const { startSyncJob } = await import("@/server/sync/job");
  const { syncStep } = await import("@/server/sync/service");
  if (opts.start !== false) await startSyncJob(await getTestDb(), userId, opts.start ?? "full");
  const stepOpts = { ...STEP, ...opts.step };
  const run = opts.runStep ?? ((o: StepOptions & PelotonSourceOptions) => syncStep(userId, o));
  const results: StepResult[] = [];
  let last: StepResult | undefined;
  for (let i = 0; i < (opts.maxSteps ?? 200); i++) {
    await opts.beforeStep?.(i, last);
    last = await run(stepOpts);
    results.push(last);
    if (last.busy) {
      await sleep(50);
      continue;
    }
    if (last.more) continue;
    const p = last.progress;
    if (p?.phase === "paused" && p.pauseReason === "rate_limited" && p.resumeAfter) {
      const wait = Date.parse(p.resumeAfter) - Date.now();
      if (wait > (opts.maxPauseMs ?? 5_000)) throw new Error(`sync paused for ${wait} ms (rate limited): longer than the test allows`);
      await sleep(Math.max(0, wait) + 20);
      continue;
    }
    return { results, last };
  }
  throw new Error(`sync of ${userId} did not finish in ${opts.maxSteps ?? 200} steps (last phase ${last?.progress?.phase ?? "none"})`);
}

/**
 * Everything a user sees of one synced workout, minus row ids and bookkeeping timestamps, once the history has
 * settled: the analytics job a finished sync queues (it runs after the response or on the cron) has rescored the
 * workouts scored during the sync with thresholds the sync's end replaced (Peloton's FTP history). Without settling,
 * a run that had to catch up analytics and a fault-free one differ in such a workout's TSS sort key, depending on
 * where the simulator's dates fall (the simulated history is laid out back from today).
 */
export async function fullHistory(userId: string) {
  const db = await getTestDb();
  const { runAnalyticsUntilIdle } = await import("@/server/analytics/job");
  await runAnalyticsUntilIdle(db, userId, { timeLimitMs: 60_000 });
  const rows = await db.workout.findMany({
    where: { userId },
    orderBy: { pelotonWorkoutId: "asc" },
    omit: { id: true, userId: true, createdAt: true, updatedAt: true, syncedAt: true, syncAttempts: true },
    include: { details: { omit: { workoutId: true } }, series: { omit: { workoutId: true } } },
  });
  return rows.map((w) => ({ ...w, series: w.series ? { ...w.series, data: Buffer.from(w.series.data).toString("base64") } : null }));
}
export type History = Awaited<ReturnType<typeof fullHistory>>;

/** No workout duplicated, none missing, none extra, and each equal to the reference (states, summaries, series bytes). */
export function expectSameHistory(actual: History, expected: History): void {
  const ids = actual.map((w) => w.pelotonWorkoutId);
  const duplicated = ids.filter((id, i) => ids.indexOf(id) !== i);
  const have = new Set(ids);
  const want = new Set(expected.map((w) => w.pelotonWorkoutId));
  expect(duplicated, "workouts stored twice").toEqual([]);
  expect([...want].filter((id) => !have.has(id)), "workouts missing").toEqual([]);
  expect([...have].filter((id) => !want.has(id)), "workouts that should not be there").toEqual([]);
  const notComplete = actual.filter((w) => w.syncState !== "complete").map((w) => `${w.pelotonWorkoutId}: ${w.syncState} ${w.syncError ?? ""}`);
  expect(notComplete, "workouts not fully synced").toEqual([]);
  for (const [i, w] of actual.entries()) expect(w, `workout ${w.pelotonWorkoutId}`).toEqual(expected[i]);
}

/** Wrap a source, observing or changing individual calls. */
export interface SourceHooks {
  listPage?: (page: number, limit: number, next: () => Promise<WorkoutPage>) => Promise<WorkoutPage>;
  fetchWorkout?: (id: string, next: () => ReturnType<SyncSource["fetchWorkout"]>) => ReturnType<SyncSource["fetchWorkout"]>;
}

export function wrapSource(inner: SyncSource, hooks: SourceHooks): SyncSource {
  return {
    get requestCount() {
      return inner.requestCount;
    },
    get requestMs() {
      return inner.requestMs;
    },
    listPage: (page, limit) => (hooks.listPage ? hooks.listPage(page, limit, () => inner.listPage(page, limit)) : inner.listPage(page, limit)),
    fetchWorkout: (id) => (hooks.fetchWorkout ? hooks.fetchWorkout(id, () => inner.fetchWorkout(id)) : inner.fetchWorkout(id)),
    fetchRide: (id) => inner.fetchRide(id),
    listInstructors: () => inner.listInstructors(),
    fetchProfile: () => inner.fetchProfile(),
  };
}

/**
 * A step whose process dies: after `after` calls of the chosen kind, every call of any kind hangs (the step
 * never finishes, its lease stays held, nothing else it would have written is written). `wake` lets the
 * frozen process come back later (its hung calls then fail), as a paused VM or a GC stall would.
 */
export function freezingSource(inner: SyncSource, freezeOn: "listPage" | "fetchWorkout", after: number) {
  let calls = 0;
  let frozenResolve: (() => void) | undefined;
  let wakeError: Error | undefined;
  const frozenGate = new Promise<void>((resolve) => {
    frozenResolve = resolve;
  });
  let frozen = false;
  let hung = 0;
  let onFrozen: (() => void) | undefined;
  const frozenSignal = new Promise<void>((resolve) => {
    onFrozen = resolve;
  });
  async function gate<T>(kind: "listPage" | "fetchWorkout" | "other", next: () => Promise<T>): Promise<T> {
    if (!frozen && kind === freezeOn && ++calls > after) {
      frozen = true;
      onFrozen?.();
    }
    if (frozen) {
      hung += 1;
      await frozenGate;
      throw wakeError ?? new Error("the step's process was frozen");
    }
    return next();
  }
  const source: SyncSource = {
    get requestCount() {
      return inner.requestCount;
    },
    get requestMs() {
      return inner.requestMs;
    },
    listPage: (page, limit) => gate("listPage", () => inner.listPage(page, limit)),
    fetchWorkout: (id) => gate("fetchWorkout", () => inner.fetchWorkout(id)),
    fetchRide: (id) => gate("other", () => inner.fetchRide(id)),
    listInstructors: () => gate("other", () => inner.listInstructors()),
    fetchProfile: () => gate("other", () => inner.fetchProfile()),
  };
  return {
    source,
    /** resolves once the process has frozen */
    frozen: frozenSignal,
    hungCalls: () => hung,
    /** the process comes back: every hung call fails with `error` */
    wake(error: Error) {
      wakeError = error;
      frozenResolve?.();
    },
  };
}

/** The member's workout ids as Peloton lists them now (every page, through the app's own source). */
export async function remoteWorkoutIds(source: SyncSource): Promise<string[]> {
  const ids: string[] = [];
  for (let page = 0; page < 100; page++) {
    const p = await source.listPage(page, 100);
    ids.push(...p.items.map((i) => i.record.pelotonWorkoutId));
    if (!p.showNext || p.items.length === 0) break;
  }
  return ids;
}

/** Connect `member`, sync the whole history cleanly and return it: the baseline every fault scenario must reproduce. */
export async function syncedBaseline(member: { email: string; password: string }): Promise<History> {
  const { connectedUser } = await import("./sync-harness");
  const userId = await connectedUser(member);
  const { last } = await drive(userId);
  expect(last.progress).toMatchObject({ phase: "done", failed: 0, lastError: null, remoteTotal: 48 });
  const history = await fullHistory(userId);
  expect(history).toHaveLength(48);
  return history;
}
