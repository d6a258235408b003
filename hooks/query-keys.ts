/**
 * Every React Query key in one place. A key holds every input its query depends on, so two different requests never
 * share a cache entry; the server pages that prefetch use the same keys as the hooks that read.
 */
export const queryKeys = {
  weeklyVolume: (weeks: number) => ["dashboard", "weekly", weeks] as const,
  recentWorkouts: (limit: number) => ["dashboard", "recent", limit] as const,
  trainingPeaksActivities: (start: string, end: string) => ["trainingpeaks", "activities", start, end] as const,
  workoutComparison: (workoutId: string) => ["workouts", workoutId, "compare"] as const,
  workoutChart: (workoutId: string) => ["workouts", workoutId, "chart"] as const,
  analyticsProgress: () => ["analytics", "progress"] as const,
  syncProgress: () => ["sync", "progress"] as const,
  plannedWorkouts: (start: string, end: string) => ["calendar", "planned", start, end] as const,
};
