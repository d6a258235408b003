import { describe, expect, it } from "vitest";
import { readFixtureJson } from "../__fixtures__/load";
import {
  JUST_RIDE_ID,
  instructorListSchema,
  isJustRide,
  performanceGraphSchema,
  rideDetailsSchema,
  workoutListSchema,
  workoutSchema,
} from "./workout-schemas";

describe("workoutListSchema", () => {
  it("parses a list page: paging fields, next cursor, items with ride + instructor joined", () => {
    const page = workoutListSchema.parse(readFixtureJson("workouts-page.json"));
    expect(page).toMatchObject({ page: 0, limit: 3, total: 212, count: 3, page_count: 71, show_next: true, show_previous: false, sort_by: "-created_at,-pk" });
    expect(page.next).toEqual({ workout_id: "5c9fb2569fa6d5bc6a3b2779e5bacaea", created_at: 1750161553 });
    expect(page.data).toHaveLength(3);
    expect(page.data[0]?.ride?.instructor?.name).toBe("Dana Fixture");
    expect(page.data[0]?.leaderboard_rank).toBeUndefined();
    expect(page.data[2]?.ride?.id).toBe(JUST_RIDE_ID);
  });

  it("parses the documented list envelope (docs/peloton-api.md §5.4)", () => {
    const page = workoutListSchema.parse({
      data: [{ id: "9e8d7c6b5a4f40312e1d0c9b8a796857", status: "COMPLETE", fitness_discipline: "cycling", created_at: 1750000000, start_time: 1750000060, end_time: 1750001860,
        effort_zones: { total_effort_points: 31.2, heart_rate_zone_durations: { heart_rate_z1_duration: 60 } },
        ride: { id: "c0ffee00c0ffee00c0ffee00c0ffee00", title: "30 min Power Zone Ride", duration: 1800, instructor_id: "1234abcd1234abcd1234abcd1234abcd", instructor: { id: "1234abcd1234abcd1234abcd1234abcd", name: "Alex Example" } } }],
      limit: 1, page: 0, total: 212, count: 1, page_count: 212, show_previous: false, show_next: true, sort_by: "-created_at,-pk",
      next: { workout_id: "0d0d0d0d1e1e2f2f3a3a4b4b5c5c6d6d", created_at: 1749900000 },
    });
    expect(page.data[0]?.effort_zones?.total_effort_points).toBe(31.2);
    expect(page.data[0]?.ride?.instructor?.name).toBe("Alex Example");
  });

  it("drops an unusable item instead of failing the page, and reads a missing data list as empty", () => {
    const page = workoutListSchema.parse({ data: [{ id: "a".repeat(32) }, { status: "COMPLETE" }, "junk"], show_next: "yes" });
    expect(page.data.map((w) => w.id)).toEqual(["a".repeat(32)]);
    expect(page.show_next).toBeNull();
    expect(workoutListSchema.parse({}).data).toEqual([]);
  });
});

describe("workoutSchema", () => {
  it("is lenient: unknown keys pass, wrong types become null, only the id is required", () => {
    const w = workoutSchema.parse({ id: "b".repeat(32), start_time: "yesterday", leaderboard_rank: null, brand_new_field: { x: 1 }, ftp_info: "n/a", ride: { id: JUST_RIDE_ID, instructor: { name: "JUST RIDE" } } });
    expect(w.start_time).toBeNull();
    expect(w.ftp_info).toBeNull();
    expect(w.ride?.instructor).toBeNull();
    expect(w.brand_new_field).toEqual({ x: 1 });
    expect(workoutSchema.safeParse({ start_time: 1 }).success).toBe(false);
  });

  it("isJustRide only matches the all-zero id", () => {
    expect(isJustRide(JUST_RIDE_ID)).toBe(true);
    expect(isJustRide("c0ffee00c0ffee00c0ffee00c0ffee00")).toBe(false);
    expect(isJustRide(null)).toBe(false);
    expect(isJustRide("0")).toBe(false);
  });
});

describe("performanceGraphSchema", () => {
  it("keeps nulls inside values and alternatives, and survives junk", () => {
    const g = performanceGraphSchema.parse({
      duration: 1800,
      seconds_since_pedaling_start: [1, 2, 3],
      metrics: [
        { slug: "pace", display_unit: "min/mi", values: [9.5, null, 9.4], alternatives: [{ slug: "speed", display_unit: "mph", values: [6.3, null, "?"] }] },
        "not a metric",
      ],
      summaries: [{ slug: "total_output", value: 270, display_unit: "kj" }],
      target_metrics_performance_data: { target_metrics: [], time_in_metric: [{ name: "power_zone", value: 1200 }] },
      effort_zones: null,
      splits_data: {},
    });
    expect(g.metrics).toHaveLength(1);
    expect(g.metrics[0]?.values).toEqual([9.5, null, 9.4]);
    expect(g.metrics[0]?.alternatives[0]?.values).toEqual([6.3, null, null]);
    expect(g.target_metrics_performance_data?.time_in_metric[0]).toEqual({ name: "power_zone", value: 1200 });
    expect(g.splits_data?.splits).toEqual([]);
    expect(g.location_data).toEqual([]);
  });
});

describe("rideDetailsSchema", () => {
  it("parses a documented ride-details answer (docs/peloton-api.md §5.7) and requires the ride id", () => {
    const d = rideDetailsSchema.parse({
      ride: { id: "c0ffee00c0ffee00c0ffee00c0ffee00", title: "30 min Power Zone Ride", duration: 1800, length: 1920, pedaling_start_offset: 60, pedaling_end_offset: 1860 },
      class_types: [{ id: "665395ff3abf4081bf315686227d1a51", name: "Power Zone" }],
      is_ftp_test: false,
      is_power_zone_class: true,
      segments: { segment_list: [{ id: "bb22bb22bb22bb22bb22bb22bb22bb22", name: "Warmup", start_time_offset: 0, length: 300, metrics_type: "cycling" }] },
      instructor_cues: [{ offsets: { start: 60, end: 108 }, resistance_range: { upper: 35, lower: 25 }, cadence_range: { upper: 100, lower: 80 } }],
      target_metrics_data: {
        target_metrics: [{ offsets: { start: 60, end: 359 }, segment_type: "power_zone", metrics: [{ name: "power_zone", lower: 2, upper: 2 }] }],
        total_expected_output: { expected_upper_output: 320, expected_lower_output: 210 },
      },
      target_class_metrics: { target_graph_metrics: [], total_expected_output: { expected_upper_output: 320, expected_lower_output: 210 } },
    });
    expect(d.instructor_cues[0]?.cadence_range).toEqual({ upper: 100, lower: 80 });
    expect(d.target_metrics_data?.total_expected_output).toEqual({ expected_upper_output: 320, expected_lower_output: 210 });
    expect(rideDetailsSchema.safeParse({ ride: { title: "no id" } }).success).toBe(false);
  });
});

describe("instructorListSchema", () => {
  it("parses the paged list", () => {
    const list = instructorListSchema.parse(readFixtureJson("instructors.json"));
    expect(list.data.map((i) => i.name)).toEqual(["Dana Fixture", "Milo Sample", "Tess Placeholder"]);
    expect(list.show_next).toBe(false);
  });
});
