import { describe, expect, it } from "vitest";
import { loadFixture, readFixtureJson } from "../__fixtures__/load";
import { rideTargets, transformInstructor, transformRide } from "./ride";
import { instructorListSchema, instructorSchema, rideDetailsSchema, type PelotonRideDetails } from "../api/workout-schemas";

function details(name: Parameters<typeof loadFixture>[0]): PelotonRideDetails {
  const ride = loadFixture(name).ride;
  if (!ride) throw new Error(`${name} has no ride details`);
  return ride;
}

describe("transformRide", () => {
  it("maps a Power Zone class: metadata, segments, zone targets, expected output", () => {
    const ride = transformRide(details("cycling-power-zone"));
    expect({ ...ride, segments: undefined, targets: undefined }).toEqual({
      pelotonRideId: "1595674b175b918f5bc0ccb21a4d5dc7",
      title: "30 min Power Zone Ride",
      description: "A made-up 30 minute class for AutoCoach's fixtures.",
      durationSeconds: 1800,
      pedalingStartOffset: 60,
      difficulty: 7.62,
      instructorId: "74d41bd3dc0750cc67ce9e58d31ed322",
      discipline: "cycling",
      classTypes: ["Power Zone"],
      isPowerZone: true,
      isFtpTest: false,
      imageUrl: "https://example.invalid/rides/1595674b175b918f5bc0ccb21a4d5dc7.png",
      originalAirTime: new Date(1738000000_000),
      fixedDistance: null,
      segments: undefined,
      targets: undefined,
    });
    expect(ride.segments).toHaveLength(3);
    expect(ride.targets.powerZones).toHaveLength(15);
    expect(ride.targets.powerZones[0]).toEqual({ start: 0, end: 60, zoneLower: 1, zoneUpper: 1 });
    expect(ride.targets.expectedOutputKj).toEqual({ lower: 226, upper: 290 });
    expect(ride.targets.cadence).toEqual([]);
  });

  it("maps a cue-based class to cadence/resistance ranges from instructor_cues", () => {
    const ride = transformRide(details("cycling-cues"));
    expect(ride.isPowerZone).toBe(false);
    expect(ride.classTypes).toEqual(["Climb"]);
    expect(ride.targets.powerZones).toEqual([]);
    expect(ride.targets.cadence[0]).toEqual({ start: 0, end: 120, lower: 80, upper: 90 });
    expect(ride.targets.resistance.at(-1)).toEqual({ start: 1080, end: 1200, lower: 25, upper: 35 });
    expect(ride.targets.expectedOutputKj).toEqual({ lower: 150, upper: 205 });
  });

  it("maps tread and row classes with their pace tables", () => {
    const tread = transformRide(details("tread-run"));
    expect(tread.discipline).toBe("running");
    expect(tread.targets.paceIntensity).toHaveLength(11);
    expect(tread.targets.paceIntensityLevels).toHaveLength(7);
    expect(tread.targets.paceIntensityLevels[6]?.levels).toHaveLength(10);
    const row = transformRide(details("row"));
    expect(row.discipline).toBe("caesar");
    expect(row.targets.strokeRate).toHaveLength(9);
    expect(row.targets.paceIntensityLevels[4]).toMatchObject({ value: 3, name: "Max" });
  });

  it("marks distance-based classes and keeps classes without targets empty", () => {
    const scenic = transformRide(details("cycling-distance"));
    expect(scenic.fixedDistance).toEqual({ value: 5, unit: "km" });
    expect(scenic.pedalingStartOffset).toBe(0);
    expect(scenic.instructorId).toBeNull();
    const strength = transformRide(details("strength"));
    expect(strength.targets.powerZones).toEqual([]);
    expect(strength.targets.expectedOutputKj).toBeNull();
    expect(strength.segments.map((s) => s.kind)).toEqual(["warmup", "strength"]);
  });

  it("copes with the bare minimum: defaults pedaling start to 60 and infers Power Zone from the targets", () => {
    const bare = rideDetailsSchema.parse({
      ride: { id: "c0ffee00c0ffee00c0ffee00c0ffee00", title: null },
      target_metrics_data: { target_metrics: [{ offsets: { start: 60, end: 359 }, segment_type: "power_zone", metrics: [{ name: "power_zone", lower: 2, upper: 2 }] }], total_expected_output: 250 },
    });
    const ride = transformRide(bare);
    expect(ride.title).toBe("Untitled class");
    expect(ride.pedalingStartOffset).toBe(60);
    expect(ride.durationSeconds).toBe(0);
    expect(ride.discipline).toBe("unknown");
    expect(ride.isPowerZone).toBe(true);
    expect(ride.isFtpTest).toBe(false);
    expect(ride.originalAirTime).toBeNull();
    expect(ride.targets.powerZones).toEqual([{ start: 0, end: 300, zoneLower: 2, zoneUpper: 2 }]);
    expect(ride.targets.expectedOutputKj).toEqual({ lower: 250, upper: 250 });
  });

  it("takes cadence/resistance from target_metrics_data, then from the per-second class graph, when there are no cues", () => {
    const fromMetrics = rideDetailsSchema.parse({
      ride: { id: "c0ffee00c0ffee00c0ffee00c0ffee00", pedaling_start_offset: 60, duration: 120 },
      instructor_cues: [],
      target_metrics_data: { target_metrics: [{ offsets: { start: 60, end: 119 }, segment_type: "cycling", metrics: [{ name: "cadence", lower: 80, upper: 90 }] }] },
      target_class_metrics: { target_graph_metrics: [{ type: "cadence", graph_data: { upper: [99], lower: [98] } }] },
    });
    expect(rideTargets(fromMetrics).cadence).toEqual([{ start: 0, end: 60, lower: 80, upper: 90 }]);
    const fromGraph = rideDetailsSchema.parse({
      ride: { id: "c0ffee00c0ffee00c0ffee00c0ffee00", duration: 4 },
      target_class_metrics: { target_graph_metrics: [{ type: "resistance", graph_data: { upper: [40, 40, 50, 50, 50], lower: [30, 30, 40, 40, 40] } }] },
    });
    expect(rideTargets(fromGraph).resistance).toEqual([
      { start: 0, end: 2, lower: 30, upper: 40 },
      { start: 2, end: 4, lower: 40, upper: 50 },
    ]);
  });
});

describe("transformInstructor", () => {
  it("maps the instructor list", () => {
    const list = instructorListSchema.parse(readFixtureJson("instructors.json"));
    expect(list.data.map(transformInstructor)[0]).toEqual({
      pelotonId: "74d41bd3dc0750cc67ce9e58d31ed322",
      name: "Dana Fixture",
      imageUrl: "https://example.invalid/instructors/danafixture.png",
      disciplines: ["cycling", "strength"],
      bio: "Dana is a made-up instructor for AutoCoach's fixtures.",
    });
  });

  it("builds a name from first/last or username and falls back to the short bio", () => {
    const minimal = instructorSchema.parse({ id: "1234abcd1234abcd1234abcd1234abcd", first_name: "Alex", last_name: "Example", short_bio: "Synthetic bio." });
    expect(transformInstructor(minimal)).toEqual({ pelotonId: "1234abcd1234abcd1234abcd1234abcd", name: "Alex Example", imageUrl: null, disciplines: [], bio: "Synthetic bio." });
    expect(transformInstructor(instructorSchema.parse({ id: "x", username: "alexexample" })).name).toBe("alexexample");
    expect(transformInstructor(instructorSchema.parse({ id: "x" })).name).toBe("Unknown instructor");
  });
});
