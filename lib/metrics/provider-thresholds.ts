import type { ThresholdEntry, ThresholdKind } from "@/lib/domain/thresholds";

/**
 * Dated thresholds from what the providers tell us (pure). TrainingPeaks and Peloton only ever report today's values,
 * so a history is built by noting each value on the day it was first seen to differ. Peloton's FTP history is
 * exact: every ride carries the FTP it was taken with, so each change between consecutive rides starts a new value on
 * the day of the first ride with it.
 */
export type NewEntry = Omit<ThresholdEntry, "id">;

export interface ProviderSnapshot {
  /** the TrainingPeaks profile snapshot and the local day it was read */
  trainingPeaks: { day: string; values: Partial<Record<ThresholdKind, number | null>> } | null;
  /** Peloton's profile: its FTP and max heart rate, on the day it was read */
  peloton: { day: string; ftp: number | null; maxHr: number | null } | null;
  /** every ride with a Peloton FTP, oldest first */
  rideFtps: readonly { day: string; ftp: number; workoutId: string }[];
}

const same = (a: number, b: number) => Math.abs(a - b) < 1e-6;

function latest(stored: readonly ThresholdEntry[], kind: ThresholdKind, source: ThresholdEntry["source"]): ThresholdEntry | undefined {
  let found: ThresholdEntry | undefined;
  for (const e of stored) if (e.kind === kind && e.source === source && (!found || e.effectiveFrom >= found.effectiveFrom)) found = e;
  return found;
}

function snapshotEntries(stored: readonly ThresholdEntry[], source: "trainingpeaks" | "peloton", day: string, values: Partial<Record<ThresholdKind, number | null>>): NewEntry[] {
  const out: NewEntry[] = [];
  for (const [kind, value] of Object.entries(values) as [ThresholdKind, number | null | undefined][]) {
    if (typeof value !== "number" || !Number.isFinite(value) || value <= 0) continue;
    const last = latest(stored, kind, source);
    if (last && same(last.value, value)) continue;
    // Seen on an earlier day than the stored one only when clocks disagree: never date a value before its predecessor.
    const effectiveFrom = last && last.effectiveFrom > day ? last.effectiveFrom : day;
    out.push({ kind, value, effectiveFrom, source, workoutId: null });
  }
  return out;
}

/** Peloton FTP change points from the rides, oldest first (the first ride's FTP starts the history). */
export function rideFtpChanges(rides: ProviderSnapshot["rideFtps"]): NewEntry[] {
  const out: NewEntry[] = [];
  let previous: number | null = null;
  for (const ride of rides) {
    if (!(ride.ftp > 0) || (previous !== null && same(previous, ride.ftp))) continue;
    previous = ride.ftp;
    const last = out.at(-1);
    // Two FTPs on one day (a test mid-day): the later ride's value holds from that day.
    if (last && last.effectiveFrom === ride.day) out.pop();
    out.push({ kind: "ftp", value: ride.ftp, effectiveFrom: ride.day, source: "peloton", workoutId: ride.workoutId });
  }
  return out;
}

/** Entries to add (or, on the same kind, source and day, to overwrite) so the stored history reflects the providers. */
export function newProviderEntries(stored: readonly ThresholdEntry[], snapshot: ProviderSnapshot): NewEntry[] {
  const out: NewEntry[] = [];
  const storedFtp = new Map(stored.filter((e) => e.kind === "ftp" && e.source === "peloton").map((e) => [e.effectiveFrom, e.value]));
  const rides = rideFtpChanges(snapshot.rideFtps);
  for (const change of rides) {
    const known = storedFtp.get(change.effectiveFrom);
    if (known === undefined || !same(known, change.value)) out.push(change);
  }
  if (snapshot.trainingPeaks) out.push(...snapshotEntries(stored, "trainingpeaks", snapshot.trainingPeaks.day, snapshot.trainingPeaks.values));
  // Peloton's profile FTP is news only when it differs from the last ride's (a change made in the app since).
  const withRides = [...stored, ...rides.map((r, i) => ({ ...r, id: `ride-${i}` }))];
  if (snapshot.peloton) out.push(...snapshotEntries(withRides, "peloton", snapshot.peloton.day, { ftp: snapshot.peloton.ftp, max_hr: snapshot.peloton.maxHr }));
  return out;
}
