import { DEFAULT_PAGE_LIMIT, MAX_PAGE_LIMIT } from "../data/constants";
import type { SimContext } from "../core/context";
import { performanceGraph } from "../data/graph";
import type { MemberSpec } from "../data/members";
import { achievementsFor } from "../data/overview";
import { cyclingRecords } from "../data/records";
import type { MemberData } from "../data/store";
import { isoDate } from "../data/tz";
import type { WorkoutHeader } from "../data/types";
import { workoutJson, type WorkoutView } from "../data/workout-json";
import { jsonReply, type Reply, type SimRequest } from "../core/reply";
import { isWebPlatform } from "./auth";
import { forbidden, invalidRequest, notFound } from "./errors";
import { intParam, joinsParam, timeParam } from "./params";

const LIST_JOINS = new Set(["ride", "ride.instructor", "peloton", "peloton.ride", "peloton.ride.instructor", "user"]);
const DETAIL_JOINS = LIST_JOINS;

function views(ctx: SimContext, data: MemberData, headers: WorkoutHeader[], detail: boolean): WorkoutView[] {
  const { prIds } = cyclingRecords(ctx.data, data);
  return headers.map((header) => {
    const isPr = prIds.has(header.id);
    return { member: data.member, header, summary: ctx.data.summary(header), isPr, achievements: detail ? achievementsFor(data, header, isPr) : [] };
  });
}

/** `GET /api/user/{id}/workouts` (docs/peloton-api.md §5.4): newest first, 0-based pages of at most 100. */
export function listWorkouts(req: SimRequest, ctx: SimContext, caller: MemberSpec, owner: MemberSpec): Reply {
  if (caller.key !== owner.key) return forbidden("You do not have permission to view this user's workouts");
  const requested = intParam(req, "limit", DEFAULT_PAGE_LIMIT, 1);
  const page = intParam(req, "page", 0, 0);
  const joins = joinsParam(req, LIST_JOINS);
  const from = timeParam(req, "from");
  const to = timeParam(req, "to");
  if (requested === undefined || page === undefined) return invalidRequest("limit and page must be non-negative integers");
  if (!joins) return invalidRequest("unsupported joins");
  if (from === undefined || to === undefined) return invalidRequest("from/to must be ISO-8601 timestamps");
  const sortBy = req.url.searchParams.get("sort_by") ?? "-created";
  if (!["-created", "-created_at", "created", "created_at"].includes(sortBy)) return invalidRequest(`unsupported sort_by ${sortBy}`);
  const ascending = !sortBy.startsWith("-");
  const limit = Math.min(requested, MAX_PAGE_LIMIT);
  const rideId = req.url.searchParams.get("ride_id");
  const data = ctx.data.memberData(owner);
  const matching = data.workouts.filter(
    (w) => (from === null || w.createdAt >= from) && (to === null || w.createdAt <= to) && (!rideId || w.plan.rideId === rideId),
  );
  const ordered = ascending ? matching : [...matching].reverse();
  const total = ordered.length;
  const items = ordered.slice(page * limit, page * limit + limit);
  const showNext = (page + 1) * limit < total;
  const next = showNext ? ordered[(page + 1) * limit] : undefined;
  const months: Record<string, number> = {};
  for (const w of matching) {
    const month = isoDate(owner.timezone, w.createdAt).slice(0, 7);
    months[month] = (months[month] ?? 0) + 1;
  }
  return jsonReply(200, {
    data: views(ctx, data, items, false).map((v) => workoutJson(v, { detail: false, joins })),
    limit,
    page,
    total,
    count: items.length,
    page_count: Math.ceil(total / limit),
    show_previous: page > 0,
    show_next: showNext,
    sort_by: ascending ? "created_at,pk" : "-created_at,-pk",
    ...(next ? { next: { workout_id: next.id, created_at: next.createdAt } } : {}),
    summary: months,
    aggregate_stats: [],
  });
}

function ownWorkout(ctx: SimContext, caller: MemberSpec, id: string): { data: MemberData; header: WorkoutHeader } | Reply {
  const found = ctx.data.findWorkout(id);
  if (!found) return notFound("Workout");
  if (found.data.member.key !== caller.key) return forbidden("You do not have permission to view this workout");
  return found;
}

/** `GET /api/workout/{id}` (docs/peloton-api.md §5.5). */
export function getWorkout(req: SimRequest, ctx: SimContext, caller: MemberSpec, id: string): Reply {
  const found = ownWorkout(ctx, caller, id);
  if ("status" in found) return found;
  const joins = joinsParam(req, DETAIL_JOINS);
  if (!joins) return invalidRequest("unsupported joins");
  // A free ride has no class session, so asking to join one is rejected (P2G#46: "400: Request was invalid").
  if (found.header.plan.kind === "just_ride" && [...joins].some((j) => j.startsWith("peloton"))) return invalidRequest();
  const [view] = views(ctx, found.data, [found.header], true);
  return view ? jsonReply(200, workoutJson(view, { detail: true, joins })) : notFound("Workout");
}

/** `GET /api/workout/{id}/performance_graph?every_n=N` (docs/peloton-api.md §5.6). */
export function getPerformanceGraph(req: SimRequest, ctx: SimContext, caller: MemberSpec, id: string): Reply {
  const found = ownWorkout(ctx, caller, id);
  if ("status" in found) return found;
  const everyN = intParam(req, "every_n", 5, 1);
  if (everyN === undefined) return invalidRequest("every_n must be a positive integer");
  const series = ctx.data.series(found.header);
  const summary = ctx.data.summary(found.header);
  return jsonReply(200, performanceGraph(found.data.member, found.header, series, summary, everyN, isWebPlatform(req)));
}
