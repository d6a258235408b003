/**
 * `npm run peloton -- <command>`: the earlier version's management commands.
 *   download <user_overview|user_details|workouts_list|detailed_workout|ride_details|performance_graph> --user <email> [--id ID] [--page N] [--every-n N]
 *   sync-instructors --user <email>
 *   fetch-overview --user <email>
 *   sync --user <email> [--full]
 *   inspect --workout <workout.json> --graph <performance_graph.json> [--ride <details.json>] [--ftp W]
 * `--user` is the AutoCoach account's e-mail or the connected Peloton login e-mail.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { closeDb, getDb } from "../server/db/client";
import { pelotonApiGet } from "../server/providers/peloton/api/client";
import { withPeloton } from "../server/providers/peloton/connection";
import { transformInstructor } from "../server/providers/peloton/transform/workout";
import { listInstructors } from "../server/providers/peloton/api/workouts";
import { testPelotonConnection } from "../server/accounts/peloton";
import { getPelotonConnection } from "@/server/queries/peloton-connection";
import { startSyncJob } from "../server/sync/job";
import { describeProgress } from "@/lib/format/sync-progress";
import { syncStep } from "../server/sync/service";
import { upsertInstructors } from "../server/sync/store";
import { runInspect } from "./peloton/inspect";
import { usageError } from "./lib/cli";
import { isAppError } from "@/lib/errors/app-error";
import { embeddedDbProblem } from "./lib/embedded-db";
import { localEnvironment } from "./lib/local-env";

const USAGE = `usage: npm run peloton -- <command> [options]
  download <user_overview|user_details|workouts_list|detailed_workout|ride_details|performance_graph> --user <email> [--id ID] [--page N] [--every-n N]
  sync-instructors --user <email>
  fetch-overview --user <email>
  sync --user <email> [--full]
  inspect --workout <workout.json> --graph <performance_graph.json> [--ride <details.json>] [--ftp W]`;


async function resolveUser(email: string | undefined): Promise<{ id: string; pelotonUserId: string }> {
  if (!email) throw usageError("--user <email> is required (your AutoCoach or Peloton login e-mail).");
  const db = await getDb();
  const needle = email.trim().toLowerCase();
  const connection = await db.pelotonConnection.findFirst({
    where: { OR: [{ loginEmail: { equals: needle, mode: "insensitive" } }, { user: { email: { equals: needle, mode: "insensitive" } } }] },
    select: { userId: true, pelotonUserId: true },
  });
  if (!connection) throw usageError(`No Peloton connection for ${email}. Connect Peloton in the app first (Connections page).`);
  return { id: connection.userId, pelotonUserId: connection.pelotonUserId };
}

const DOWNLOADS: Record<string, (ids: { pelotonUserId: string; id?: string; page: number; everyN: number }) => { path: string; query?: Record<string, string>; needsId?: boolean }> = {
  user_overview: (i) => ({ path: `/api/user/${i.pelotonUserId}/overview`, query: { version: "1" } }),
  user_details: () => ({ path: "/api/me" }),
  workouts_list: (i) => ({ path: `/api/user/${i.pelotonUserId}/workouts`, query: { page: String(i.page), limit: "100", sort_by: "-created", joins: "ride,ride.instructor" } }),
  detailed_workout: (i) => ({ path: `/api/workout/${i.id}`, query: { joins: "ride,ride.instructor" }, needsId: true }),
  ride_details: (i) => ({ path: `/api/ride/${i.id}/details`, needsId: true }),
  performance_graph: (i) => ({ path: `/api/workout/${i.id}/performance_graph`, query: { every_n: String(i.everyN) }, needsId: true }),
};

async function download(kind: string | undefined, opts: { user?: string; id?: string; page?: string; "every-n"?: string }) {
  const make = kind ? DOWNLOADS[kind] : undefined;
  if (!kind || !make) throw usageError(`download needs one of: ${Object.keys(DOWNLOADS).join(", ")}`);
  const user = await resolveUser(opts.user);
  const spec = make({ pelotonUserId: user.pelotonUserId, id: opts.id, page: Number(opts.page ?? 0), everyN: Number(opts["every-n"] ?? 1) });
  if (spec.needsId && !opts.id) throw usageError(`download ${kind} needs --id`);
  const json = await withPeloton(user.id, (ctx) => pelotonApiGet(spec.path, z.unknown(), { ...ctx, query: spec.query }));
  mkdirSync("tmp", { recursive: true });
  const file = path.join("tmp", `${kind}${opts.id ? `-${opts.id}` : kind === "workouts_list" ? `-page${opts.page ?? 0}` : ""}.json`);
  writeFileSync(file, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`Saved ${file}`);
}

async function syncInstructors(opts: { user?: string }) {
  const user = await resolveUser(opts.user);
  const all = [];
  for (let page = 0; ; page++) {
    const list = await withPeloton(user.id, (ctx) => listInstructors({ ...ctx, page }));
    all.push(...list.data.map(transformInstructor));
    if (!list.show_next || list.data.length === 0) break;
  }
  await upsertInstructors(await getDb(), all);
  console.log(`Synced ${all.length} instructors.`);
}

async function fetchOverview(opts: { user?: string }) {
  const user = await resolveUser(opts.user);
  const { changes } = await testPelotonConnection(user.id);
  const view = await getPelotonConnection(user.id);
  const p = view?.profile;
  console.log(`${p?.leaderboardName ?? "?"}: ${p?.totalWorkouts ?? "?"} workouts, weekly streak ${p?.currentWeeklyStreak ?? "?"} (best ${p?.bestWeeklyStreak ?? "?"}), ${p?.achievementsCount ?? "?"} achievements, FTP ${p?.ftpWatts ?? "?"} W (${p?.ftpSource ?? "?"})`);
  console.log(changes.length ? `Changed: ${changes.map((c) => `${c.field} ${c.before} → ${c.after}`).join("; ")}` : "No changes since the last check.");
}

function bar(percent: number | null, width = 28): string {
  if (percent === null) return `[${"·".repeat(width)}]`;
  const filled = Math.round((percent / 100) * width);
  return `[${"█".repeat(filled)}${"░".repeat(width - filled)}] ${String(percent).padStart(3)}%`;
}

async function sync(opts: { user?: string; full?: boolean }) {
  const user = await resolveUser(opts.user);
  const db = await getDb();
  const hasHistory = (await db.workout.count({ where: { userId: user.id } })) > 0;
  const kind = opts.full || !hasHistory ? "full" : "incremental";
  const { created } = await startSyncJob(db, user.id, kind);
  console.log(created ? `Started a ${kind} sync.` : "Resuming the unfinished sync.");
  const tty = process.stdout.isTTY;
  for (;;) {
    // The CLI is one more driver of the one sync service (settings from the environment, like every other driver).
    const r = await syncStep(user.id);
    if (r.progress) {
      const v = describeProgress(r.progress);
      const line = `${bar(v.percent)} ${v.label} · ${v.counts}${v.detail ? ` · ${v.detail}` : ""}`;
      if (tty) process.stdout.write(`\r\x1b[2K${line}`);
      else console.log(line);
    }
    if (!r.more) break;
    if (r.busy) await new Promise((res) => setTimeout(res, 1500));
  }
  if (tty) process.stdout.write("\n");
  const final = (await syncStep(user.id, { budgetMs: 1 })).progress;
  if (final?.phase !== "done") throw usageError(`Sync stopped: ${final ? describeProgress(final).detail ?? final.phase : "no job"}`);
}

/** PGlite allows one process per data folder: never open it while the app is using it. */
async function refuseSharedEmbeddedDb(command: string | undefined): Promise<void> {
  if (command === "inspect") return;
  const problem = await embeddedDbProblem('use "Sync now" in the app');
  if (problem) throw usageError(problem);
}

async function main(): Promise<number> {
  for (const [k, v] of Object.entries(localEnvironment())) if (v !== undefined && process.env[k] === undefined) process.env[k] = v;
  const { positionals, values } = parseArgs({
    allowPositionals: true,
    strict: false,
    options: { user: { type: "string" }, id: { type: "string" }, page: { type: "string" }, "every-n": { type: "string" }, full: { type: "boolean" } },
  });
  const [command, arg] = positionals;
  const str = (v: unknown) => (typeof v === "string" ? v : undefined);
  const opts = { user: str(values.user), id: str(values.id), page: str(values.page), "every-n": str(values["every-n"]), full: values.full === true };
  try {
    await refuseSharedEmbeddedDb(command);
    if (command === "inspect") return await runInspect(process.argv.slice(process.argv.indexOf("inspect") + 1));
    if (command === "download") await download(arg, opts);
    else if (command === "sync-instructors") await syncInstructors(opts);
    else if (command === "fetch-overview") await fetchOverview(opts);
    else if (command === "sync") await sync(opts);
    else {
      console.error(USAGE);
      return 64;
    }
    return 0;
  } catch (error) {
    console.error(`✗ ${error instanceof Error ? error.message : String(error)}`);
    return isAppError(error, "input.invalid") ? 2 : 1;
  } finally {
    await closeDb();
  }
}

main().then((code) => process.exit(code));
