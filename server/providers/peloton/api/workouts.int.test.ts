import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeSeries, encodeSeries } from "@/server/db/series-codec";
import { DEMO_MEMBER, startPelotonSimulator, type PelotonSimulator } from "@/sandbox/peloton/server";
import { loginWithPassword } from "../auth/login";
import { getPerformanceGraph, getRideDetails, getWorkout, isJustRide, listInstructors, listWorkouts } from "./workouts";
import { transformInstructor, transformRide, transformWorkout } from "../transform/workout";

/** The workout API + transform + codec over real HTTP against the Peloton simulator (sandbox/peloton). */
let sim: PelotonSimulator;
let opts: { accessToken: string; apiBaseUrl: string };
let userId: string;

beforeAll(async () => {
  sim = await startPelotonSimulator({ quiet: true });
  const tokens = await loginWithPassword({ email: DEMO_MEMBER.email, password: DEMO_MEMBER.password, authBaseUrl: sim.url });
  opts = { accessToken: tokens.accessToken, apiBaseUrl: sim.url };
  if (!tokens.userId) throw new Error("the simulator login returned no user id");
  userId = tokens.userId;
});
afterAll(async () => {
  await sim.close();
});

describe("workout API against the simulator", () => {
  it("pages through the history and transforms one workout of every kind", async () => {
    const page = await listWorkouts({ ...opts, userId, page: 0 });
    expect(page.data.length).toBeGreaterThan(0);
    expect(page.limit).toBe(100);
    expect(page.count).toBe(page.data.length);

    const seen = new Map<string, string>();
    for (const item of page.data) {
      const key = `${item.fitness_discipline}:${isJustRide(item.ride?.id) ? "free" : "class"}:${item.status}`;
      if (!seen.has(key)) seen.set(key, item.id);
    }
    expect(seen.size).toBeGreaterThan(4);

    for (const [key, workoutId] of seen) {
      const workout = await getWorkout({ ...opts, workoutId });
      const graph = await getPerformanceGraph({ ...opts, workoutId });
      const rideId = workout.ride?.id;
      const ride = rideId && !isJustRide(rideId) ? await getRideDetails({ ...opts, rideId }) : null;
      const t = transformWorkout({ workout, graph, ride });
      expect(t.workout.pelotonWorkoutId, key).toBe(workoutId);
      expect(t.workout.pelotonRideId === null, key).toBe(isJustRide(rideId));
      expect(t.workout.title, key).not.toBe("");
      if (t.workout.status === "IN_PROGRESS") expect(t.workout.endTime, key).toBeNull();
      if (t.series) {
        expect(t.series.length, key).toBe(graph.seconds_since_pedaling_start?.length);
        expect(decodeSeries(encodeSeries(t.series)), key).toEqual(t.series);
      }
      if (t.workout.discipline === "cycling" && t.series?.channels.output) expect(t.summary.normalizedPower, key).not.toBeNull();
      if (ride) {
        const record = transformRide(ride);
        expect(record.pelotonRideId, key).toBe(rideId);
        if (record.isPowerZone) expect(record.targets.powerZones.length, key).toBeGreaterThan(0);
        for (const zone of record.targets.powerZones) expect(zone.start, key).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("keeps a 30-minute 1 s cycling class within the 6 KB series target", async () => {
    const page = await listWorkouts({ ...opts, userId, page: 0 });
    const item = page.data.find((w) => w.fitness_discipline === "cycling" && w.status === "COMPLETE" && w.ride?.duration === 1800 && !isJustRide(w.ride.id));
    if (!item) return;
    const t = transformWorkout({ workout: await getWorkout({ ...opts, workoutId: item.id }), graph: await getPerformanceGraph({ ...opts, workoutId: item.id }) });
    const bytes = encodeSeries(t.series ?? { intervalSeconds: 1, firstOffset: 1, length: 0, channels: {}, units: {} });
    console.log(`simulator 30-min ride: ${t.series?.length} samples × ${Object.keys(t.series?.channels ?? {}).length} channels → ${bytes.byteLength} B`);
    expect(bytes.byteLength).toBeLessThanOrEqual(6 * 1024);
  });

  it("lists instructors", async () => {
    const list = await listInstructors({ ...opts });
    const instructors = list.data.map(transformInstructor);
    expect(instructors.length).toBeGreaterThan(0);
    for (const i of instructors) expect(i.name).not.toBe("");
  });
});
