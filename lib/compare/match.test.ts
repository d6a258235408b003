import { describe, expect, it } from "vitest";
import { RIDE_START, tpActivity } from "./__fixtures__/activities";
import { comparableSport, isCompatibleType, matchActivity, rankCandidates, tpUploadType } from "./match";

const DENVER = "America/Denver";
const ride = { startTime: RIDE_START, sport: "cycling" as const };

describe("matchActivity", () => {
  it("matches the TrainingPeaks workout whose local start is ours in the athlete's zone", () => {
    const match = matchActivity(ride, [tpActivity()], DENVER);
    expect(match?.activity.id).toBe("3518400833");
    expect(match?.startTimeDeltaSeconds).toBe(0);
    expect(match?.startTime.toISOString()).toBe("2026-05-02T13:12:05.000Z");
  });

  it("matches across midnight: a 21:40 ride in Denver is 03:40 UTC the next day", () => {
    const evening = { startTime: new Date("2026-01-16T04:38:30Z"), sport: "cycling" as const };
    const candidates = [
      tpActivity({ id: "1", day: "2026-01-15", startTimeLocal: "2026-01-15T21:40:00" }),
      tpActivity({ id: "2", day: "2026-01-16", startTimeLocal: "2026-01-16T04:38:30" }),
    ];
    const match = matchActivity(evening, candidates, DENVER);
    expect(match?.activity.id).toBe("1");
    expect(match?.startTimeDeltaSeconds).toBe(90);
    // Read as UTC (unknown zone) the wrong one would have matched exactly.
    expect(matchActivity(evening, candidates, null)?.activity.id).toBe("2");
  });

  it("is inclusive at the tolerance and refuses one second more", () => {
    const at = (seconds: number) => [tpActivity({ startTimeLocal: new Date(Date.parse("2026-05-02T07:12:05Z") + seconds * 1000).toISOString().slice(0, 19) })];
    expect(matchActivity(ride, at(300), DENVER)?.startTimeDeltaSeconds).toBe(300);
    expect(matchActivity(ride, at(-300), DENVER)?.startTimeDeltaSeconds).toBe(-300);
    expect(matchActivity(ride, at(301), DENVER)).toBeNull();
    expect(matchActivity(ride, at(-301), DENVER)).toBeNull();
    expect(matchActivity(ride, at(900), DENVER, 900)?.startTimeDeltaSeconds).toBe(900);
  });

  it("prefers the nearest start among several compatible workouts", () => {
    const candidates = [
      tpActivity({ id: "far", startTimeLocal: "2026-05-02T07:15:00" }),
      tpActivity({ id: "near", startTimeLocal: "2026-05-02T07:11:40" }),
    ];
    const match = matchActivity(ride, candidates, DENVER);
    expect(match?.activity.id).toBe("near");
    expect(match?.startTimeDeltaSeconds).toBe(-25);
  });

  it("skips a different sport even when it starts closer, and planned or untimed workouts", () => {
    const candidates = [
      tpActivity({ id: "run", type: "Run", startTimeLocal: "2026-05-02T07:12:05" }),
      tpActivity({ id: "plan", completed: false, startTimeLocal: null, startTime: "2026-05-02T07:12:00" }),
      tpActivity({ id: "untimed", startTimeLocal: null }),
      tpActivity({ id: "bike", startTimeLocal: "2026-05-02T07:14:00" }),
    ];
    expect(matchActivity(ride, candidates, DENVER)?.activity.id).toBe("bike");
    expect(matchActivity(ride, candidates.slice(0, 3), DENVER)).toBeNull();
  });

  it("lets a generic recording match any type, and any sport match TrainingPeaks' Other", () => {
    const run = tpActivity({ type: "Run" });
    expect(matchActivity({ startTime: RIDE_START, sport: "generic" }, [run], DENVER)?.activity.type).toBe("Run");
    expect(matchActivity({ startTime: RIDE_START, sport: "running" }, [tpActivity({ type: "Other" })], DENVER)).not.toBeNull();
  });
});

describe("rankCandidates", () => {
  it("orders every timed, completed workout by distance in time, compatible first on ties", () => {
    const ranked = rankCandidates(ride, [tpActivity({ id: "a", type: "Run" }), tpActivity({ id: "b" }), tpActivity({ id: "c", startTimeLocal: "2026-05-02T09:00:00" })], DENVER);
    expect(ranked.map((r) => [r.activity.id, r.compatible, r.startTimeDeltaSeconds])).toEqual([
      ["b", true, 0],
      ["a", false, 0],
      ["c", true, 6475],
    ]);
  });
});

describe("sport compatibility", () => {
  it.each([
    ["cycling", "Bike", true],
    ["cycling", "MTB", true],
    ["cycling", "mtb", true],
    ["cycling", "Run", false],
    ["running", "Run", true],
    ["running", "Walk", false],
    ["walking", "Walk", true],
    ["rowing", "Rowing", true],
    ["rowing", "Bike", false],
    ["training", "Strength", true],
    ["fitnessEquipment", "Swim", true],
    ["cycling", "Custom", true],
  ] as const)("%s ↔ %s: %s", (sport, type, expected) => {
    expect(isCompatibleType(sport, type)).toBe(expected);
  });

  it("reads the sport of indoor equipment from its sub-sport", () => {
    expect(comparableSport({ sport: "fitnessEquipment", subSport: "indoorRowing" })).toBe("rowing");
    expect(comparableSport({ sport: "fitnessEquipment", subSport: "treadmill" })).toBe("running");
    expect(comparableSport({ sport: "fitnessEquipment", subSport: null })).toBe("fitnessEquipment");
    expect(comparableSport({ sport: "cycling", subSport: "indoorCycling" })).toBe("cycling");
  });
});

describe("tpUploadType", () => {
  it("names the TrainingPeaks type an upload of our sport gets", () => {
    expect(tpUploadType("cycling")).toBe("bike");
    expect(tpUploadType("rowing")).toBe("rowing");
    expect(tpUploadType("training")).toBe("other");
  });
});
