import { describe, expect, it, vi } from "vitest";
import { setupTestDatabase } from "@/test/integration-db";
import { seedHistory } from "@/bench/seed-history";

const database = setupTestDatabase();

describe(`history facets in one round trip (${database.kind()})`, () => {
  it("counts disciplines and instructors, lists class types and lengths, and the total — only the rider's own", async () => {
    const { getDb } = await import("@/server/db/client");
    const { getHistoryFacets } = await import("./workouts");
    const db = await getDb();
    const rider = await db.user.create({ data: { name: "Facets" } });
    const other = await db.user.create({ data: { name: "Someone else" } });
    await seedHistory(db, rider.id, 120, 7);
    await seedHistory(db, other.id, 40, 8);

    const rows = await db.workout.findMany({ where: { userId: rider.id }, include: { ride: true, instructor: true } });
    const count = <K extends string>(keys: K[]) => keys.reduce((m, k) => m.set(k, (m.get(k) ?? 0) + 1), new Map<K, number>());
    const disciplines = count(rows.map((r) => r.discipline));
    const instructors = count(rows.flatMap((r) => (r.instructor ? [r.instructor.name] : [])));
    const types = new Set(rows.flatMap((r) => r.ride?.classTypes ?? []));
    const lengths = new Set(rows.flatMap((r) => (r.ride && r.ride.durationSeconds > 0 ? [Math.round(r.ride.durationSeconds / 60)] : [])));

    const spy = vi.spyOn(db, "$queryRaw");
    const facets = await getHistoryFacets(rider.id);
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();

    expect(facets.total).toBe(120);
    expect(facets.disciplines.map((d) => d.count)).toEqual([...facets.disciplines.map((d) => d.count)].sort((a, b) => b - a));
    expect(new Map(facets.disciplines.map((d) => [d.value, d.count]))).toEqual(disciplines);
    expect(new Map(facets.instructors.map((i) => [i.name, i.count]))).toEqual(instructors);
    expect(facets.instructors.map((i) => i.name)).toEqual([...facets.instructors.map((i) => i.name)].sort());
    expect(facets.classTypes).toEqual([...types].sort());
    expect(facets.lengths).toEqual([...lengths].sort((a, b) => a - b));
  });

  it("is empty for a rider with no workouts", async () => {
    const { getDb } = await import("@/server/db/client");
    const { getHistoryFacets } = await import("./workouts");
    const user = await (await getDb()).user.create({ data: { name: "New" } });
    expect(await getHistoryFacets(user.id)).toEqual({ disciplines: [], instructors: [], classTypes: [], lengths: [], total: 0 });
  });
});
