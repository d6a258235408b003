/** A user's Peloton connection as pages show it, and what changed between two profile snapshots (pure). */

/** A member's lifetime totals and streaks: what the profile sync reads from Peloton and what pages show. */
export interface PelotonLifetimeStats {
  totalWorkouts: number | null;
  totalOutputKj: number | null;
  totalDistance: number | null;
  /** The unit of totalDistance as Peloton displays it ("mi" or "km"). */
  distanceUnit: string | null;
  totalCalories: number | null;
  totalPedalingDurationSeconds: number | null;
  currentWeeklyStreak: number | null;
  bestWeeklyStreak: number | null;
  currentDailyStreak: number | null;
  achievementsCount: number | null;
  /** Workout count by discipline slug, e.g. { cycling: 150, strength: 40 }. */
  workoutCounts: Record<string, number>;
}

export interface PelotonProfileView extends PelotonLifetimeStats {
  leaderboardName: string | null;
  displayName: string | null;
  imageUrl: string | null;
  memberSince: string | null;
  totalPedalingWorkouts: number | null;
  totalNonPedalingWorkouts: number | null;
  ftpWatts: number | null;
  ftpSource: string | null;
  ftpRawWatts: number | null;
  maxHeartRate: number | null;
  fetchedAt: string;
}

export interface PelotonConnectionView {
  status: "active" | "reauth_required" | "disconnected";
  username: string | null;
  loginEmail: string;
  rememberPassword: boolean;
  paceLevel: number | null;
  lastError: string | null;
  lastCheckedAt: string | null;
  lastSyncedAt: string | null;
  connectedAt: string;
  profile: PelotonProfileView | null;
}

export interface ProfileChange {
  field: string;
  before: string;
  after: string;
}

const WATCHED: { key: keyof PelotonProfileView; label: string }[] = [
  { key: "leaderboardName", label: "Leaderboard name" },
  { key: "totalWorkouts", label: "Total workouts" },
  { key: "currentWeeklyStreak", label: "Weekly streak" },
  { key: "bestWeeklyStreak", label: "Best weekly streak" },
  { key: "currentDailyStreak", label: "Daily streak" },
  { key: "achievementsCount", label: "Achievements" },
  { key: "ftpWatts", label: "FTP" },
];

/** Pure: what changed between two profile snapshots, for the "Test connection" result. */
export function diffProfiles(before: PelotonProfileView | null, after: PelotonProfileView): ProfileChange[] {
  const show = (v: unknown) => (v === null || v === undefined ? "—" : String(v));
  const changes = WATCHED.filter(({ key }) => show(before?.[key]) !== show(after[key])).map(({ key, label }) => ({
    field: label,
    before: show(before?.[key]),
    after: show(after[key]),
  }));
  const beforeCounts = before?.workoutCounts ?? {};
  for (const [slug, n] of Object.entries(after.workoutCounts)) {
    if ((beforeCounts[slug] ?? 0) !== n) changes.push({ field: `Workouts: ${slug}`, before: show(beforeCounts[slug] ?? 0), after: show(n) });
  }
  return changes;
}

/** Connecting a different Peloton account: keep the earlier account's workouts (labelled, no longer synced) or delete them. */
export type HistoryChoice = "keep" | "delete";

/** Workouts that came from a Peloton account other than the connected one (null username: not known). */
export interface OtherAccountHistory {
  pelotonUserId: string;
  username: string | null;
  workouts: number;
}

/** The earlier Peloton account a kept workout came from (username null when not known). */
export interface OtherAccountLabel {
  username: string | null;
}

/** How history and workout pages label a workout kept from another Peloton account. */
export function otherAccountLabel(label: OtherAccountLabel): string {
  return label.username ? `From Peloton account ${label.username}` : "From an earlier Peloton account";
}
