import { JUST_RIDE_ID } from "../data/constants";
import type { SimContext } from "../core/context";
import { catalog } from "../data/catalog";
import { INSTRUCTOR_KEYS, instructorId, instructorJson } from "../data/instructors";
import { memberByIdOrUsername } from "../data/members";
import { overviewJson } from "../data/overview";
import { meJson, otherUserJson, settingsJson } from "../data/profile";
import { rideDetails } from "../data/ride-details";
import { rideJson } from "../data/ride-json";
import { jsonReply, type Reply, type SimRequest } from "../core/reply";
import { bearerMember, isWebPlatform } from "./auth";
import { forbidden, invalidRequest, notFound, notLoggedIn, platformRequired } from "./errors";
import { intParam } from "./params";
import { getPerformanceGraph, getWorkout, listWorkouts } from "./workouts";

const ID = "([0-9a-f]{32})";

function instructors(req: SimRequest): Reply {
  const limit = intParam(req, "limit", 20, 1);
  const page = intParam(req, "page", 0, 0);
  if (limit === undefined || page === undefined) return invalidRequest("limit and page must be non-negative integers");
  const all = INSTRUCTOR_KEYS.map((k) => instructorJson(k)).filter((i) => i !== undefined);
  const data = all.slice(page * limit, page * limit + limit);
  return jsonReply(200, {
    data, page, limit, total: all.length, count: data.length, page_count: Math.ceil(all.length / limit),
    show_previous: page > 0, show_next: (page + 1) * limit < all.length, sort_by: "list_order",
  });
}

/** Routes of api.onepeloton.com (docs/peloton-api.md §4–§5). Bearer required except for the anonymous-friendly reads noted. */
export function apiRoute(req: SimRequest, ctx: SimContext): Reply | undefined {
  if (req.method !== "GET") return undefined;
  const path = req.path.replace(/\/+$/, "");
  if (path === "/api/instructor") return instructors(req);
  let m = new RegExp(`^/api/instructor/${ID}$`).exec(path);
  if (m) {
    const key = INSTRUCTOR_KEYS.find((k) => instructorId(k) === m?.[1]);
    const json = key ? instructorJson(key) : undefined;
    return json ? jsonReply(200, json) : notFound("Instructor");
  }

  const hasAuthHeader = req.header("authorization") !== undefined;
  const caller = bearerMember(req, ctx);
  m = /^\/api\/user\/([^/]+)$/.exec(path);
  if (m?.[1] && !hasAuthHeader) {
    // Public profiles can be read without logging in (docs/peloton-api.md §5.2).
    const target = memberByIdOrUsername(decodeURIComponent(m[1]));
    if (!target || target.isPrivate) return notLoggedIn();
    return jsonReply(200, otherUserJson(ctx.data.memberData(target)));
  }
  if (!caller) return notLoggedIn();

  if (path === "/api/me") return jsonReply(200, meJson(ctx.data.memberData(caller)));
  m = /^\/api\/user\/([^/]+)(?:\/([a-z_]+))?$/.exec(path);
  if (m?.[1]) {
    const target = memberByIdOrUsername(decodeURIComponent(m[1]));
    if (!target) return notFound("User");
    const own = target.key === caller.key;
    switch (m[2]) {
      case undefined:
        return jsonReply(200, own ? meJson(ctx.data.memberData(target)) : otherUserJson(ctx.data.memberData(target)));
      case "overview":
        if (!isWebPlatform(req)) return platformRequired();
        if (!own) return forbidden();
        return jsonReply(200, overviewJson(ctx.data, ctx.data.memberData(target), Math.floor(ctx.clock.now() / 1000)));
      case "workouts":
        return listWorkouts(req, ctx, caller, target);
      case "settings":
        return own ? jsonReply(200, settingsJson(target)) : forbidden();
      case "followers":
      case "following":
        // Nobody in the simulated world follows anyone; the paging envelope is what clients read.
        return jsonReply(200, { data: [], page: 0, limit: 20, total: 0, count: 0, page_count: 0, show_previous: false, show_next: false });
      default:
        return notFound("Endpoint");
    }
  }
  m = new RegExp(`^/api/workout/${ID}(/performance_graph)?$`).exec(path);
  if (m?.[1]) return m[2] ? getPerformanceGraph(req, ctx, caller, m[1]) : getWorkout(req, ctx, caller, m[1]);
  m = new RegExp(`^/api/ride/${ID}(/details)?$`).exec(path);
  if (m?.[1]) {
    const plan = m[1] === JUST_RIDE_ID ? undefined : catalog().byId.get(m[1]);
    if (!plan) return notFound("Ride");
    if (!m[2]) return jsonReply(200, rideJson(plan, true));
    const data = ctx.data.memberData(caller);
    return jsonReply(200, rideDetails(plan, data.ftp.ftp || caller.startFtp, caller.distanceUnit));
  }
  return notFound("Endpoint");
}
