import "server-only";
import type { Db } from "@/server/db/client";
import { profileColumns } from "@/server/providers/peloton/transform/profile-columns";
import type { SyncPhase } from "@/lib/domain/sync";
import { insertWorkoutStubs, upsertInstructors } from "./store";
import type { SyncSource } from "./source";
import { analyzeAfterSync } from "@/server/analytics/sync-hooks";

const PEDALING = ["cycling", "bike_bootcamp"];

/** Lifetime totals Peloton's profile endpoints don't carry, computed from the synced workouts. */
export async function lifetimeTotals(db: Db, userId: string) {
  const where = { workout: { userId } };
  const sums = await db.workoutDetails.aggregate({ where, _sum: { totalOutputKj: true, calories: true } });
  const byUnit = await db.workoutDetails.groupBy({ by: ["distanceUnit"], where: { ...where, distance: { not: null } }, _sum: { distance: true } });
  const toKm = (unit: string | null, d: number) => (unit === "mi" ? d * 1.609344 : unit === "m" ? d / 1000 : d);
  const km = byUnit.reduce((acc, g) => acc + toKm(g.distanceUnit, g._sum.distance ?? 0), 0);
  const miles = byUnit.filter((g) => g.distanceUnit === "mi").reduce((a, g) => a + (g._sum.distance ?? 0), 0);
  const useMiles = miles * 1.609344 >= km / 2;
  const pedaling = await db.workout.aggregate({ where: { userId, discipline: { in: PEDALING } }, _sum: { durationSeconds: true } });
  return {
    totalOutputKj: sums._sum.totalOutputKj,
    totalCalories: sums._sum.calories,
    totalDistance: km ? Math.round((useMiles ? km / 1.609344 : km) * 10) / 10 : null,
    distanceUnit: km ? (useMiles ? "mi" : "km") : null,
    totalPedalingDurationSeconds: pedaling._sum.durationSeconds,
  };
}

/**
 * Phase 3: instructors (full syncs), profile + overview refresh with lifetime totals, and a last look
 * at the newest page for workouts that appeared during the sync (which sends the job back to details).
 */
export async function finalize(db: Db, userId: string, source: SyncSource, full: boolean, checkLease: () => Promise<void>): Promise<SyncPhase> {
  const fresh = await source.listPage(0, 20);
  const { inserted } = await insertWorkoutStubs(db, userId, fresh.items);
  if (inserted > 0) return "details";
  await checkLease();
  if (full || (await db.instructor.count()) === 0) await upsertInstructors(db, await source.listInstructors());
  const profile = await source.fetchProfile();
  const totals = await lifetimeTotals(db, userId);
  const connection = await db.pelotonConnection.findUnique({ where: { userId }, select: { id: true } });
  if (connection) {
    const columns = { ...profileColumns(profile), ...totals, totalPedalingDurationSeconds: totals.totalPedalingDurationSeconds ?? null };
    await db.pelotonConnection.update({
      where: { id: connection.id },
      data: { lastSyncedAt: new Date(), username: profile.username, profile: { upsert: { create: columns, update: columns } } },
    });
  }
  // Analytics hook (server/analytics): Peloton's FTP history and any stale scores, in the background; never fails the sync.
  await analyzeAfterSync(db, userId);
  return "done";
}
