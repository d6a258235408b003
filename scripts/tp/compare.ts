/**
 * `npm run tp -- compare`: the old tool's `--tp-compare` harness. Decodes a FIT file, computes our figures, finds the
 * same session on TrainingPeaks (when an account with TrainingPeaks is in the database) and prints both side by side,
 * or with --json exactly `{ ours, trainingpeaks, match }` (lib/compare/build.ts ComparisonJson). TrainingPeaks is
 * optional: without a database, an account or access, it prints ours with `trainingpeaks: null, match: null` and says
 * why on stderr (never on stdout in --json mode).
 */
import { readFile } from "node:fs/promises";
import { buildComparison, type ComparisonReport } from "../../lib/compare/build";
import { chooseFtp, MAX_FTP_WATTS, MIN_FTP_WATTS } from "../../lib/compare/ftp";
import { isCalendarDay, ourSide } from "../../lib/compare/ours";
import { decodeFit } from "@/server/fit/decode";
import type { Activity } from "@/lib/domain/activity";
import { isAppError } from "@/lib/errors/app-error";
import { embeddedDbProblem } from "../lib/embedded-db";
import { type CliIo, parseOptions, runCommand, usageError } from "../lib/cli";
import { printReport } from "./print";

export const COMPARE_USAGE = `usage: npm run tp -- compare --file <x.fit|x.fit.gz> [--date YYYY-MM-DD] [--ftp W] [--user <email>] [--offline] [--json]
  --file      the FIT file to compare, .fit or .fit.gz (required)
  --date      search TrainingPeaks on this local day only (default: the file's start day, ±1 day)
  --ftp       FTP in watts (${MIN_FTP_WATTS}-${MAX_FTP_WATTS}) for IF and TSS (default: the file's FTP, else the TrainingPeaks threshold)
  --user      the AutoCoach account (e-mail) whose TrainingPeaks to use (default: the only account with TrainingPeaks)
  --offline   do not open the database or contact TrainingPeaks: our figures only
  --json      print only {"ours","trainingpeaks","match"}; notes go to stderr
exit codes: 0 printed (matched or not); 2 bad arguments, an unreadable or non-FIT file, an unknown --user; 1 anything else`;


interface CompareArgs {
  file: string;
  date: string | null;
  ftp: number | null;
  user: string | null;
  offline: boolean;
  json: boolean;
}

function parseCompareArgs(argv: string[]): CompareArgs | "help" {
  const values = parseOptions(argv, {
    file: { type: "string" },
    date: { type: "string" },
    ftp: { type: "string" },
    user: { type: "string" },
    offline: { type: "boolean" },
    json: { type: "boolean" },
    help: { type: "boolean", short: "h" },
  });
  if (values.help) return "help";
  if (!values.file) throw usageError("--file <x.fit|x.fit.gz> is required");
  if (values.date !== undefined && !isCalendarDay(values.date)) throw usageError(`--date must be a day as YYYY-MM-DD, got "${values.date}"`);
  let ftp: number | null = null;
  if (values.ftp !== undefined) {
    ftp = Number(values.ftp);
    if (!values.ftp.trim() || !Number.isInteger(ftp) || ftp < MIN_FTP_WATTS || ftp > MAX_FTP_WATTS) {
      throw usageError(`--ftp must be a whole number of watts from ${MIN_FTP_WATTS} to ${MAX_FTP_WATTS}, got "${values.ftp}"`);
    }
  }
  return { file: values.file, date: values.date ?? null, ftp, user: values.user?.trim() || null, offline: values.offline === true, json: values.json === true };
}

async function readActivity(file: string): Promise<Activity> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(file));
  } catch (error) {
    const reason = error instanceof Error && "code" in error && error.code === "ENOENT" ? "no such file" : error instanceof Error ? error.message : String(error);
    throw usageError(`cannot read ${file}: ${reason}`);
  }
  try {
    return decodeFit(bytes);
  } catch (error) {
    if (isAppError(error, "fit.")) throw usageError(`${file}: ${error.message}`);
    throw error;
  }
}

function withoutTrainingPeaks(activity: Activity, args: CompareArgs, reason: string): ComparisonReport {
  const ftp = chooseFtp({ explicit: args.ftp, file: activity.ftp });
  return buildComparison({ ours: ourSide(activity, ftp), ftp, trainingPeaks: { status: "skipped", reason } });
}

/** The database-backed part, loaded only when it is used: --offline never touches Prisma or the environment's database. */
async function withTrainingPeaks(activity: Activity, args: CompareArgs): Promise<ComparisonReport> {
  if (args.offline) return withoutTrainingPeaks(activity, args, "--offline: TrainingPeaks was not asked.");
  const problem = await embeddedDbProblem();
  if (problem) {
    if (args.user) throw usageError(problem);
    return withoutTrainingPeaks(activity, args, `${problem} Compared without TrainingPeaks.`);
  }
  const { findTrainingPeaksUser } = await import("./user");
  const found = await findTrainingPeaksUser(args.user);
  if ("problem" in found) {
    // Asking for someone who is not there is a usage error; an unreachable database is only one when it was asked for.
    if (found.kind === "not_found" || found.kind === "ambiguous") throw usageError(found.problem);
    if (found.kind === "unavailable" && args.user) throw new Error(found.problem);
    return withoutTrainingPeaks(activity, args, `${found.problem} Compared without TrainingPeaks.`);
  }
  const { compareActivity } = await import("@/server/compare/compare");
  return compareActivity(found.userId, activity, { ftp: { explicit: args.ftp, file: activity.ftp }, date: args.date });
}

export async function runCompare(argv: string[], io: CliIo = {}): Promise<number> {
  return runCommand("compare", COMPARE_USAGE, io, async (out, err) => {
    const args = parseCompareArgs(argv);
    if (args === "help") {
      out(`${COMPARE_USAGE}\n`);
      return 0;
    }
    const activity = await readActivity(args.file);
    const report = await withTrainingPeaks(activity, args);
    if (args.json) {
      out(`${JSON.stringify(report.comparison, null, 2)}\n`);
      for (const note of report.notes) err(`note: ${note.message}\n`);
    } else {
      out(printReport(args.file, report));
    }
    return 0;
  });
}
