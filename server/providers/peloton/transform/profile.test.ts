import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { meSchema, overviewSchema, type PelotonMe } from "../api/profile-schemas";
import { achievementsCount, resolveFtp, toPelotonProfile } from "./profile";

const load = (name: string): unknown => JSON.parse(readFileSync(path.join(import.meta.dirname, "../__fixtures__", name), "utf8"));
const me = meSchema.parse(load("me.json"));
const overview = overviewSchema.parse(load("overview.json"));
const withMe = (patch: Record<string, unknown>): PelotonMe => meSchema.parse({ ...me, ...patch });

describe("toPelotonProfile", () => {
  it("maps /api/me + overview into the synced profile fields", () => {
    const profile = toPelotonProfile({ me, overview });
    expect(profile).toEqual({
      userId: "5f3c1a2b9d8e4f60a1b2c3d4e5f60718",
      username: "SyntheticRider",
      displayName: "Sam Sample",
      imageUrl: "https://example.invalid/p.png",
      isProfilePrivate: false,
      memberSince: 1580000000_000,
      totalWorkouts: 212,
      totalPedalingMetricWorkouts: 168,
      totalNonPedalingMetricWorkouts: 44,
      totalOutputKj: null,
      totalDistance: null,
      distanceUnit: null,
      totalCalories: null,
      totalPedalingDurationSeconds: null,
      currentWeeklyStreak: 3,
      bestWeeklyStreak: 11,
      currentWeeklyStreakStartedAt: 1749427200_000,
      currentDailyStreak: 2,
      achievementsCount: 27,
      workoutCounts: { cycling: 150, strength: 40, running: 18, meditation: 4, yoga: 0 },
      ftp: { watts: 180, source: "workout", rawWatts: 180, rawSource: "ftp_workout_source", workoutId: "7a7a7a7a7a7a4b4b8c8c9d9d0e0e1f1f" },
      maxHeartRate: 182,
      weightLb: 165,
      heightIn: 70,
      personalRecords: [
        { discipline: "cycling", slug: "20_min", name: "20 min", value: 210.4, unit: "kj", workoutId: "9e8d7c6b5a4f40312e1d0c9b8a796857", date: "2025-05-02" },
        { discipline: "cycling", slug: "30_min", name: "30 min", value: null, unit: "kj", workoutId: null, date: null },
      ],
    });
  });

  it("takes lifetime totals from the sync job", () => {
    const profile = toPelotonProfile({ me, overview, totals: { totalOutputKj: 51234, totalDistance: 2140.5, distanceUnit: "mi", totalCalories: 98000, totalPedalingDurationSeconds: 360000 } });
    expect(profile).toMatchObject({ totalOutputKj: 51234, totalDistance: 2140.5, distanceUnit: "mi", totalCalories: 98000, totalPedalingDurationSeconds: 360000 });
  });

  it("works from /api/me alone (overview unavailable) and with nulls everywhere", () => {
    const profile = toPelotonProfile({ me });
    expect(profile.workoutCounts).toEqual({ cycling: 150, strength: 40, running: 18, meditation: 4 });
    expect(profile.totalWorkouts).toBe(212);
    expect(profile.currentWeeklyStreak).toBeNull();
    expect(profile.achievementsCount).toBeNull();

    const sparse = meSchema.parse({ id: "u1", username: null, total_workouts: "lots", workout_counts: null, customized_max_heart_rate: 190, created_at: null });
    const minimal = toPelotonProfile({ me: sparse, overview: overviewSchema.parse({ streaks: null, workout_counts: null }) });
    expect(minimal).toMatchObject({ userId: "u1", username: null, totalWorkouts: null, workoutCounts: {}, ftp: null, maxHeartRate: 190, memberSince: null, displayName: null });
  });

  it("sums workout counts when no total is given and accepts the array form", () => {
    const counts = overviewSchema.parse({ workout_counts: [{ slug: "cycling", count: 3 }, { name: "Bike Bootcamp", count: 2 }] });
    const profile = toPelotonProfile({ me: meSchema.parse({ id: "u" }), overview: counts });
    expect(profile.workoutCounts).toEqual({ cycling: 3, bike_bootcamp: 2 });
    expect(profile.totalWorkouts).toBe(5);
  });
});

describe("resolveFtp", () => {
  it("uses 95 % of a manual FTP (the 20-minute best), as peloton-to-garmin does", () => {
    expect(resolveFtp(withMe({ cycling_ftp_source: "ftp_manual_source", cycling_ftp: 200, cycling_workout_ftp: 150 }))).toEqual({
      watts: 190,
      source: "manual",
      rawWatts: 200,
      rawSource: "ftp_manual_source",
      workoutId: null,
    });
  });

  it("uses the workout FTP as is, falling back to cycling_ftp", () => {
    expect(resolveFtp(withMe({ cycling_ftp_source: "ftp_workout_source", cycling_workout_ftp: 0, cycling_ftp: 205 }))).toMatchObject({ watts: 205, source: "workout" });
  });

  it("falls back to the estimate, then to a bare cycling_ftp, then to null", () => {
    expect(resolveFtp(withMe({ cycling_ftp_source: null, cycling_ftp: 0, cycling_workout_ftp: 0, estimated_cycling_ftp: 176 }))).toMatchObject({ watts: 176, source: "estimated" });
    expect(resolveFtp(withMe({ cycling_ftp_source: "ftp_estimated_source", estimated_cycling_ftp: null, cycling_ftp: 170 }))).toMatchObject({ watts: 170, source: "estimated" });
    expect(resolveFtp(withMe({ cycling_ftp_source: "something_new", estimated_cycling_ftp: 0, cycling_ftp: 160 }))).toMatchObject({ watts: 160, source: "unknown" });
    expect(resolveFtp(withMe({ cycling_ftp_source: null, cycling_ftp: 0, cycling_workout_ftp: 0, estimated_cycling_ftp: 0 }))).toBeNull();
  });
});

describe("achievementsCount", () => {
  it("reads the total, the per-template counts, or the spec's achievements list", () => {
    expect(achievementsCount(overviewSchema.parse({ achievement_counts: 12 }))).toBe(12);
    expect(achievementsCount(overviewSchema.parse({ achievement_counts: { achievements: [{ count: 2 }, { count: 5 }] } }))).toBe(7);
    expect(achievementsCount(overviewSchema.parse({ achievements: [{ id: "a" }, { id: "b", count: 3 }] }))).toBe(4);
    expect(achievementsCount(overviewSchema.parse({}))).toBeNull();
  });
});
