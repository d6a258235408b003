/**
 * `npm run bench:export`: "Download my data" for one user with N synced rides (BENCH_EXPORT_WORKOUTS, default 300; each
 * 20 minutes of 1-second samples), through the same entries and zip writer as GET /api/account/export, the bytes
 * read and dropped as a browser would stream them. Heap is sampled every 20 ms; the peak over the heap before the
 * export shows memory stays bounded (it must not grow with N: run with 100 and 1000 to compare).
 * Prints figures; asserts nothing. The last line is machine-readable.
 */
import { openBenchDatabase, setBenchServerEnv } from "./bench-db";

const WORKOUTS = Number(process.env.BENCH_EXPORT_WORKOUTS ?? 300);

async function main() {
  const database = await openBenchDatabase();
  setBenchServerEnv(database.url);
  const { getDb, closeDb } = await import("../server/db/client");
  const { seedSyncedRide } = await import("../test/seed-workout");
  const { exportEntries } = await import("../server/accounts/export");
  const { zipChunks } = await import("../server/accounts/zip");
  try {
    const db = await getDb();
    const userId = (await db.user.create({ data: { name: "bench" } })).id;
    const first = Date.UTC(2024, 0, 1, 7);
    for (let i = 0; i < WORKOUTS; i++) await seedSyncedRide(db, userId, { startTime: new Date(first + i * 86_400_000), pelotonWorkoutId: `bench-${i}` });

    global.gc?.();
    const heapBefore = process.memoryUsage().heapUsed;
    let heapPeak = heapBefore;
    const sampler = setInterval(() => (heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed)), 20);
    const started = performance.now();
    let bytes = 0;
    let done = 0;
    for await (const chunk of zipChunks(exportEntries(userId, (n) => (done = n)))) bytes += chunk.byteLength;
    const ms = performance.now() - started;
    clearInterval(sampler);

    const mb = (n: number) => (n / 1e6).toFixed(1);
    console.log(`database: ${database.label}; ${done} workouts of 1,200 samples each`);
    console.log(`export: ${mb(bytes)} MB in ${(ms / 1000).toFixed(1)} s (${(ms / done).toFixed(1)} ms per workout); heap peak +${mb(heapPeak - heapBefore)} MB over the start`);
    console.log(
      `export_workouts=${done} export_ms=${Math.round(ms)} export_ms_per_workout=${(ms / done).toFixed(1)} export_mb=${mb(bytes)} export_heap_growth_mb=${mb(heapPeak - heapBefore)}`,
    );
  } finally {
    await closeDb();
    await database.drop();
  }
}

void main();
