import { describe, expect, it } from "vitest";
import { generateHistory } from "./history";
import { memberByKey } from "./members";
import { DataStore } from "./store";

const anchor = Date.UTC(2026, 0, 15) / 1000;
const demo = memberByKey("demo");

describe("generated history", () => {
  it("is deterministic, ordered, in the past, and ends with one stuck IN_PROGRESS workout", () => {
    if (!demo) throw new Error("demo member missing");
    const a = generateHistory(demo, { anchor, heavyCount: 10 });
    const b = generateHistory(demo, { anchor, heavyCount: 10 });
    expect(a.headers.map((h) => [h.id, h.createdAt, h.plan.rideId])).toEqual(b.headers.map((h) => [h.id, h.createdAt, h.plan.rideId]));
    expect(a.headers).toHaveLength(320);
    for (let i = 1; i < a.headers.length; i++) expect(a.headers[i]?.createdAt).toBeGreaterThan(a.headers[i - 1]?.createdAt ?? 0);
    expect(a.headers.every((h) => (h.endTime ?? h.startTime) < anchor)).toBe(true);
    expect(a.headers.filter((h) => h.status === "IN_PROGRESS").map((h) => h.id)).toEqual([a.headers[319]?.id]);
  });

  it("moves FTP with FTP tests, and ftp_info is the FTP going into each ride", () => {
    if (!demo) throw new Error("demo member missing");
    const { headers, ftp } = generateHistory(demo, { anchor, heavyCount: 10 });
    const tests = headers.filter((h) => h.plan.isFtpTest);
    expect(tests.length).toBeGreaterThan(8);
    expect(ftp).toMatchObject({ source: "ftp_workout_source", workoutId: tests[tests.length - 1]?.id });
    const afterFirst = headers.find((h) => h.plan.discipline === "cycling" && h.createdAt > (tests[0]?.createdAt ?? 0));
    expect(afterFirst?.ftpIn.workoutId).toBe(tests[0]?.id);
    expect(ftp.ftp).toBeGreaterThan(demo.startFtp);
  });

  it("keeps ride totals consistent between the fast path and the samples", () => {
    if (!demo) throw new Error("demo member missing");
    const store = new DataStore({ anchor, heavyCount: 10, now: () => anchor * 1000 });
    const ride = store.memberData(demo).workouts.find((w) => w.plan.kind === "power_zone");
    if (!ride) throw new Error("no ride");
    const fast = store.totalWork(ride);
    const samples = store.series(ride).output ?? new Float64Array();
    expect(samples.reduce((a, w) => a + w, 0)).toBeCloseTo(fast, 0);
  });
});
