/**
 * Inspect one downloaded Peloton workout with the same parse + transform the sync uses:
 *
 *   npx tsx --conditions=react-server scripts/peloton/inspect.ts --workout <workout.json> --graph <performance_graph.json>
 *       [--ride <details.json>] [--ftp W]
 *
 * Prints exactly one JSON object (2-space indent, keys in this order, null where absent) — a public contract:
 *   { workoutId, discipline, startTime (ISO 8601 UTC), durationSeconds, samples,
 *     summary: { totalOutputKj, calories, distance, distanceUnit },
 *     metrics: { output, cadence, resistance, speed, heartRate } each { avg, max },
 *     computed: { normalizedPower, intensityFactor, tss, ftp } }
 * Rounding: totalOutputKj 0.1 kJ, calories 1 kcal, distance 0.01 (in distanceUnit), metric avg/max 0.1 (speed 0.01),
 * normalizedPower 0.1 W, intensityFactor 0.001, tss 0.1, ftp 1 W. `samples` is the stored series length (0 without one).
 * `--ftp` replaces the workout's ftp_info FTP for IF/TSS (cycling disciplines only: Peloton's FTP is a bike FTP);
 * `computed.ftp` is the FTP actually used.
 * Exit codes: 0 printed; 2 bad arguments or a missing, unreadable, non-JSON or non-Peloton file; 1 anything else.
 */
import { readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { z } from "zod";
import { performanceGraphSchema, rideDetailsSchema, workoutSchema } from "@/server/providers/peloton/api/workout-schemas";
import { transformWorkout } from "@/server/providers/peloton/transform/workout";
import type { MetricStat } from "@/lib/domain/workout";
import { type CliIo, parseOptions, runCommand, usageError } from "../lib/cli";
import { isAppError } from "@/lib/errors/app-error";

export const INSPECT_USAGE =
  "usage: inspect --workout <workout.json> --graph <performance_graph.json> [--ride <ride_details.json>] [--ftp <watts>]";

export interface InspectStat {
  avg: number | null;
  max: number | null;
}

export interface InspectOutput {
  workoutId: string;
  discipline: string;
  startTime: string;
  durationSeconds: number | null;
  samples: number;
  summary: { totalOutputKj: number | null; calories: number | null; distance: number | null; distanceUnit: string | null };
  metrics: { output: InspectStat; cadence: InspectStat; resistance: InspectStat; speed: InspectStat; heartRate: InspectStat };
  computed: { normalizedPower: number | null; intensityFactor: number | null; tss: number | null; ftp: number | null };
}

export type InspectIo = CliIo;

const round = (value: number | null, decimals: number): number | null =>
  value === null || !Number.isFinite(value) ? null : Math.round(value * 10 ** decimals) / 10 ** decimals;
const stat = (s: MetricStat, decimals = 1): InspectStat => ({ avg: round(s.avg, decimals), max: round(s.max, decimals) });

async function readJsonFile<S extends z.ZodType>(label: string, file: string, schema: S): Promise<z.output<S>> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const reason = error instanceof Error && "code" in error && error.code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw usageError(`cannot read the ${label} file ${file}: ${reason}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw usageError(`the ${label} file ${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) throw usageError(`the ${label} file ${file} is not a Peloton ${label}:\n${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

function parseFtp(value: string | undefined): number | null {
  if (value === undefined) return null;
  const ftp = Number(value);
  if (!value.trim() || !Number.isFinite(ftp) || ftp <= 0) throw usageError(`--ftp must be a positive number of watts, got "${value}"`);
  return ftp;
}

/** Parse the files and build the contract object (exported for tests and other scripts). */
export async function inspectFiles(files: { workout: string; graph: string; ride?: string; ftp?: number | null }): Promise<InspectOutput> {
  const [workout, graph, ride] = await Promise.all([
    readJsonFile("workout", files.workout, workoutSchema),
    readJsonFile("performance graph", files.graph, performanceGraphSchema),
    files.ride ? readJsonFile("ride details", files.ride, rideDetailsSchema) : Promise.resolve(null),
  ]);
  const looksLikeGraph = typeof graph.duration === "number" || Array.isArray(graph.seconds_since_pedaling_start) || graph.metrics.length > 0 || graph.summaries.length > 0;
  if (!looksLikeGraph) throw usageError(`the performance graph file ${files.graph} has none of duration, seconds_since_pedaling_start, metrics or summaries`);
  let result;
  try {
    result = transformWorkout({ workout, graph, ride, ftpOverride: files.ftp ?? null });
  } catch (error) {
    if (isAppError(error, "peloton.bad_response")) throw usageError(error.message);
    throw error;
  }
  const { workout: record, summary } = result;
  return {
    workoutId: record.pelotonWorkoutId,
    discipline: record.discipline,
    startTime: record.startTime.toISOString(),
    durationSeconds: record.durationSeconds,
    samples: result.series?.length ?? 0,
    summary: {
      totalOutputKj: round(summary.totalOutputKj, 1),
      calories: round(summary.calories, 0),
      distance: round(summary.distance, 2),
      distanceUnit: summary.distanceUnit,
    },
    metrics: {
      output: stat(summary.output),
      cadence: stat(summary.cadence),
      resistance: stat(summary.resistance),
      speed: stat(summary.speed, 2),
      heartRate: stat(summary.heartRate),
    },
    computed: {
      normalizedPower: round(summary.normalizedPower, 1),
      intensityFactor: round(summary.intensityFactor, 3),
      tss: round(summary.tss, 1),
      ftp: round(summary.ftpUsed, 0),
    },
  };
}

export async function runInspect(argv: string[], io: InspectIo = {}): Promise<number> {
  return runCommand("inspect", INSPECT_USAGE, io, async (out) => {
    const values = parseOptions(argv, {
      workout: { type: "string" },
      graph: { type: "string" },
      ride: { type: "string" },
      ftp: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      out(`${INSPECT_USAGE}\n`);
      return 0;
    }
    if (!values.workout) throw usageError("--workout <workout.json> is required");
    if (!values.graph) throw usageError("--graph <performance_graph.json> is required");
    const result = await inspectFiles({ workout: values.workout, graph: values.graph, ride: values.ride, ftp: parseFtp(values.ftp) });
    out(`${JSON.stringify(result, null, 2)}\n`);
    return 0;
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  runInspect(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
