import { findAthlete, isZoneType, type SeedAthlete, toProfile, toZones, ZONE_FAMILIES } from "./athletes";
import { presentWorkout } from "./catalog";
import { bearerToken, type SimContext, type SimRequest } from "./context";
import { formatDay, localDay, parseDay } from "./dates";
import { bodyTooLarge, empty, html, json, messageList, type SimResponse } from "./responses";
import { UPLOAD_ROUTES } from "./upload-api";

/** Longest range `GET /v2/workouts/{start}/{end}` accepts, counting both ends. */
export const MAX_WORKOUT_RANGE_DAYS = 45;
const MAX_DAYS_AHEAD = 365;

export interface ApiCall {
  ctx: SimContext;
  req: SimRequest;
  athlete: SeedAthlete;
  params: string[];
}

export interface ApiRoute {
  pattern: RegExp;
  method: "GET" | "POST";
  /** null: any valid token will do. */
  scope: string | null;
  /** Set on routes that take a body: its size limit (411 without a length, 413 above the limit). */
  maxBodyBytes?: (ctx: SimContext) => number;
  handle(call: ApiCall): SimResponse | Promise<SimResponse>;
}

const badRequest = (...messages: string[]) => messageList(400, messages);

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
  { pattern: /^\/v1\/info\/version$/, method: "GET", scope: null, handle: () => json(200, { Version: "2.0.0", Build: "2026.1.0-sim" }) },
  { pattern: /^\/v1\/athlete\/profile$/, method: "GET", scope: "athlete:profile", handle: ({ athlete }) => json(200, toProfile(athlete)) },
  { pattern: /^\/v1\/athlete\/profile\/zones$/, method: "GET", scope: "athlete:profile", handle: ({ athlete }) => json(200, toZones(athlete)) },
  { pattern: /^\/v1\/athlete\/zones$/, method: "GET", scope: "athlete:profile", handle: ({ athlete }) => json(200, toZones(athlete)) },
  { pattern: /^\/v1\/athlete\/zones\/([^/]+)$/, method: "GET", scope: "athlete:profile", handle: zonesOfType },
  { pattern: /^\/v2\/workouts\/id\/(\d{1,18})$/, method: "GET", scope: "workouts:read", handle: getWorkout },
  { pattern: /^\/v2\/workouts\/([^/]+)\/([^/]+)$/, method: "GET", scope: "workouts:read", handle: listWorkouts },
  ...UPLOAD_ROUTES,
];

export function isApiPath(route: string): boolean {
  return /^\/v\d+\//.test(route);
}

/** HTTP.sys answers a body-less POST before IIS routes it (docs/trainingpeaks-api.md §4: a POST or PUT without Content-Length gets 411). */
const LENGTH_REQUIRED = `<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01//EN""http://www.w3.org/TR/html4/strict.dtd">
<HTML><HEAD><TITLE>Length Required</TITLE>
<META HTTP-EQUIV="Content-Type" Content="text/html; charset=us-ascii"></HEAD>
<BODY><h2>Length Required</h2>
<hr><p>HTTP Error 411. The request must be chunked or have a content length.</p>
</BODY></HTML>`;

/** Body checks before authentication, as the web server (not the API) makes them: 411, then 413 on the declared length. */
function checkBodyLength(req: SimRequest, limit: number): SimResponse | null {
  const length = req.headers["content-length"];
  const chunked = /\bchunked\b/i.test(req.headers["transfer-encoding"] ?? "");
  if (length === undefined && !chunked) return html(411, LENGTH_REQUIRED, { Connection: "close" });
  if (length !== undefined && Number(length) > limit) return bodyTooLarge(limit);
  return null;
}

/**
 * The Partner API in the order TrainingPeaks answers: unknown route (null → IIS 404), wrong method (405), missing
 * length (411) or too large a body (413) on body routes, missing/bad/expired token (401), missing scope (403), then
 * the handler.
 */
export async function handleApi(ctx: SimContext, req: SimRequest): Promise<SimResponse | null> {
  const matching = ROUTES.flatMap((route) => {
    const match = route.pattern.exec(req.route);
    return match ? [{ route, params: match.slice(1).map((param) => param ?? "") }] : [];
  });
  if (matching.length === 0) return null;
  const found = matching.find(({ route }) => route.method === req.method);
  if (!found) {
    const allow = [...new Set(matching.map(({ route }) => route.method))].join(", ");
    return json(405, { Message: `The requested resource does not support http method '${req.method}'.` }, { Allow: allow });
  }
  const { route, params } = found;
  const lengthProblem = route.maxBodyBytes ? checkBodyLength(req, route.maxBodyBytes(ctx)) : null;
  if (lengthProblem) return lengthProblem;
  const token = bearerToken(req.headers);
  const auth = token ? ctx.grants.authenticate(token) : null;
  const athlete = auth ? findAthlete(auth.grant.athleteId) : undefined;
  if (!auth || !athlete) return empty(401, { "WWW-Authenticate": "Bearer" });
  if (route.scope !== null && !auth.scopes.includes(route.scope)) return empty(403);
  return route.handle({ ctx, req, athlete, params });
}
