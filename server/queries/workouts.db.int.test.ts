import { describe, expect, it } from "vitest";
import { setupTestDatabase } from "@/test/integration-db";
import { seedSyncedRide } from "@/test/seed-workout";

const database = setupTestDatabase();

/** Seven rides: five with an output, two without (rank −1), two instructors, two disciplines. */
async function seedHistory() {
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  const user = await db.user.create({ data: { name: "History" } });
  const tag = Math.random().toString(16).slice(2, 8);
  const matt = await db.instructor.create({ data: { id: `matt${tag}`, name: "Matt Wilpers" } });
  const denis = await db.instructor.create({ data: { id: `denis${tag}`, name: "Denis Morton" } });
  const specs = [
    { title: "45 min Power Zone Endurance Ride", output: 500, instructor: matt.id, discipline: "cycling" },
    { title: "30 min Climb Ride", output: 300, instructor: denis.id, discipline: "cycling" },
    { title: "20 min Power Zone Ride", output: null, instructor: matt.id, discipline: "cycling" },
    { title: "30 min Endurance Row", output: 250, instructor: denis.id, discipline: "caesar" },
    { title: "60 min Power Zone Max Ride", output: 800, instructor: matt.id, discipline: "cycling" },
    { title: "10 min Row Warm Up", output: null, instructor: denis.id, discipline: "caesar" },
    { title: "15 min Recovery Ride", output: 100, instructor: denis.id, discipline: "cycling" },
  ];
  const ids: Record<string, string> = {};
  for (const [n, s] of specs.entries()) {
    const id = await seedSyncedRide(db, user.id, { startTime: new Date(Date.UTC(2026, 4, 1 + n, 7)), title: s.title });
    await db.workout.update({ where: { id }, data: { rankOutput: s.output ?? -1, instructorId: s.instructor, discipline: s.discipline } });
    ids[s.title] = id;
  }
  return { userId: user.id, ids, matt: matt.id, denis: denis.id };
}

describe(`workout history (${database.kind()})`, () => {
  it("sorts workouts without a value last in both directions, pages both ways and counts the matches", async () => {
    const { listWorkoutHistory } = await import("./workouts");
    const { historyFiltersSchema } = await import("@/lib/domain/workout-history");
    const { userId } = await seedHistory();
    const titles = async (filters: Record<string, string>, limit = 3) => {
      const page = await listWorkoutHistory(userId, historyFiltersSchema.parse(filters), limit);
      return { page, titles: page.rows.map((r) => r.title) };
    };
    const readAll = async (dir: "asc" | "desc") => {
      const seen: string[] = [];
      const pages = [];
      let cursor: string | undefined;
      do {
        const { page, titles: t } = await titles({ sort: "output", dir, ...(cursor ? { cursor } : {}) });
        seen.push(...t);
        pages.push(page);
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      return { seen, pages };
    };
    const asc = await readAll("asc");
    expect(asc.seen.slice(0, 5)).toEqual(["15 min Recovery Ride", "30 min Endurance Row", "30 min Climb Ride", "45 min Power Zone Endurance Ride", "60 min Power Zone Max Ride"]);
    expect(asc.seen.slice(5).sort()).toEqual(["10 min Row Warm Up", "20 min Power Zone Ride"]);
    const desc = await readAll("desc");
    expect(desc.seen.slice(0, 5)).toEqual([...asc.seen.slice(0, 5)].reverse());
    expect(desc.seen.slice(5).sort()).toEqual(["10 min Row Warm Up", "20 min Power Zone Ride"]);
    expect(asc.pages[0]?.matches).toBe(7);

    // previous page: from the third page (which starts in the "no value" segment) back to the second, then the first
    for (const { pages } of [asc, desc]) {
      const [first, second, third] = pages;
      expect(first?.prevCursor).toBeNull();
      const dir = pages === asc.pages ? "asc" : "desc";
      const back = await titles({ sort: "output", dir, before: third?.prevCursor ?? "" });
      expect(back.titles).toEqual(second?.rows.map((r) => r.title));
      const start = await titles({ sort: "output", dir, before: back.page.prevCursor ?? "" });
      expect(start.titles).toEqual(first?.rows.map((r) => r.title));
      expect(start.page.prevCursor).toBeNull();
      expect(start.page.nextCursor).not.toBeNull();
    }
  });

  it("finds titles and instructors by partial words, and counts what matches", async () => {
    const { listWorkoutHistory } = await import("./workouts");
    const { historyFiltersSchema } = await import("@/lib/domain/workout-history");
    const { userId } = await seedHistory();
    const search = async (q: string) => (await listWorkoutHistory(userId, historyFiltersSchema.parse({ q }), 25)).rows.map((r) => r.title).sort();
    expect(await search("pow zon")).toEqual(["20 min Power Zone Ride", "45 min Power Zone Endurance Ride", "60 min Power Zone Max Ride"]);
    expect(await search("wilp endur")).toEqual(["45 min Power Zone Endurance Ride"]);
    expect(await search("den row")).toEqual(["10 min Row Warm Up", "30 min Endurance Row"]);
    expect((await listWorkoutHistory(userId, historyFiltersSchema.parse({ q: "mort" }), 2)).matches).toBe(4);
  });

  it("counts each facet within the other filters", async () => {
    const { getHistoryFacets, listWorkoutHistory } = await import("./workouts");
    const { historyFiltersSchema } = await import("@/lib/domain/workout-history");
    const { userId, matt: mattId } = await seedHistory();
    const all = await getHistoryFacets(userId, historyFiltersSchema.parse({}));
    expect(all.instructors).toEqual([
      { name: "Denis Morton", count: 4 },
      { name: "Matt Wilpers", count: 3 },
    ]);
    const rowing = await getHistoryFacets(userId, historyFiltersSchema.parse({ discipline: "rowing" }));
    expect(rowing.instructors).toEqual([{ name: "Denis Morton", count: 2 }]);
    // the discipline facet ignores its own filter, so the other disciplines stay listed
    expect(rowing.disciplines).toEqual([
      { value: "cycling", count: 5 },
      { value: "caesar", count: 2 },
    ]);
    // the filter's value is the instructor's name, as the URL shows it; an id, as older links carry, still works
    for (const instructor of ["Matt Wilpers", mattId]) {
      const matt = await getHistoryFacets(userId, historyFiltersSchema.parse({ instructor }));
      expect(matt.total).toBe(7);
      expect(matt.disciplines).toEqual([{ value: "cycling", count: 3 }]);
      expect((await listWorkoutHistory(userId, historyFiltersSchema.parse({ instructor }))).matches).toBe(3);
    }
    const mattsDisciplines = await getHistoryFacets(userId, historyFiltersSchema.parse({ q: "Wilpers" }));
    expect(mattsDisciplines.disciplines).toEqual([{ value: "cycling", count: 3 }]);
  });

  it("gives each workout's distance in metres whatever unit Peloton recorded it in", async () => {
    const { listWorkoutHistory } = await import("./workouts");
    const { historyFiltersSchema } = await import("@/lib/domain/workout-history");
    const { getDb } = await import("@/server/db/client");
    const { userId, ids } = await seedHistory();
    const db = await getDb();
    await db.workoutDetails.update({ where: { workoutId: ids["30 min Endurance Row"] }, data: { distance: 6000, distanceUnit: "m" } });
    await db.workoutDetails.update({ where: { workoutId: ids["30 min Climb Ride"] }, data: { distance: 14.2, distanceUnit: "km" } });
    await db.workoutDetails.update({ where: { workoutId: ids["15 min Recovery Ride"] }, data: { distance: null } });
    const page = await listWorkoutHistory(userId, historyFiltersSchema.parse({}), 10);
    const metres = Object.fromEntries(page.rows.map((r) => [r.title, r.distanceMeters]));
    expect(metres["45 min Power Zone Endurance Ride"]).toBeCloseTo(5.9 * 1609.344, 6);
    expect(metres["30 min Endurance Row"]).toBe(6000);
    expect(metres["30 min Climb Ride"]).toBeCloseTo(14_200, 6);
    expect(metres["15 min Recovery Ride"]).toBeNull();
  });
});
