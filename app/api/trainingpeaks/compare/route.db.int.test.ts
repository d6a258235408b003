import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { syntheticRide } from "@/lib/metrics/__fixtures__/synthetic-activity";
import { encodeFit } from "@/server/fit/encode";
import { MAX_FIT_UPLOAD_BYTES } from "@/lib/domain/activity";
import { recordBomb } from "@/server/fit/__fixtures__/record-bomb";
import { UPLOAD_LIMIT } from "@/server/handlers/upload";
import { DEMO_ATHLETES, type TrainingPeaksSimulator } from "@/sandbox/trainingpeaks/server";
import { setupTestDatabase } from "@/test/integration-db";
import { seedSyncedRide } from "@/test/seed-workout";
import { linkTrainingPeaks, startTestTrainingPeaks } from "@/test/trainingpeaks-grant";

const session = vi.hoisted(() => ({ current: null as null | { user: { id: string } } }));
vi.mock("@/server/auth", () => ({ auth: async () => session.current }));

setupTestDatabase();
let sim: TrainingPeaksSimulator;
const users = { a: "", b: "" };
let workoutOfA = "";

beforeAll(async () => {
  sim = await startTestTrainingPeaks();
  const { getDb } = await import("@/server/db/client");
  const db = await getDb();
  const a = await db.user.create({ data: { name: "A" } });
  await linkTrainingPeaks(a.id, sim.url, { athleteId: DEMO_ATHLETES.demo.id, withProfile: false });
  users.a = a.id;
  users.b = (await db.user.create({ data: { name: "B" } })).id;
  workoutOfA = await seedSyncedRide(db, a.id, { startTime: new Date(Date.now() - 3 * 86_400_000) });
});
afterAll(async () => sim?.close());

const fit = () => encodeFit(syntheticRide({ seconds: 1200, laps: 3, startTime: new Date(Date.now() - 86_400_000), ftp: 250 }));

function upload(parts: { file?: Uint8Array | string; ftp?: string }, headers: Record<string, string> = {}): Request {
  const form = new FormData();
  if (parts.file !== undefined) form.set("file", new Blob([typeof parts.file === "string" ? parts.file : new Uint8Array(parts.file)]), "ride.fit");
  if (parts.ftp !== undefined) form.set("ftp", parts.ftp);
  return new Request("http://localhost:3000/api/trainingpeaks/compare", { method: "POST", body: form, headers });
}

async function post(request: Request, userId: string | null) {
  session.current = userId ? { user: { id: userId } } : null;
  const { POST } = await import("./route");
  const res = await POST(request, { params: Promise.resolve({}) });
  return { status: res.status, body: (await res.json()) as { data?: { comparison: Record<string, unknown> }; ok: boolean; code?: string; message?: string } };
}

describe("POST /api/trainingpeaks/compare", () => {
  it("answers 401 without a session", async () => {
    expect((await post(upload({ file: fit() }), null)).status).toBe(401);
  });

  it("compares an upload and answers { data } with the JSON contract inside", async () => {
    const res = await post(upload({ file: fit(), ftp: "260" }), users.a);
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.data?.comparison ?? {})).toEqual(["ours", "trainingpeaks", "match"]);
    expect(res.body.data?.comparison.ours).toMatchObject({ durationSeconds: 1200, ftp: 260 });
  });

  it("maps unreadable files to 415 / 400 with the decoder's message", async () => {
    const text = await post(upload({ file: "<?xml version='1.0'?><TrainingCenterDatabase/>" }), users.a);
    expect(text).toMatchObject({ status: 415, body: { ok: false, code: "fit.not_fit", message: expect.stringMatching(/^This is a TCX file, not a FIT file\./) } });
    const cut = await post(upload({ file: fit().subarray(0, 1500) }), users.a);
    expect(cut.status).toBe(400);
    expect(cut.body.code).toBe("fit.truncated");
    const empty = await post(upload({ file: new Uint8Array() }), users.a);
    expect(empty.status).toBe(400);
  });

  it("validates the form: a file is required, FTP 50–700 W", async () => {
    expect((await post(upload({}), users.a)).body.message).toBe("Choose a .fit or .fit.gz file.");
    const low = await post(upload({ file: fit(), ftp: "20" }), users.a);
    expect(low).toMatchObject({ status: 400, body: { ok: false, code: "input.invalid", message: "FTP must be at least 50 W." } });
    expect((await post(upload({ file: fit(), ftp: "abc" }), users.a)).status).toBe(400);
    expect((await post(upload({ file: fit(), ftp: "" }), users.a)).status).toBe(200);
  });

  it("refuses an oversized upload with 413: by its declared length before reading, and while streaming", async () => {
    const declared = await post(upload({ file: fit() }, { "Content-Length": String(MAX_FIT_UPLOAD_BYTES + 1024 * 1024) }), users.a);
    expect(declared).toMatchObject({ status: 413, body: { ok: false, code: "input.too_large" } });
    const chunk = new Uint8Array(1024 * 1024);
    let sent = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += chunk.byteLength;
        if (sent > 40 * 1024 * 1024) controller.close();
        else controller.enqueue(chunk);
      },
    });
    const streamed = new Request("http://localhost:3000/api/trainingpeaks/compare", {
      method: "POST",
      body: endless,
      headers: { "Content-Type": "multipart/form-data; boundary=x" },
      duplex: "half",
    } as RequestInit);
    expect((await post(streamed, users.a)).status).toBe(413);
    expect(sent).toBeLessThan(MAX_FIT_UPLOAD_BYTES + 3 * 1024 * 1024);
  });

  it("refuses the 466 KB .fit.gz that inflates to 63 MB with 413 and a clear message", async () => {
    const res = await post(upload({ file: recordBomb(7_900_000, { gzip: true }) }), users.a);
    expect(res).toMatchObject({ status: 413, body: { ok: false, code: "fit.too_large", message: expect.stringMatching(/^This file inflates to more than 32 MB/) } });
  });

  it(`limits each user to ${UPLOAD_LIMIT.limit} uploads per window (429 + Retry-After), other users unaffected`, async () => {
    const { getDb } = await import("@/server/db/client");
    const busy = (await (await getDb()).user.create({ data: { name: "Busy" } })).id;
    const cheap = () => new Request("http://localhost:3000/api/trainingpeaks/compare", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    for (let i = 0; i < UPLOAD_LIMIT.limit; i += 1) expect((await post(cheap(), busy)).status).toBe(415);
    session.current = { user: { id: busy } };
    const { POST } = await import("./route");
    const refused = await POST(upload({ file: fit() }), { params: Promise.resolve({}) });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await refused.json()) as { message: string }).message).toMatch(/^You have uploaded 20 files in the last 10 minutes\. Wait/);
    expect((await post(upload({ file: fit() }), users.b)).status).toBe(200);
  });

  it("refuses a body that is not multipart (415)", async () => {
    const json = new Request("http://localhost:3000/api/trainingpeaks/compare", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } });
    expect((await post(json, users.a)).status).toBe(415);
  });
});

describe("GET /api/workouts/[id]/compare", () => {
  async function get(id: string, userId: string | null) {
    session.current = userId ? { user: { id: userId } } : null;
    const { GET } = await import("@/app/api/workouts/[id]/compare/route");
    const res = await GET(new Request(`http://localhost:3000/api/workouts/${id}/compare`), { params: Promise.resolve({ id }) });
    return { status: res.status, body: (await res.json()) as { data?: { comparison: { ours: { durationSeconds: number } } }; ok: boolean; code?: string } };
  }

  it("compares the owner's workout and hides it from anyone else", async () => {
    const mine = await get(workoutOfA, users.a);
    expect(mine.status).toBe(200);
    expect(mine.body.data?.comparison.ours.durationSeconds).toBe(1200);
    expect((await get(workoutOfA, users.b)).status).toBe(404);
    expect((await get(workoutOfA, null)).status).toBe(401);
    expect((await get("../../etc", users.a)).status).toBe(400);
  });
});
