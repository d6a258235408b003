import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { afterAll, describe, expect, it } from "vitest";
import { rmSync } from "node:fs";
import { FIXTURE_NAMES, fixturePath } from "@/server/providers/peloton/__fixtures__/load";
import { runInspect } from "./inspect";

const tmp = mkdtempSync(path.join(tmpdir(), "inspect-test-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function inspect(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await runInspect(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

const args = (name: string, withRide = true) => [
  "--workout",
  fixturePath(name, "workout"),
  "--graph",
  fixturePath(name, "graph"),
  ...(withRide && ["cycling-power-zone", "cycling-cues", "tread-run", "row", "strength", "cycling-distance"].includes(name) ? ["--ride", fixturePath(name, "ride")] : []),
];

const STAT_KEYS = ["avg", "max"];

describe("inspect: the output contract", () => {
  it("prints exactly the documented keys, in order, for every fixture", async () => {
    for (const name of FIXTURE_NAMES) {
      const { code, stdout, stderr } = await inspect(args(name));
      expect(code, `${name}: ${stderr}`).toBe(0);
      expect(stdout.endsWith("}\n")).toBe(true);
      const out = JSON.parse(stdout) as Record<string, Record<string, Record<string, unknown>>>;
      expect(Object.keys(out)).toEqual(["workoutId", "discipline", "startTime", "durationSeconds", "samples", "summary", "metrics", "computed"]);
      expect(Object.keys(out.summary ?? {})).toEqual(["totalOutputKj", "calories", "distance", "distanceUnit"]);
      expect(Object.keys(out.metrics ?? {})).toEqual(["output", "cadence", "resistance", "speed", "heartRate"]);
      for (const stat of Object.values(out.metrics ?? {})) expect(Object.keys(stat)).toEqual(STAT_KEYS);
      expect(Object.keys(out.computed ?? {})).toEqual(["normalizedPower", "intensityFactor", "tss", "ftp"]);
      expect(stdout).toBe(`${JSON.stringify(out, null, 2)}\n`);
    }
  });

  it("reports the Power Zone ride as the app shows it", async () => {
    const { stdout } = await inspect(args("cycling-power-zone"));
    expect(JSON.parse(stdout)).toEqual({
      workoutId: "874e60e08e481e6ee0a57440548096ec",
      discipline: "cycling",
      startTime: "2025-06-02T10:00:00.000Z",
      durationSeconds: 1863,
      samples: 1800,
      summary: { totalOutputKj: 287, calories: 350, distance: 8.34, distanceUnit: "mi" },
      metrics: {
        output: { avg: 159.2, max: 241 },
        cadence: { avg: 87.2, max: 98 },
        resistance: { avg: 42, max: 51 },
        speed: { avg: 16.7, max: 20 },
        heartRate: { avg: 140.2, max: 167 },
      },
      computed: { normalizedPower: 170.6, intensityFactor: 0.853, tss: 36.4, ftp: 200 },
    });
  });

  it("prints null where a workout has nothing (meditation) and 0 samples without a series", async () => {
    const out = JSON.parse((await inspect(args("meditation"))).stdout);
    expect(out.samples).toBe(0);
    expect(out.summary).toEqual({ totalOutputKj: null, calories: null, distance: null, distanceUnit: null });
    expect(out.metrics.heartRate).toEqual({ avg: null, max: null });
    expect(out.computed).toEqual({ normalizedPower: null, intensityFactor: null, tss: null, ftp: null });
  });

  it("uses --ftp instead of ftp_info for IF/TSS (and for a Just Ride that has none)", async () => {
    const pz = JSON.parse((await inspect([...args("cycling-power-zone"), "--ftp", "250"])).stdout);
    expect(pz.computed).toEqual({ normalizedPower: 170.6, intensityFactor: 0.682, tss: 23.3, ftp: 250 });
    const free = JSON.parse((await inspect([...args("just-ride"), "--ftp", "200"])).stdout);
    expect(free.computed.ftp).toBe(200);
    expect(free.computed.intensityFactor).toBe(0.794);
    const noFtp = JSON.parse((await inspect(args("just-ride"))).stdout);
    expect(noFtp.computed).toEqual({ normalizedPower: 158.9, intensityFactor: null, tss: null, ftp: null });
  });

  it("works without --ride (the ride join inside the workout is enough for the title-free contract)", async () => {
    const withRide = await inspect(args("cycling-power-zone"));
    const without = await inspect(args("cycling-power-zone", false));
    expect(without.stdout).toBe(withRide.stdout);
  });
});

describe("inspect: errors exit 2 with a clear message", () => {
  it("missing arguments, unknown options, bad --ftp", async () => {
    for (const [argv, message] of [
      [[], /--workout <workout.json> is required/],
      [["--workout", fixturePath("row", "workout")], /--graph <performance_graph.json> is required/],
      [["--workout", "a.json", "--graph", "b.json", "--colour"], /Unknown option '--colour'/],
      [[...args("row"), "--ftp", "fast"], /--ftp must be a positive number/],
      [[...args("row"), "--ftp=-5"], /--ftp must be a positive number/],
      [[...args("row"), "--ftp", "0"], /--ftp must be a positive number/],
    ] as const) {
      const { code, stdout, stderr } = await inspect([...argv]);
      expect(code).toBe(2);
      expect(stdout).toBe("");
      expect(stderr).toMatch(message);
      expect(stderr).toMatch(/usage: inspect/);
    }
  });

  it("missing, unreadable, non-JSON and non-Peloton files", async () => {
    const notJson = path.join(tmp, "not.json");
    writeFileSync(notJson, "{ this is not json");
    const notWorkout = path.join(tmp, "array.json");
    writeFileSync(notWorkout, "[1, 2, 3]");
    const emptyObject = path.join(tmp, "empty.json");
    writeFileSync(emptyObject, "{}");
    const workout = fixturePath("row", "workout");
    const graph = fixturePath("row", "graph");
    for (const [argv, message] of [
      [["--workout", path.join(tmp, "missing.json"), "--graph", graph], /cannot read the workout file .*missing\.json: no such file/],
      [["--workout", tmp, "--graph", graph], /cannot read the workout file/],
      [["--workout", notJson, "--graph", graph], /not valid JSON/],
      [["--workout", notWorkout, "--graph", graph], /is not a Peloton workout/],
      [["--workout", graph, "--graph", graph], /is not a Peloton workout/],
      [["--workout", workout, "--graph", emptyObject], /has none of duration, seconds_since_pedaling_start, metrics or summaries/],
      [["--workout", workout, "--graph", graph, "--ride", emptyObject], /is not a Peloton ride details/],
    ] as const) {
      const { code, stderr } = await inspect([...argv]);
      expect(code, stderr).toBe(2);
      expect(stderr).toMatch(message);
    }
  });

  it("--help prints the usage and exits 0", async () => {
    const { code, stdout } = await inspect(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^usage: inspect --workout/);
  });
});

describe("inspect: as a command", () => {
  it("runs directly with tsx and sets the exit code", async () => {
    const run = promisify(execFile);
    const script = path.join(import.meta.dirname, "inspect.ts");
    const ok = await run(process.execPath, ["--import", "tsx", "--conditions=react-server", script, ...args("row")], { cwd: path.join(import.meta.dirname, "../..") });
    expect(JSON.parse(ok.stdout).discipline).toBe("caesar");
    const failed = await run(process.execPath, ["--import", "tsx", "--conditions=react-server", script, "--workout", "nope.json", "--graph", "nope.json"]).then(
      () => null,
      (error: unknown) => error,
    );
    expect(failed).toMatchObject({ code: 2 });
  }, 30_000);
});
