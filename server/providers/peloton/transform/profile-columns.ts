import "server-only";
import type { PelotonProfile } from "./profile";

/** PelotonProfile → PelotonProfile table columns (shared by connect, "Test connection" and the sync). */
export function profileColumns(p: PelotonProfile) {
  return {
    leaderboardName: p.username,
    displayName: p.displayName,
    imageUrl: p.imageUrl,
    memberSince: p.memberSince ? new Date(p.memberSince) : null,
    totalWorkouts: p.totalWorkouts,
    totalPedalingWorkouts: p.totalPedalingMetricWorkouts,
    totalNonPedalingWorkouts: p.totalNonPedalingMetricWorkouts,
    currentWeeklyStreak: p.currentWeeklyStreak,
    bestWeeklyStreak: p.bestWeeklyStreak,
    currentDailyStreak: p.currentDailyStreak,
    achievementsCount: p.achievementsCount,
    workoutCounts: p.workoutCounts,
    ftpWatts: p.ftp ? Math.round(p.ftp.watts) : null,
    ftpSource: p.ftp?.source ?? null,
    ftpRawWatts: p.ftp ? Math.round(p.ftp.rawWatts) : null,
    maxHeartRate: p.maxHeartRate,
    personalRecords: JSON.parse(JSON.stringify(p.personalRecords)),
    fetchedAt: new Date(),
  };
}
