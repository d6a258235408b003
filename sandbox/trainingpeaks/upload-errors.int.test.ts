import { request } from "node:http";
import { connect } from "node:net";
import { describe, expect, it } from "vitest";
import { DEMO_ATHLETES, startTrainingPeaksSimulator, type TrainingPeaksSimulator } from "./server";
import { base64, buildFitActivity, getStatus, gzip, messagesSchema, postFile } from "./upload-testing";
import { withSimulator } from "../shared/vitest-sim";

const RIDE = buildFitActivity({ start: new Date("2026-05-10T13:12:07Z"), blocks: [{ seconds: 600, watts: 220, heartRate: 140, cadence: 90, speed: 9 }] });
const fileBody = (data: Uint8Array | string, extra: Record<string, unknown> = {}) => ({ UploadClient: "AutoCoach", Filename: "ride.fit", Data: base64(data), ...extra });

let sim: TrainingPeaksSimulator;
let token: string;

withSimulator(async () => (sim = await startTrainingPeaksSimulator({ quiet: true })), () => {
  token = sim.issueTokens().access_token;
});

async function rejected(response: Response, status: number): Promise<string[]> {
  expect(response.status).toBe(status);
  return messagesSchema.parse(await response.json());
}

/** Deterministic non-file bytes (no FIT marker, no gzip or XML start). */
function noise(length: number): Uint8Array {
  let seed = 12345;
  return Uint8Array.from({ length }, () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % 251);
}

function rawRequest(lines: string[]): Promise<string> {
  const url = new URL(sim.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.end(`${lines.join("\r\n")}\r\n\r\n`));
    let answer = "";
    socket.on("data", (chunk) => (answer += chunk.toString("latin1")));
    socket.on("end", () => resolve(answer));
    socket.on("error", reject);
  });
}

describe("POST /v3/file validation", () => {
  it("answers 400 with ASP.NET-style message arrays for bad bodies", async () => {
    expect(await rejected(await postFile(sim.url, token, "{"), 400)).toEqual(["The request body is not valid JSON."]);
    expect(await rejected(await postFile(sim.url, token, "[]"), 400)).toEqual(["The request body must be a JSON object."]);
    expect(await rejected(await postFile(sim.url, token, {}), 400)).toEqual([
      "The UploadClient field is required.",
      "The Filename field is required.",
      "The Data field is required.",
    ]);
    expect(await rejected(await postFile(sim.url, token, { UploadClient: "x", Filename: "a.fit" }), 400)).toEqual(["The Data field is required."]);
    expect(await rejected(await postFile(sim.url, token, { UploadClient: "x", Filename: "a.fit", Data: "no*base64" }), 400)).toEqual([
      "The Data field is not a valid Base-64 string.",
    ]);
    expect(await rejected(await postFile(sim.url, token, fileBody(RIDE, { Type: "unicycle", StartTime: "yesterday" })), 400)).toEqual([
      "The value 'yesterday' is not valid for StartTime.",
      "The value 'unicycle' is not valid for Type.",
    ]);
  });

  it("binds property names case-insensitively and accepts StartTime with an offset", async () => {
    const response = await postFile(sim.url, token, { uploadclient: "x", FILENAME: "a.fit", data: base64(RIDE), StartTime: "2026-05-10T07:12:07-06:00", type: "BIKE" });
    expect(response.status).toBe(202);
  });

  it("answers 415 for content that is not FIT, TCX or PWX, and for PWX (not simulated)", async () => {
    const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise(64)]);
    for (const data of [png, noise(4096), gzip(noise(512)), "<gpx version=\"1.1\"></gpx>"]) {
      expect(await rejected(await postFile(sim.url, token, fileBody(data)), 415)).toEqual(["Unsupported file type. Upload a FIT, TCX or PWX file."]);
    }
    const pwx = '<?xml version="1.0"?><pwx xmlns="http://www.peaksware.com/PWX/1/0" version="1.0"></pwx>';
    expect(await rejected(await postFile(sim.url, token, fileBody(pwx)), 415)).toEqual(["PWX files are not supported by the simulator; upload a FIT or TCX file."]);
    expect(await rejected(await postFile(sim.url, token, fileBody(RIDE), { "Content-Type": "text/plain" }), 415)).toEqual([
      "The request entity's media type 'text/plain' is not supported for this resource.",
    ]);
  });

  it("answers 400 for a truncated or corrupted FIT file", async () => {
    const expected = ["The FIT file is corrupt or incomplete (its size or CRC check failed)."];
    expect(await rejected(await postFile(sim.url, token, fileBody(RIDE.slice(0, RIDE.length - 100))), 400)).toEqual(expected);
    const flipped = Uint8Array.from(RIDE);
    flipped[200] = (flipped[200] ?? 0) ^ 0xff;
    expect(await rejected(await postFile(sim.url, token, fileBody(flipped)), 400)).toEqual(expected);
    expect(sim.uploads.list()).toEqual([]);
  });

  it("answers 413 above the body or decompressed-file limit", async () => {
    await fetch(new URL("/__admin/uploads/settings", sim.url), { method: "POST", body: JSON.stringify({ maxBodyBytes: 2048 }) });
    expect(await rejected(await postFile(sim.url, token, fileBody(RIDE)), 413)).toEqual(["The request body exceeds the 2048 bytes limit."]);
    await fetch(new URL("/__admin/uploads/settings", sim.url), { method: "POST", body: JSON.stringify({ maxBodyBytes: 1_000_000, maxFileBytes: 4096 }) });
    expect(await rejected(await postFile(sim.url, token, fileBody(gzip(RIDE))), 413)).toEqual(["The decompressed file exceeds 4096 bytes."]);
  });
});

describe("HTTP rules on the upload routes", () => {
  it("answers 401 for a missing or unknown token and 403 without file:write", async () => {
    for (const bad of [null, "gAAAAbogus"]) {
      const response = await postFile(sim.url, bad, fileBody(RIDE));
      expect(response.status).toBe(401);
      expect(await response.text()).toBe("");
    }
    const readOnly = sim.issueTokens({ scopes: ["workouts:read", "athlete:profile"] }).access_token;
    expect((await postFile(sim.url, readOnly, fileBody(RIDE))).status).toBe(403);
    expect((await getStatus(sim.url, readOnly, "/v3/status/00000000-0000-0000-0000-000000000000")).status).toBe(403);
  });

  it("routes case-insensitively, needs a JSON Content-Type and answers 405 for other methods", async () => {
    const postFileTo = (path: string, headers: Record<string, string>) =>
      fetch(new URL(path, sim.url), { method: "POST", headers: { Authorization: `Bearer ${token}`, ...headers }, body: JSON.stringify(fileBody(RIDE, { Filename: path })) });
    const upper = await postFileTo("/V3/File", { "Content-Type": "application/json; charset=utf-8" });
    expect(upper.status).toBe(202);
    // fetch labels a string body text/plain: ASP.NET has no formatter for it.
    expect((await postFileTo("/v3/file", {})).status).toBe(415);
    const get = await fetch(new URL("/v3/file", sim.url), { headers: { Authorization: `Bearer ${token}` } });
    expect(get.status).toBe(405);
    expect(get.headers.get("allow")).toBe("POST");
    expect((await fetch(new URL(upper.headers.get("location") ?? "", sim.url), { method: "POST" })).status).toBe(405);
  });

  it("answers 411 to a POST without Content-Length but accepts a chunked body", async () => {
    const host = new URL(sim.url).host;
    const noLength = await rawRequest(["POST /v3/file HTTP/1.1", `Host: ${host}`, `Authorization: Bearer ${token}`, "Connection: close"]);
    expect(noLength).toMatch(/^HTTP\/1\.1 411 /);
    expect(noLength).toContain("HTTP Error 411. The request must be chunked or have a content length.");
    const json = JSON.stringify(fileBody(RIDE));
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(new URL("/v3/file", sim.url), { method: "POST", headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" } }, (res) => {
        res.resume();
        resolve(res.statusCode ?? 0);
      });
      req.on("error", reject);
      req.write(json.slice(0, 100));
      req.end(json.slice(100));
    });
    expect(status).toBe(202);
  });

  it("answers 404 for an unknown tracking id or another athlete's", async () => {
    const response = await postFile(sim.url, token, fileBody(RIDE));
    const location = response.headers.get("location") ?? "";
    const climber = sim.issueTokens({ athleteId: DEMO_ATHLETES.climber.id }).access_token;
    expect((await getStatus(sim.url, climber, location)).status).toBe(404);
    expect((await getStatus(sim.url, token, "/v3/status/00000000-0000-0000-0000-000000000000")).status).toBe(404);
    expect((await getStatus(sim.url, token, location.toUpperCase().replace("/V3/STATUS/", "/v3/status/"))).status).toBe(200);
    expect(sim.uploads.list()[0]?.polls).toBe(1);
  });

  it("injects 429 with Retry-After on /v3 paths without consuming the upload or a status poll", async () => {
    sim.faults.add({ path: "^/v3/file", status: 429, retryAfterSeconds: 4, times: 1 });
    const limited = await postFile(sim.url, token, fileBody(RIDE));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("retry-after")).toBe("4");
    expect(await limited.json()).toEqual({ error: "rate_limited" });
    expect(sim.uploads.list()).toEqual([]);
    const location = (await postFile(sim.url, token, fileBody(RIDE))).headers.get("location") ?? "";
    sim.faults.add({ path: "^/v3/status/", status: 503, times: 1 });
    expect((await getStatus(sim.url, token, location)).status).toBe(503);
    expect(await (await getStatus(sim.url, token, location)).json()).toEqual({ Completed: false, Status: "Processing", WorkoutIds: [] });
  });
});
