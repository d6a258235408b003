import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { providerFailure } from "@/test/failures";
import { fixturePath, readFixtureJson } from "../__fixtures__/load";
import { JUST_RIDE_ID, getPerformanceGraph, getRideDetails, getWorkout, isJustRide, listInstructors, listWorkouts } from "./workouts";

const API = "https://api.onepeloton.com";
const USER = "5f3c1a2b9d8e4f60a1b2c3d4e5f60718";
const body = (file: string) => readFileSync(file, "utf8");

function recorder(answer: (url: URL) => Response) {
  const seen: { url: URL; headers: Headers }[] = [];
  const fetchImpl: typeof fetch = async (input, init) => {
    const url = new URL(input instanceof Request ? input.url : input.toString());
    seen.push({ url, headers: new Headers(init?.headers) });
    return answer(url);
  };
  return { seen, fetchImpl, opts: { accessToken: "at-1", apiBaseUrl: API, fetchImpl, retries: 0 } };
}

describe("workout API calls", () => {
  it("list workouts newest first with the class and instructor joined, clamping the page size to 100", async () => {
    const { seen, opts } = recorder(() => new Response(JSON.stringify(readFixtureJson("workouts-page.json"))));
    const page = await listWorkouts({ ...opts, userId: USER, page: 2 });
    expect(page.data).toHaveLength(3);
    await listWorkouts({ ...opts, userId: USER, page: 0, limit: 500, from: "2025-11-17T07:00:00.000Z" });
    const [first, second] = seen.map((s) => s.url);
    expect(first?.pathname).toBe(`/api/user/${USER}/workouts`);
    expect(Object.fromEntries(first?.searchParams ?? [])).toEqual({ page: "2", limit: "100", sort_by: "-created", joins: "ride,ride.instructor" });
    expect(second?.searchParams.get("limit")).toBe("100");
    expect(second?.searchParams.get("from")).toBe("2025-11-17T07:00:00.000Z");
    expect(seen[0]?.headers.get("authorization")).toBe("Bearer at-1");
    expect(seen[0]?.headers.get("peloton-platform")).toBe("web");
  });

  it("get a workout, its performance graph (every_n) and class details", async () => {
    const { seen, opts } = recorder((url) => {
      if (url.pathname.endsWith("/performance_graph")) return new Response(body(fixturePath("cycling-power-zone", "graph")));
      if (url.pathname.startsWith("/api/ride/")) return new Response(body(fixturePath("cycling-power-zone", "ride")));
      return new Response(body(fixturePath("cycling-power-zone", "workout")));
    });
    const workout = await getWorkout({ ...opts, workoutId: "874e60e08e481e6ee0a57440548096ec" });
    expect(workout.ftp_info?.ftp).toBe(200);
    const graph = await getPerformanceGraph({ ...opts, workoutId: workout.id });
    expect(graph.seconds_since_pedaling_start).toHaveLength(1800);
    await getPerformanceGraph({ ...opts, workoutId: workout.id, everyN: 5 });
    const ride = await getRideDetails({ ...opts, rideId: String(workout.ride?.id) });
    expect(ride.is_power_zone_class).toBe(true);
    expect(seen.map((s) => `${s.url.pathname}${s.url.search}`)).toEqual([
      "/api/workout/874e60e08e481e6ee0a57440548096ec?joins=ride%2Cride.instructor",
      "/api/workout/874e60e08e481e6ee0a57440548096ec/performance_graph?every_n=1",
      "/api/workout/874e60e08e481e6ee0a57440548096ec/performance_graph?every_n=5",
      "/api/ride/1595674b175b918f5bc0ccb21a4d5dc7/details",
    ]);
  });

  it("list instructors page by page", async () => {
    const { seen, opts } = recorder(() => new Response(JSON.stringify(readFixtureJson("instructors.json"))));
    const list = await listInstructors({ ...opts });
    expect(list.data).toHaveLength(3);
    expect(Object.fromEntries(seen[0]?.url.searchParams ?? [])).toEqual({ page: "0", limit: "100" });
  });

  it("never asks for the details of a free ride", async () => {
    const { seen, opts } = recorder(() => new Response("{}"));
    expect(isJustRide(JUST_RIDE_ID)).toBe(true);
    expect((await providerFailure(getRideDetails({ ...opts, rideId: JUST_RIDE_ID }))).code).toBe("invalid_request");
    expect(seen).toHaveLength(0);
  });

  it("rejects missing ids and maps HTTP failures to provider failure codes", async () => {
    const { opts } = recorder(() => new Response(JSON.stringify({ status: 404, error_code: 3050, message: "Not found" }), { status: 404 }));
    expect((await providerFailure(getWorkout({ ...opts, workoutId: "" }))).code).toBe("invalid_request");
    expect((await providerFailure(listWorkouts({ ...opts, userId: "", page: 0 }))).code).toBe("invalid_request");
    expect((await providerFailure(getRideDetails({ ...opts, rideId: "c0ffee00c0ffee00c0ffee00c0ffee00" }))).code).toBe("not_found");
    const broken = recorder(() => new Response(JSON.stringify({ ride: { title: "no id" } })));
    expect((await providerFailure(getRideDetails({ ...broken.opts, rideId: "c0ffee00c0ffee00c0ffee00c0ffee00" }))).code).toBe("bad_response");
  });
});
