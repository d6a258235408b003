import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { roundMetrics } from "@/lib/compare/metrics";
import { syntheticRide } from "@/lib/metrics/__fixtures__/synthetic-activity";
import { decodeFit } from "@/server/fit/decode";
import { encodeFit } from "@/server/fit/encode";
import { activityMetrics } from "@/lib/metrics/activity";
import { main } from "./tp";

/**
 * `npm run tp -- compare` in-process, with no database and no TrainingPeaks: DATABASE_URL names an embedded database
 * folder that does not exist, so the command must say so on stderr and still print our figures.
 */
const tmp = mkdtempSync(path.join(tmpdir(), "tp-compare-"));
const CONTRACT_KEYS = ["durationSeconds", "distanceMeters", "avgPower", "maxPower", "normalizedPower", "intensityFactor", "tss", "avgHeartRate", "avgCadence", "ftp"];
const files = { fit: path.join(tmp, "ride.fit"), gz: path.join(tmp, "ride.fit.gz"), truncated: path.join(tmp, "cut.fit"), text: path.join(tmp, "notes.fit") };
let bytes: Uint8Array;

beforeAll(() => {
  process.env.DATABASE_URL = `pglite:${path.join(tmp, "no-database-here")}`;
  process.env.LOG_LEVEL = "silent";
  bytes = encodeFit(syntheticRide({ seconds: 45 * 60, laps: 5, startTime: new Date("2026-05-02T13:12:05Z"), ftp: 265 }));
  writeFileSync(files.fit, bytes);
  writeFileSync(files.gz, gzipSync(bytes));
  writeFileSync(files.truncated, bytes.subarray(0, 2000));
  writeFileSync(files.text, "Date,Watts\n2026-05-02,200\n");
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function tp(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe("tp compare --json without a database or TrainingPeaks", () => {
  it("prints exactly {ours, trainingpeaks: null, match: null} on stdout and the reason on stderr", async () => {
    const { code, stdout, stderr } = await tp("compare", "--file", files.fit, "--json");
    expect(code, stderr).toBe(0);
    const out = JSON.parse(stdout) as { ours: Record<string, unknown>; trainingpeaks: unknown; match: unknown };
    expect(stdout).toBe(`${JSON.stringify(out, null, 2)}\n`);
    expect(Object.keys(out)).toEqual(["ours", "trainingpeaks", "match"]);
    expect(Object.keys(out.ours)).toEqual(CONTRACT_KEYS);
    expect(out.trainingpeaks).toBeNull();
    expect(out.match).toBeNull();
    expect(stderr).toMatch(/^note: There is no database at pglite:.*Compared without TrainingPeaks\.$/m);
    expect(stderr).toContain("note: Our IF and TSS use an FTP of 265 W (from the FIT file).");
  });

  it("reports the shared metrics of the decoded file, the same for .fit and .fit.gz", async () => {
    const expected = roundMetrics(activityMetrics(decodeFit(bytes), 265));
    const plain = JSON.parse((await tp("compare", "--file", files.fit, "--json", "--offline")).stdout) as { ours: unknown };
    const gz = JSON.parse((await tp("compare", "--file", files.gz, "--json", "--offline")).stdout) as { ours: unknown };
    expect(plain.ours).toEqual(expected);
    expect(gz.ours).toEqual(expected);
    expect(plain.ours).toMatchObject({ durationSeconds: 2700, ftp: 265 });
  });

  it("--ftp replaces the file's FTP for IF and TSS", async () => {
    const { ours } = JSON.parse((await tp("compare", "--file", files.fit, "--json", "--offline", "--ftp", "250")).stdout) as {
      ours: { ftp: number; normalizedPower: number; intensityFactor: number };
    };
    expect(ours.ftp).toBe(250);
    expect(ours.intensityFactor).toBeCloseTo(ours.normalizedPower / 250, 2);
  });

  it("prints a table for people, with the notes", async () => {
    const { code, stdout, stderr } = await tp("compare", "--file", files.gz, "--offline");
    expect(code).toBe(0);
    expect(stderr).toBe("");
    expect(stdout).toMatch(/^File {12}.*ride\.fit\.gz$/m);
    expect(stdout).toMatch(/^FTP {13}265 W \(from the FIT file\)$/m);
    expect(stdout).toMatch(/^TrainingPeaks {3}not compared$/m);
    expect(stdout).toMatch(/^Metric +Ours +TrainingPeaks +Δ \(ours − TP\)$/m);
    expect(stdout).toMatch(/^Duration +45:00 +— +—$/m);
    expect(stdout).toContain("  - --offline: TrainingPeaks was not asked.");
  });
});

describe("tp: arguments and bad files", () => {
  it("refuses missing or bad arguments with exit 2 and the usage", async () => {
    for (const argv of [["compare"], ["compare", "--file", files.fit, "--ftp", "20"], ["compare", "--file", files.fit, "--date", "2026-13-01"], ["compare", "--file", files.fit, "--bogus"]]) {
      const { code, stdout, stderr } = await tp(...argv);
      expect(code, argv.join(" ")).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toContain("usage: npm run tp -- compare --file");
    }
  });

  it("explains unreadable files (exit 2): missing, cut off, not FIT", async () => {
    expect((await tp("compare", "--file", path.join(tmp, "nope.fit"))).stderr).toMatch(/cannot read .*nope\.fit: no such file/);
    const cut = await tp("compare", "--file", files.truncated, "--json");
    expect(cut.code).toBe(2);
    expect(cut.stdout).toBe("");
    expect(cut.stderr).toMatch(/cut\.fit: The FIT file is incomplete/);
    const text = await tp("compare", "--file", files.text);
    expect(text.code).toBe(2);
    expect(text.stderr).toMatch(/notes\.fit: This is not a FIT file\./);
  });

  it("has help and rejects unknown commands", async () => {
    expect((await tp("compare", "--help")).code).toBe(0);
    expect((await tp("help")).stdout).toContain("usage: npm run tp -- <command>");
    const unknown = await tp("upload");
    expect(unknown.code).toBe(64);
    expect(unknown.stderr).toContain('tp: unknown command "upload"');
  });
});
