import type { Db } from "@/server/db/client";
import { encodeSeries } from "@/server/db/series-codec";

/**
 * One synced Peloton ride written straight to the database (no simulator): a steady 20-minute power profile
 * with cadence, heart rate and speed in mph, three class segments. For tests of what happens after a sync.
 */
export async function seedSyncedRide(
  db: Db,
  userId: string,
  opts: { startTime: Date; minutes?: number; pelotonWorkoutId?: string; title?: string; createdAt?: Date },
): Promise<string> {
  const length = (opts.minutes ?? 20) * 60;
  const output = Array.from({ length }, (_, i) => (i < length / 2 ? 180 : 240) + (i % 7));
  const cadence = Array.from({ length }, (_, i) => 85 + (i % 5));
  const heartRate = Array.from({ length }, (_, i) => 120 + Math.floor((i / length) * 40));
  const speed = Array.from({ length }, () => 18.5);
  const third = Math.floor(length / 3);
  const workout = await db.workout.create({
    data: {
      userId,
      pelotonWorkoutId: opts.pelotonWorkoutId ?? `w${Math.random().toString(16).slice(2)}`,
      status: "COMPLETE",
      discipline: "cycling",
      title: opts.title ?? "20 min Power Zone Ride",
      startTime: opts.startTime,
      endTime: new Date(opts.startTime.getTime() + length * 1000),
      durationSeconds: length,
      ftp: 250,
      ftpSource: "ftp_workout_source",
      syncState: "complete",
      syncedAt: new Date(),
      ...(opts.createdAt ? { createdAt: opts.createdAt } : {}),
      details: {
        create: {
          distance: 5.9,
          distanceUnit: "mi",
          avgOutput: 213,
          maxOutput: 246,
          segments: [
            { start: 0, end: third, name: "Warm Up", kind: "warmup" },
            { start: third, end: 2 * third, name: "Power Zone", kind: "intervals" },
            { start: 2 * third, end: length, name: "Cool Down", kind: "cooldown" },
          ],
        },
      },
      series: {
        create: {
          intervalSeconds: 1,
          samples: length,
          channels: ["output", "cadence", "heart_rate", "speed"],
          data: Buffer.from(
            encodeSeries({ intervalSeconds: 1, firstOffset: 0, length, channels: { output, cadence, heart_rate: heartRate, speed }, units: { speed: "mph" } }),
          ),
        },
      },
    },
    select: { id: true },
  });
  return workout.id;
}
