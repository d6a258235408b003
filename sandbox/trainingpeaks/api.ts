import { findAthlete, isZoneType, type SeedAthlete, toProfile, toZones, ZONE_FAMILIES } from "./athletes";
import { presentWorkout } from "./catalog";
import { bearerToken, type SimContext, type SimRequest } from "./context";
import { formatDay, localDay, parseDay } from "./dates";
import { empty, json, type SimResponse } from "./responses";

/** Longest range `GET /v2/workouts/{start}/{end}` accepts, counting both ends. */
export const MAX_WORKOUT_RANGE_DAYS = 45;
const MAX_DAYS_AHEAD = 365;

interface ApiCall {
  ctx: SimContext;
  req: SimRequest;
  athlete: SeedAthlete;
  params: string[];
}

interface ApiRoute {
  pattern: RegExp;
  /** null: any valid token will do. */
  scope: string | null;
  handle(call: ApiCall): SimResponse;
}

/** ASP.NET-style validation errors: a JSON array of messages. */
const badRequest = (...messages: string[]) => json(400, messages);

function listWorkouts({ ctx, req, athlete, params }: ApiCall): SimResponse {
  const [startText = "", endText = ""] = params;
  const start = parseDay(startText);
  const end = parseDay(endText);
  if (start === null) return badRequest(`The start date '${startText}' is not valid. Use YYYY-MM-DD.`);
  if (end === null) return badRequest(`The end date '${endText}' is not valid. Use YYYY-MM-DD.`);
  if (end < start) return badRequest("The end date must be on or after the start date.");
  if (end - start + 1 > MAX_WORKOUT_RANGE_DAYS) return badRequest(`The date range cannot exceed ${MAX_WORKOUT_RANGE_DAYS} days.`);
  if (end > localDay(ctx.clock.now(), athlete.timeZone) + MAX_DAYS_AHEAD) {
    return badRequest(`The end date cannot be more than ${MAX_DAYS_AHEAD} days in the future.`);
  }
  const includeDescription = (req.query.get("includeDescription") ?? "").toLowerCase() === "true";
  const workouts = ctx.catalog.listRange(athlete.id, formatDay(start), formatDay(end));
  return json(
    200,
    workouts.map((w) => presentWorkout(w, athlete, includeDescription)),
  );
}

function getWorkout({ ctx, req, athlete, params }: ApiCall): SimResponse {
  const workout = ctx.catalog.find(athlete.id, Number(params[0]));
  if (!workout) return empty(404);
  const includeDescription = (req.query.get("includeDescription") ?? "true").toLowerCase() !== "false";
  return json(200, presentWorkout(workout, athlete, includeDescription));
}

function zonesOfType({ athlete, params }: ApiCall): SimResponse {
  const type = (params[0] ?? "").toLowerCase();
  if (!isZoneType(type)) return badRequest(`The zone type '${params[0] ?? ""}' is not valid. Use HeartRate, Speed or Power.`);
  const family = ZONE_FAMILIES[type];
  return json(200, { [family]: toZones(athlete)[family] });
}

// Matched against the lower-cased path; order matters (`id/{id}` before `{start}/{end}`).
const ROUTES: ApiRoute[] = [
  { pattern: /^\/v1\/info\/version$/, scope: null, handle: () => json(200, { Version: "2.0.0", Build: "2026.1.0-sim" }) },
  { pattern: /^\/v1\/athlete\/profile$/, scope: "athlete:profile", handle: ({ athlete }) => json(200, toProfile(athlete)) },
  { pattern: /^\/v1\/athlete\/profile\/zones$/, scope: "athlete:profile", handle: ({ athlete }) => json(200, toZones(athlete)) },
  { pattern: /^\/v1\/athlete\/zones$/, scope: "athlete:profile", handle: ({ athlete }) => json(200, toZones(athlete)) },
  { pattern: /^\/v1\/athlete\/zones\/([^/]+)$/, scope: "athlete:profile", handle: zonesOfType },
  { pattern: /^\/v2\/workouts\/id\/(\d{1,18})$/, scope: "workouts:read", handle: getWorkout },
  { pattern: /^\/v2\/workouts\/([^/]+)\/([^/]+)$/, scope: "workouts:read", handle: listWorkouts },
];

export function isApiPath(route: string): boolean {
  return /^\/v\d+\//.test(route);
}

/**
 * The Partner API in the order TrainingPeaks answers: unknown route (null → IIS 404), wrong method
 * (405), missing/bad/expired token (401), missing scope (403), then the handler.
 */
export function handleApi(ctx: SimContext, req: SimRequest): SimResponse | null {
  for (const route of ROUTES) {
    const match = route.pattern.exec(req.route);
    if (!match) continue;
    if (req.method !== "GET") {
      return json(405, { Message: `The requested resource does not support http method '${req.method}'.` }, { Allow: "GET" });
    }
    const token = bearerToken(req.headers);
    const auth = token ? ctx.grants.authenticate(token) : null;
    const athlete = auth ? findAthlete(auth.grant.athleteId) : undefined;
    if (!auth || !athlete) return empty(401, { "WWW-Authenticate": "Bearer" });
    if (route.scope !== null && !auth.scopes.includes(route.scope)) return empty(403);
    return route.handle({ ctx, req, athlete, params: match.slice(1).map((param) => param ?? "") });
  }
  return null;
}
