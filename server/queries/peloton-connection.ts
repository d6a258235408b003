import "server-only";
import { getDb } from "@/server/db/client";
import type { PelotonConnectionView } from "@/lib/domain/peloton-connection";

/** The user's Peloton connection and profile snapshot (read only; connect, test and disconnect live in server/accounts). */

export async function getPelotonConnection(userId: string): Promise<PelotonConnectionView | null> {
  const db = await getDb();
  const row = await db.pelotonConnection.findUnique({ where: { userId }, include: { profile: true } });
  if (!row) return null;
  const p = row.profile;
  return {
    status: row.status,
    username: row.username,
    loginEmail: row.loginEmail,
    rememberPassword: row.password !== null,
    paceLevel: row.paceLevel,
    lastError: row.lastError,
    lastCheckedAt: row.lastCheckedAt?.toISOString() ?? null,
    lastSyncedAt: row.lastSyncedAt?.toISOString() ?? null,
    connectedAt: row.connectedAt.toISOString(),
    profile: p
      ? {
          leaderboardName: p.leaderboardName,
          displayName: p.displayName,
          imageUrl: p.imageUrl,
          memberSince: p.memberSince?.toISOString() ?? null,
          totalWorkouts: p.totalWorkouts,
          totalPedalingWorkouts: p.totalPedalingWorkouts,
          totalNonPedalingWorkouts: p.totalNonPedalingWorkouts,
          totalOutputKj: p.totalOutputKj,
          totalDistance: p.totalDistance,
          distanceUnit: p.distanceUnit,
          totalCalories: p.totalCalories,
          totalPedalingDurationSeconds: p.totalPedalingDurationSeconds,
          currentWeeklyStreak: p.currentWeeklyStreak,
          bestWeeklyStreak: p.bestWeeklyStreak,
          currentDailyStreak: p.currentDailyStreak,
          achievementsCount: p.achievementsCount,
          workoutCounts: toCounts(p.workoutCounts),
          ftpWatts: p.ftpWatts,
          ftpSource: p.ftpSource,
          ftpRawWatts: p.ftpRawWatts,
          maxHeartRate: p.maxHeartRate,
          fetchedAt: p.fetchedAt.toISOString(),
        }
      : null,
  };
}

function toCounts(value: unknown): Record<string, number> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).filter((e): e is [string, number] => typeof e[1] === "number"));
}
