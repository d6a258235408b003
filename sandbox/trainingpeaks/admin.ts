import { z } from "zod";
import type { ManualClock } from "../shared/clock";
import { type FaultController, faultRuleSchema } from "../shared/faults";
import type { SimRequest, SimulatorStats } from "./context";
import type { TokenResponse } from "./grants";
import { json, type SimResponse } from "./responses";
import type { UploadLog } from "./uploads";

/** What the admin endpoints may do to a running simulator (tests, e2e and the demo script). */
export interface AdminActions {
  clock: ManualClock;
  faults: FaultController;
  stats: SimulatorStats;
  /** Accepted `POST /v3/file` uploads and the upload settings (also `GET /__admin/uploads`). */
  uploads: UploadLog;
  /** Invalidate every live access token (tests: force 401 → refresh path). */
  expireAccessTokens(): void;
  /** Revoke every grant of an athlete, or of everyone (tests: invalid_grant path). */
  revokeGrants(athleteId?: number): void;
  /** Clear faults, stats, grants, uploads (and their workouts), upload settings and the clock offset. */
  reset(): void;
  /** Throws an Error with a readable message for an unknown athlete or scope. */
  issueTokens(input: { athleteId?: number; scopes?: string[] }): TokenResponse;
}

const clockSchema = z.union([
  z.strictObject({ advanceSeconds: z.number() }),
  z.strictObject({ nowMs: z.number().int().nonnegative() }),
]);
const revokeSchema = z.object({ athleteId: z.number().int().optional() });
const latencySchema = z.object({ latencyMs: z.number().int().min(0) });
const tokensSchema = z.object({ athleteId: z.number().int().optional(), scopes: z.array(z.string()).optional() });
const uploadSettingsSchema = z.strictObject({
  processingPolls: z.number().int().min(0).max(1000).optional(),
  maxBodyBytes: z.number().int().min(1).optional(),
  maxFileBytes: z.number().int().min(1).optional(),
});
const faultsSchema = z.union([faultRuleSchema, z.array(faultRuleSchema)]);

const ENDPOINTS = [
  "POST /__admin/faults  {method?, path?, status?, body?, headers?, retryAfterSeconds?, delayMs?, malformed?, reset?, times?} or an array",
  "DELETE /__admin/faults",
  "POST /__admin/latency {latencyMs}",
  "GET|POST /__admin/clock {advanceSeconds} | {nowMs}",
  "POST /__admin/expire-tokens",
  "POST /__admin/revoke {athleteId?}",
  "POST /__admin/tokens {athleteId?, scopes?}",
  "POST /__admin/reset",
  "GET /__admin/stats",
  "GET /__admin/uploads  (accepted POST /v3/file uploads)",
  "GET|POST /__admin/uploads/settings {processingPolls?, maxBodyBytes?, maxFileBytes?}  (reset restores the start options)",
];

async function readJson(req: SimRequest): Promise<{ ok: true; value: unknown } | { ok: false }> {
  const raw = (await req.readBody()).toString("utf8").trim();
  if (raw === "") return { ok: true, value: {} };
  try {
    const value: unknown = JSON.parse(raw);
    return { ok: true, value };
  } catch {
    return { ok: false };
  }
}

async function parseBody<T>(req: SimRequest, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; response: SimResponse }> {
  const body = await readJson(req);
  if (!body.ok) return { ok: false, response: json(400, { error: "invalid_json" }) };
  const parsed = schema.safeParse(body.value);
  if (!parsed.success) return { ok: false, response: json(400, { error: "invalid_body", issues: parsed.error.issues }) };
  return { ok: true, value: parsed.data };
}

const clockState = (clock: ManualClock) => ({ nowMs: clock.now(), now: new Date(clock.now()).toISOString() });

/** `/__admin/*`: simulator controls. Never authenticated, never faulted, never part of the product. */
export async function handleAdmin(actions: AdminActions, req: SimRequest): Promise<SimResponse> {
  const key = `${req.method} ${req.route}`;
  switch (key) {
    case "GET /__admin":
      return json(200, { endpoints: ENDPOINTS });
    case "POST /__admin/faults": {
      const body = await parseBody(req, faultsSchema);
      if (!body.ok) return body.response;
      const rules = Array.isArray(body.value) ? body.value : [body.value];
      for (const rule of rules) actions.faults.add(rule);
      return json(200, { ok: true, added: rules.length });
    }
    case "DELETE /__admin/faults":
      actions.faults.clear();
      return json(200, { ok: true });
    case "POST /__admin/latency": {
      const body = await parseBody(req, latencySchema);
      if (!body.ok) return body.response;
      actions.faults.latencyMs = body.value.latencyMs;
      return json(200, { ok: true, latencyMs: body.value.latencyMs });
    }
    case "GET /__admin/clock":
      return json(200, clockState(actions.clock));
    case "POST /__admin/clock": {
      const body = await parseBody(req, clockSchema);
      if (!body.ok) return body.response;
      if ("advanceSeconds" in body.value) actions.clock.advance(body.value.advanceSeconds * 1000);
      else actions.clock.set(body.value.nowMs);
      return json(200, clockState(actions.clock));
    }
    case "POST /__admin/expire-tokens":
      actions.expireAccessTokens();
      return json(200, { ok: true });
    case "POST /__admin/revoke": {
      const body = await parseBody(req, revokeSchema);
      if (!body.ok) return body.response;
      actions.revokeGrants(body.value.athleteId);
      return json(200, { ok: true });
    }
    case "POST /__admin/tokens": {
      const body = await parseBody(req, tokensSchema);
      if (!body.ok) return body.response;
      try {
        return json(200, actions.issueTokens(body.value));
      } catch (error) {
        return json(400, { error: "invalid_request", error_description: error instanceof Error ? error.message : String(error) });
      }
    }
    case "POST /__admin/reset":
      actions.reset();
      return json(200, { ok: true });
    case "GET /__admin/stats":
      return json(200, actions.stats);
    case "GET /__admin/uploads":
      return json(200, actions.uploads.list());
    case "GET /__admin/uploads/settings":
      return json(200, actions.uploads.settings);
    case "POST /__admin/uploads/settings": {
      const body = await parseBody(req, uploadSettingsSchema);
      if (!body.ok) return body.response;
      // JSON has no undefined: only the keys sent are present, so only those change.
      Object.assign(actions.uploads.settings, body.value);
      return json(200, actions.uploads.settings);
    }
    default:
      return json(404, { error: "not_found", endpoints: ENDPOINTS });
  }
}
