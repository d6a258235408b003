import "server-only";

/** The columns every list of workouts shows (dashboard, calendar). */
export const WORKOUT_LIST_COLUMNS = { id: true, title: true, discipline: true, startTime: true, durationSeconds: true } as const;
