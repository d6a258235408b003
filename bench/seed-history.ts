/**
 * Synthetic but realistic history for benchmarks: N workouts over ~8 years with classes, instructors,
 * details and (for a few) real 1-second series. Deterministic.
 */
import { randomBytes } from "node:crypto";
import type { Db } from "../server/db/client";
import { seededRandom } from "../sandbox/shared/http";

const DISCIPLINES = [
  ["cycling", 0.55],
  ["strength", 0.15],
  ["running", 0.1],
  ["yoga", 0.05],
  ["stretching", 0.05],
  ["caesar", 0.04],
  ["meditation", 0.03],
  ["walking", 0.03],
] as const;
const TYPES = ["Power Zone", "Endurance", "HIIT & Hills", "Climb", "Intervals", "Low Impact", "Tabata", "Music"];
const LENGTHS = [10, 15, 20, 30, 45, 60, 75, 90];

const id = (r: () => number) => Array.from({ length: 32 }, () => Math.floor(r() * 16).toString(16)).join("");

export async function seedHistory(db: Db, userId: string, count: number, seed = 42): Promise<{ workoutIds: string[]; instructorIds: string[] }> {
  const r = seededRandom(seed);
  const instructors = Array.from({ length: 30 }, (_, i) => ({ id: id(r), name: `Instructor ${String.fromCharCode(65 + (i % 26))}${i}`, disciplines: ["cycling"] }));
  await db.instructor.createMany({ data: instructors, skipDuplicates: true });
  const rides = Array.from({ length: 800 }, () => {
    const discipline = pick(r);
    const length = LENGTHS[Math.floor(r() * LENGTHS.length)] ?? 30;
    const type = TYPES[Math.floor(r() * TYPES.length)] ?? "Music";
    const instructor = instructors[Math.floor(r() * instructors.length)];
    return {
      id: id(r),
      title: `${length} min ${type} ${discipline === "cycling" ? "Ride" : discipline === "running" ? "Run" : "Class"}`,
      durationSeconds: length * 60,
      discipline,
      instructorId: instructor?.id ?? null,
      classTypes: [type],
      isPowerZone: type === "Power Zone",
      detailsFetchedAt: new Date(),
    };
  });
  await db.rideDetail.createMany({ data: rides, skipDuplicates: true });
  const end = Date.parse("2026-11-20T12:00:00Z");
  const workoutIds: string[] = [];
  const batch = 1000;
  for (let start = 0; start < count; start += batch) {
    const rows = [];
    const details = [];
    for (let i = start; i < Math.min(count, start + batch); i++) {
      const ride = rides[Math.floor(r() * rides.length)];
      if (!ride) continue;
      const wid = `bench${randomBytes(10).toString("hex")}`;
      workoutIds.push(wid);
      const startTime = new Date(end - Math.floor(r() * 8 * 365 * 86_400_000));
      const secs = ride.durationSeconds + Math.floor(r() * 60);
      const pedaling = ride.discipline === "cycling";
      const avg = pedaling ? 120 + r() * 100 : null;
      const outputKj = avg === null ? null : Math.round((avg * secs) / 1000);
      const tss = avg === null ? null : Math.round((secs * (avg * 1.05) * ((avg * 1.05) / 220)) / (220 * 36));
      rows.push({
        id: wid,
        userId,
        pelotonWorkoutId: id(r),
        rideId: ride.id,
        status: "COMPLETE",
        discipline: ride.discipline,
        title: ride.title,
        instructorId: ride.instructorId,
        startTime,
        endTime: new Date(startTime.getTime() + secs * 1000),
        timezone: "America/New_York",
        durationSeconds: secs,
        ftp: 220,
        rankOutput: outputKj ?? -1,
        rankTss: tss ?? -1,
        syncState: "complete" as const,
      });
      details.push({
        workoutId: wid,
        totalOutputKj: outputKj,
        calories: Math.round(secs / 6),
        avgOutput: avg,
        maxOutput: avg === null ? null : avg * 2,
        avgHeartRate: 120 + r() * 40,
        normalizedPower: avg === null ? null : avg * 1.05,
        intensityFactor: avg === null ? null : (avg * 1.05) / 220,
        tss,
      });
    }
    await db.workout.createMany({ data: rows });
    await db.workoutDetails.createMany({ data: details });
  }
  return { workoutIds, instructorIds: instructors.map((i) => i.id) };
}

function pick(r: () => number): string {
  let x = r();
  for (const [d, p] of DISCIPLINES) {
    if (x < p) return d;
    x -= p;
  }
  return "cycling";
}

/** One real synced ride (the recorded Power Zone fixture, 1-second series) stored the way sync stores it; returns its id. */
export async function seedRealWorkout(db: Db, userId: string): Promise<string> {
  const { loadFixture } = await import("../server/providers/peloton/__fixtures__/load");
  const { transformRide } = await import("../server/providers/peloton/transform/ride");
  const { transformWorkout } = await import("../server/providers/peloton/transform/workout");
  const { saveRide, saveWorkout } = await import("../server/sync/store");
  const fx = loadFixture("cycling-power-zone");
  if (fx.ride) await saveRide(db, transformRide(fx.ride));
  const result = transformWorkout({ workout: fx.workout, graph: fx.graph, ride: fx.ride });
  await saveWorkout(db, userId, result);
  const row = await db.workout.findUniqueOrThrow({ where: { userId_pelotonWorkoutId: { userId, pelotonWorkoutId: result.workout.pelotonWorkoutId } }, select: { id: true } });
  return row.id;
}
