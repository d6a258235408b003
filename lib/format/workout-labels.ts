import { disciplineLabel } from "./display";

/** Words for what a workout page shows or leaves out, by discipline (pure). */

/** Classes Peloton records no second-by-second metrics for: they are time and (sometimes) heart rate only. */
const NO_METRIC_DISCIPLINES = new Set(["strength", "yoga", "meditation", "stretching", "cardio", "circuit"]);

/** Disciplines ridden against a cycling FTP (zones, IF and TSS from power). */
const FTP_DISCIPLINES = new Set(["cycling", "bike_bootcamp"]);

/** Whether a workout's page shows the FTP it was scored with: rides only, never yoga or a run. */
export function showsFtp(discipline: string): boolean {
  return FTP_DISCIPLINES.has(discipline);
}

/** Why a workout has no charts, in words: still syncing, a class type Peloton records nothing for, or nothing recorded. */
export function noSamplesMessage(discipline: string, syncState: "pending" | "complete" | "failed"): string {
  if (syncState === "pending") return "This workout’s second-by-second data is still syncing.";
  if (NO_METRIC_DISCIPLINES.has(discipline)) {
    return `Peloton records no second-by-second metrics for ${disciplineLabel(discipline).toLowerCase()} classes, so this workout has its time and totals but no charts.`;
  }
  if (syncState === "failed") return "Peloton didn’t send this workout’s second-by-second data; the next sync tries again.";
  return "Peloton recorded no second-by-second metrics for this workout.";
}

/** The same, for the files and TrainingPeaks card: nothing to send or download. */
export function noFileMessage(discipline: string, syncState: "pending" | "complete" | "failed"): string {
  return `${noSamplesMessage(discipline, syncState)} There is no file to send to TrainingPeaks or download.`;
}
