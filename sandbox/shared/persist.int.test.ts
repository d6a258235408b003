import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ManualClock } from "./clock";
import { startTrainingPeaksSimulator } from "../trainingpeaks/server";
import { base64, buildFitActivity, pollUntilComplete, postFile } from "../trainingpeaks/upload-testing";
import { DEMO_MEMBER, startPelotonSimulator } from "../peloton/server";
import { api, login } from "../peloton/test-kit";

const dirs: string[] = [];
const stateDir = () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "sim-state-"));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

const FIXED_NOW = Date.UTC(2026, 4, 15, 18, 0, 0);

describe("simulators with a state directory survive a restart", () => {
  it("TrainingPeaks keeps its tokens and uploads, so sign-ins and 'Open in TrainingPeaks' links still work", async () => {
    const dir = stateDir();
    const clock = () => new ManualClock({ now: () => FIXED_NOW });
    const first = await startTrainingPeaksSimulator({ quiet: true, clock: clock(), stateDir: dir, uploadProcessingPolls: 0 });
    const tokens = first.issueTokens();
    const fit = buildFitActivity({ start: new Date("2026-05-10T13:12:07Z"), blocks: [{ seconds: 120, watts: 200, heartRate: 130, cadence: 90, speed: 8 }] });
    const posted = await postFile(first.url, tokens.access_token, { UploadClient: "AutoCoach", Filename: "ride.fit", Data: base64(fit) });
    expect(posted.status).toBe(202);
    const [answer] = await pollUntilComplete(first.url, tokens.access_token, posted.headers.get("location") ?? "");
    const workoutId = answer?.WorkoutIds[0];
    await first.close();
    expect(existsSync(path.join(dir, "trainingpeaks.json"))).toBe(true);

    const second = await startTrainingPeaksSimulator({ quiet: true, clock: clock(), stateDir: dir });
    const get = (p: string) => fetch(new URL(p, second.url), { headers: { Authorization: `Bearer ${tokens.access_token}` } });
    expect((await get("/v1/athlete/profile")).status).toBe(200);
    expect((await get(`/v2/workouts/id/${workoutId}`)).status).toBe(200);
    expect((await fetch(new URL(`/workout/${workoutId}`, second.url))).status).toBe(200);
    expect(second.uploads.list()).toHaveLength(1);
    await second.close();
  });

  it("Peloton keeps its tokens and the same history", async () => {
    const dir = stateDir();
    const first = await startPelotonSimulator({ quiet: true, stateDir: dir, heavyMemberWorkouts: 50 });
    const tokens = await login(first.url, DEMO_MEMBER.email, DEMO_MEMBER.password);
    const added = first.addWorkout(DEMO_MEMBER.email);
    await new Promise((r) => setTimeout(r, 400));
    await first.close();

    const second = await startPelotonSimulator({ quiet: true, stateDir: dir, heavyMemberWorkouts: 50, historyEndMs: Date.now() + 5 * 86_400_000 });
    const me = await api(second.url, tokens.access_token, "/api/me");
    expect(me.status).toBe(200);
    expect((await api(second.url, tokens.access_token, `/api/workout/${added}`)).status).toBe(200);
    await second.close();
  });
});
