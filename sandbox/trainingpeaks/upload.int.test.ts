import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ManualClock } from "../shared/clock";
import { localToUtc, parseDay } from "./dates";
import { DEMO_ATHLETES, startTrainingPeaksSimulator, type TrainingPeaksSimulator } from "./server";
import { type ActivitySpec, base64, buildFitActivity, buildTcx, getStatus, gzip, messagesSchema, pollUntilComplete, postFile } from "./upload-testing";
import { withSimulator } from "../shared/vitest-sim";

// 2026-05-15 12:00 in Denver, as in api.int.test.ts: the seeded calendar is the same on every run.
const FIXED_NOW = Date.UTC(2026, 4, 15, 18, 0, 0);

// Responses leave out keys without a value (catalog.ts presentWorkout).
const workoutSchema = z.looseObject({
  Id: z.number().int(),
  AthleteId: z.number().int(),
  WorkoutDay: z.string().optional(),
  StartTime: z.string().optional(),
  StartTimePlanned: z.string().optional(),
  Title: z.string(),
  Description: z.string().optional(),
  WorkoutType: z.string(),
  Completed: z.boolean(),
  Url: z.string().optional(),
  TotalTime: z.number().optional(),
  TotalTimePlanned: z.number().optional(),
  Distance: z.number().optional(),
  TssActual: z.number().optional(),
  TssCalculationMethod: z.string().optional(),
  IF: z.number().optional(),
  NormalizedPower: z.number().optional(),
  NormalizedSpeed: z.number().optional(),
  PowerAverage: z.number().optional(),
  PowerMaximum: z.number().optional(),
  HeartRateAverage: z.number().optional(),
  HeartRateMinimum: z.number().optional(),
  HeartRateMaximum: z.number().optional(),
  CadenceAverage: z.number().optional(),
  CadenceMaximum: z.number().optional(),
  VelocityAverage: z.number().optional(),
  VelocityMaximum: z.number().optional(),
  Energy: z.number().optional(),
  Calories: z.number().optional(),
  WorkoutFileFormats: z.array(z.string()).optional(),
});
/** Done: Completed, or a recording (TrainingPeaks sends Completed: false on some uploads). */
const isDone = (w: { Completed: boolean; TotalTime?: number }) => w.Completed || (w.TotalTime ?? 0) > 0;
const uploadsSchema = z.array(z.looseObject({ trackingId: z.string(), athleteId: z.number(), filename: z.string(), status: z.string(), workoutId: z.number(), sha256: z.string(), bytes: z.number(), uploadClient: z.string() }));

// 5 min at 200 W then 5 min at 300 W, 1 Hz, starting 07:12:07 in Denver (no seeded workout starts on an odd second).
const RIDE_START = new Date("2026-05-10T13:12:07Z");
const ride = (overrides: Partial<ActivitySpec> = {}): ActivitySpec => ({
  start: RIDE_START,
  blocks: [
    { seconds: 300, watts: 200, heartRate: 130, cadence: 90, speed: 8 },
    { seconds: 300, watts: 300, heartRate: 150, cadence: 88, speed: 10 },
  ],
  calories: 160,
  ...overrides,
});

/** NP of the ride by hand: the 571 complete 30 s windows are 271 × 200 W, 29 mixed ones, then 271 × 300 W. */
function expectedRideNp(): number {
  let sum = 271 * 200 ** 4 + 271 * 300 ** 4;
  for (let k = 1; k <= 29; k++) sum += ((200 * (30 - k) + 300 * k) / 30) ** 4;
  return (sum / 571) ** 0.25;
}

let sim: TrainingPeaksSimulator;
let token: string;

withSimulator(async () => (sim = await startTrainingPeaksSimulator({ quiet: true, clock: new ManualClock({ now: () => FIXED_NOW }) })), () => {
  token = sim.issueTokens().access_token;
});

const fileBody = (data: Uint8Array | string, extra: Record<string, unknown> = {}) => ({ UploadClient: "AutoCoach", Filename: "ride.fit", Data: base64(data), ...extra });

async function accepted(body: unknown, accessToken = token): Promise<string> {
  const response = await postFile(sim.url, accessToken, body);
  expect(response.status).toBe(202);
  expect(await response.text()).toBe("");
  const location = response.headers.get("location") ?? "";
  expect(location).toMatch(/^\/v3\/status\/[0-9a-f-]{36}$/);
  return location;
}

async function uploadedWorkout(body: unknown, accessToken = token) {
  const location = await accepted(body, accessToken);
  const answers = await pollUntilComplete(sim.url, accessToken, location);
  const id = answers.at(-1)?.WorkoutIds[0];
  const response = await fetch(new URL(`/v2/workouts/id/${id}`, sim.url), { headers: { Authorization: `Bearer ${accessToken}` } });
  expect(response.status).toBe(200);
  return workoutSchema.parse(await response.json());
}

async function rejected(response: Response, status: number): Promise<string[]> {
  expect(response.status).toBe(status);
  return messagesSchema.parse(await response.json());
}

const getWorkout = (id: number, accessToken = token) => fetch(new URL(`/v2/workouts/id/${id}`, sim.url), { headers: { Authorization: `Bearer ${accessToken}` } });

describe("POST /v3/file and GET /v3/status", () => {
  it("accepts a FIT ride (202 + Location), reports Processing, then Success, and only then shows the workout", async () => {
    const location = await accepted(fileBody(buildFitActivity(ride()), { Title: "Ramp test", Comment: "Legs felt good" }));
    const [upload] = uploadsSchema.parse(await (await fetch(new URL("/__admin/uploads", sim.url))).json());
    expect(upload).toMatchObject({ athleteId: DEMO_ATHLETES.demo.id, filename: "ride.fit", status: "Processing", uploadClient: "AutoCoach" });
    const id = upload?.workoutId ?? 0;
    expect((await getWorkout(id)).status).toBe(404);
    expect((await fetch(new URL(`/workout/${id}`, sim.url))).status).toBe(404);

    expect(await (await getStatus(sim.url, token, location)).json()).toEqual({ Completed: false, Status: "Processing", WorkoutIds: [] });
    expect(await (await getStatus(sim.url, token, location)).json()).toEqual({ Completed: true, Status: "Success", WorkoutIds: [id] });
    expect(await (await getStatus(sim.url, token, location)).json()).toEqual({ Completed: true, Status: "Success", WorkoutIds: [id] });
    expect(sim.uploads.list()[0]).toMatchObject({ status: "Success", polls: 3, format: "fit", compressed: false });

    const listed = z.array(workoutSchema).parse(await (await fetch(new URL("/v2/workouts/2026-05-10/2026-05-10", sim.url), { headers: { Authorization: `Bearer ${token}` } })).json());
    expect(listed.map((w) => w.Id)).toContain(id);
    const workout = workoutSchema.parse(await (await getWorkout(id)).json());
    const np = expectedRideNp();
    expect(workout).toMatchObject({
      AthleteId: DEMO_ATHLETES.demo.id,
      WorkoutDay: "2026-05-10T00:00:00",
      StartTime: "2026-05-10T07:12:07",
      Title: "Ramp test",
      Description: "Legs felt good",
      WorkoutType: "Bike",
      Url: `${sim.url}/workout/${id}`,
      Distance: 5400,
      PowerAverage: 250,
      PowerMaximum: 300,
      NormalizedPower: Math.round(np * 10) / 10,
      IF: Math.round((np / 265) * 100) / 100,
      TssActual: Math.round((600 / 3600) * (np / 265) ** 2 * 100 * 10) / 10,
      TssCalculationMethod: "Power",
      HeartRateAverage: 140,
      HeartRateMinimum: 130,
      HeartRateMaximum: 150,
      CadenceAverage: 89,
      CadenceMaximum: 90,
      VelocityAverage: 9,
      VelocityMaximum: 10,
      Energy: 150,
      Calories: 160,
    });
    expect(isDone(workout)).toBe(true);
    expect("WorkoutFileFormats" in workout).toBe(false);
    expect(workout.TotalTime).toBeCloseTo(600 / 3600, 10);
    expect([workout.NormalizedPower, workout.IF, workout.TssActual]).toEqual([263.4, 0.99, 16.5]);
    expect((await fetch(new URL(`/workout/${id}`, sim.url))).status).toBe(200);
  });

  it("accepts gzip-compressed FIT; the same file uncompressed is then a duplicate", async () => {
    const fit = buildFitActivity(ride());
    const workout = await uploadedWorkout(fileBody(gzip(fit), { Filename: "ride.fit.gz" }));
    expect(workout.NormalizedPower).toBe(263.4);
    expect(sim.uploads.list()[0]).toMatchObject({ compressed: true, bytes: fit.length });
    expect(await rejected(await postFile(sim.url, token, fileBody(fit)), 422)).toEqual(["This file has already been uploaded."]);
  });

  it("answers 422 for the same file twice, and for another file starting at the same second", async () => {
    await accepted(fileBody(buildFitActivity(ride())));
    expect(await rejected(await postFile(sim.url, token, fileBody(buildFitActivity(ride()))), 422)).toEqual(["This file has already been uploaded."]);
    const other = buildFitActivity(ride({ blocks: [{ seconds: 900, watts: 180, heartRate: 125 }] }));
    expect(await rejected(await postFile(sim.url, token, fileBody(other)), 422)).toEqual([
      "This file has already been uploaded: a completed workout starting at 2026-05-10T07:12:07 already exists.",
    ]);
    expect(sim.uploads.list()).toHaveLength(1);
  });

  it("answers 422 for a file starting when a seeded completed workout did", async () => {
    const listed = z.array(workoutSchema).parse(await (await fetch(new URL("/v2/workouts/2026-05-01/2026-05-12", sim.url), { headers: { Authorization: `Bearer ${token}` } })).json());
    const seeded = listed.find((w) => isDone(w) && w.StartTime);
    const [day = "", time = ""] = (seeded?.StartTime ?? "").split("T");
    const [h = 0, m = 0, s = 0] = time.split(":").map(Number);
    const start = new Date(localToUtc(parseDay(day) ?? 0, h * 3600 + m * 60 + s, DEMO_ATHLETES.demo.timeZone));
    const messages = await rejected(await postFile(sim.url, token, fileBody(buildFitActivity(ride({ start })))), 422);
    expect(messages[0]).toContain(`starting at ${seeded?.StartTime} already exists`);
  });

  it("follows processingPolls set through the admin API (reset restores the default of 1)", async () => {
    await fetch(new URL("/__admin/uploads/settings", sim.url), { method: "POST", body: JSON.stringify({ processingPolls: 3 }) });
    const answers = await pollUntilComplete(sim.url, token, await accepted(fileBody(buildFitActivity(ride()))));
    expect(answers.map((a) => a.Status)).toEqual(["Processing", "Processing", "Processing", "Success"]);
    await fetch(new URL("/__admin/uploads/settings", sim.url), { method: "POST", body: JSON.stringify({ processingPolls: 0 }) });
    const location = await accepted(fileBody(buildFitActivity(ride({ start: new Date("2026-05-11T13:00:01Z") }))));
    const id = sim.uploads.list()[1]?.workoutId ?? 0;
    expect((await getWorkout(id)).status).toBe(200);
    expect(await (await getStatus(sim.url, token, location)).json()).toEqual({ Completed: true, Status: "Success", WorkoutIds: [id] });
    sim.reset();
    expect(sim.uploads.settings.processingPolls).toBe(1);
  });

  it("leaves premium fields out for a basic athlete and uses the athlete's time zone", async () => {
    const basic = sim.issueTokens({ athleteId: DEMO_ATHLETES.basic.id }).access_token;
    const workout = await uploadedWorkout(fileBody(buildFitActivity(ride())), basic);
    expect(workout).toMatchObject({ AthleteId: DEMO_ATHLETES.basic.id, StartTime: "2026-05-10T09:12:07", Distance: 5400 });
    expect(isDone(workout)).toBe(true);
    expect(workout.TotalTime).toBeCloseTo(1 / 6, 10);
    for (const field of ["NormalizedPower", "PowerAverage", "IF", "TssActual", "HeartRateAverage", "CadenceAverage", "VelocityAverage", "Energy", "Calories"] as const) {
      expect(workout[field], field).toBeUndefined();
    }
  });

  it("reads TCX, maps Type and falls back to pace TSS for a run without power", async () => {
    const tcx = buildTcx(ride());
    const fromTcx = await uploadedWorkout(fileBody(tcx, { Filename: "ride.tcx", Type: "mtb" }));
    expect(fromTcx).toMatchObject({ WorkoutType: "MTB", Title: "MTB", NormalizedPower: 263.4, PowerAverage: 250, HeartRateAverage: 140, Distance: 5400 });
    const run = ride({ start: new Date("2026-05-12T12:30:03Z"), sport: "running", blocks: [{ seconds: 1200, heartRate: 150, cadence: 85, speed: 3.5 }] });
    const fromFit = await uploadedWorkout(fileBody(buildFitActivity(run)));
    expect(fromFit).toMatchObject({ WorkoutType: "Run", Title: "Run", TssCalculationMethod: "Pace", NormalizedSpeed: 3.5, IF: 0.95 });
    expect(fromFit.PowerAverage).toBeUndefined();
    expect(fromFit.TssActual).toBe(Math.round((1200 / 3600) * (3.5 / 3.7) ** 2 * 1000) / 10);
  });

  it("completes the planned workout named by WorkoutId; reset restores it", async () => {
    const listed = z.array(workoutSchema).parse(await (await fetch(new URL("/v2/workouts/2026-05-16/2026-05-24", sim.url), { headers: { Authorization: `Bearer ${token}` } })).json());
    const planned = listed.find((w) => !isDone(w) && w.TotalTimePlanned !== undefined);
    if (!planned) throw new Error("no planned workout in the seeded range");
    const day = (planned.WorkoutDay ?? planned.StartTimePlanned ?? "").slice(0, 10);
    const start = new Date(localToUtc(parseDay(day) ?? 0, 6 * 3600 + 3, DEMO_ATHLETES.demo.timeZone));
    const workout = await uploadedWorkout(fileBody(buildFitActivity(ride({ start })), { WorkoutId: planned.Id }));
    expect(workout).toMatchObject({ Id: planned.Id, Title: planned.Title, TotalTimePlanned: planned.TotalTimePlanned, StartTime: `${day}T06:00:03` });
    expect(isDone(workout)).toBe(true);
    const again = await postFile(sim.url, token, fileBody(buildFitActivity(ride()), { WorkoutId: planned.Id }));
    expect(await rejected(again, 400)).toEqual([`The WorkoutId '${planned.Id}' is not a planned workout of this athlete.`]);
    sim.reset();
    const restored = workoutSchema.parse(await (await getWorkout(planned.Id, sim.issueTokens().access_token)).json());
    expect(restored.Completed).toBe(false);
    expect([restored.StartTime, restored.TotalTime]).toEqual([undefined, undefined]);
  });

  it("reset() forgets uploads, their workouts and their tracking ids", async () => {
    await fetch(new URL("/__admin/uploads/settings", sim.url), { method: "POST", body: JSON.stringify({ processingPolls: 0 }) });
    const location = await accepted(fileBody(buildFitActivity(ride())));
    const id = sim.uploads.list()[0]?.workoutId ?? 0;
    expect((await getWorkout(id)).status).toBe(200);
    sim.reset();
    const fresh = sim.issueTokens().access_token;
    expect(sim.uploads.list()).toEqual([]);
    expect(await (await fetch(new URL("/__admin/uploads", sim.url))).json()).toEqual([]);
    expect((await getWorkout(id, fresh)).status).toBe(404);
    expect((await getStatus(sim.url, fresh, location)).status).toBe(404);
    await accepted(fileBody(buildFitActivity(ride())), fresh);
  });
});
