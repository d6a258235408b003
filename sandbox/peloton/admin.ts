import { z } from "zod";
import { faultRuleSchema } from "../shared/faults";
import type { SimContext } from "./core/context";
import { MEMBERS } from "./data/members";
import { newWorkoutSchema, type NewWorkoutInput } from "./data/store";
import { jsonReply, parseJson, type Reply, type SimRequest } from "./core/reply";

/** What the admin routes can do to the simulator (implemented in server.ts). */
export interface AdminControls {
  expireAccessTokens(): void;
  revokeRefreshTokens(email?: string): void;
  addWorkout(email: string, partial?: NewWorkoutInput): string;
  deleteWorkout(id: string): boolean;
  reset(): void;
}

const clockSchema = z.object({ advanceSeconds: z.number().optional(), nowMs: z.number().optional() });
const emailSchema = z.object({ email: z.string().optional() });
const workoutSchema = newWorkoutSchema.extend({ email: z.string() });

async function body<T>(req: SimRequest, schema: z.ZodType<T>): Promise<{ ok: true; value: T } | { ok: false; reply: Reply }> {
  const text = await req.bodyText();
  const parsed = parseJson(text.trim() ? text : "{}");
  const result = parsed.ok ? schema.safeParse(parsed.value) : undefined;
  if (!result?.success) return { ok: false, reply: jsonReply(400, { error: "invalid admin request", issues: result?.error.issues ?? "malformed JSON" }) };
  return { ok: true, value: result.data };
}

/** `/__admin/*`: test and demo controls (no auth; never part of the real service). */
export async function adminRoute(req: SimRequest, ctx: SimContext, controls: AdminControls): Promise<Reply | undefined> {
  const route = `${req.method} ${req.path.replace(/\/+$/, "")}`;
  const deleting = /^DELETE \/__admin\/workouts\/([0-9a-f]{32})$/.exec(route);
  if (deleting) return controls.deleteWorkout(deleting[1] ?? "") ? jsonReply(200, { ok: true }) : jsonReply(404, { error: "no such workout" });
  switch (route) {
    case "POST /__admin/faults": {
      const parsed = await body(req, z.union([faultRuleSchema, z.array(faultRuleSchema)]));
      if (!parsed.ok) return parsed.reply;
      for (const rule of Array.isArray(parsed.value) ? parsed.value : [parsed.value]) ctx.faults.add(rule);
      return jsonReply(200, { ok: true });
    }
    case "DELETE /__admin/faults":
      ctx.faults.clear();
      return jsonReply(200, { ok: true });
    case "POST /__admin/latency": {
      const parsed = await body(req, z.object({ ms: z.number().int().min(0) }));
      if (!parsed.ok) return parsed.reply;
      ctx.faults.latencyMs = parsed.value.ms;
      return jsonReply(200, { ok: true, latencyMs: ctx.faults.latencyMs });
    }
    case "GET /__admin/clock":
      return jsonReply(200, { nowMs: ctx.clock.now() });
    case "POST /__admin/clock": {
      const parsed = await body(req, clockSchema);
      if (!parsed.ok) return parsed.reply;
      if (parsed.value.nowMs !== undefined) ctx.clock.set(parsed.value.nowMs);
      if (parsed.value.advanceSeconds !== undefined) ctx.clock.advance(parsed.value.advanceSeconds * 1000);
      return jsonReply(200, { nowMs: ctx.clock.now() });
    }
    case "POST /__admin/expire-tokens":
      controls.expireAccessTokens();
      return jsonReply(200, { ok: true });
    case "POST /__admin/revoke": {
      const parsed = await body(req, emailSchema);
      if (!parsed.ok) return parsed.reply;
      controls.revokeRefreshTokens(parsed.value.email);
      return jsonReply(200, { ok: true });
    }
    case "POST /__admin/workouts": {
      const parsed = await body(req, workoutSchema);
      if (!parsed.ok) return parsed.reply;
      const { email, ...partial } = parsed.value;
      if (!MEMBERS.some((m) => m.email === email.toLowerCase())) return jsonReply(404, { error: `unknown member ${email}` });
      return jsonReply(200, { id: controls.addWorkout(email, partial) });
    }
    case "POST /__admin/reset":
      controls.reset();
      return jsonReply(200, { ok: true });
    case "GET /__admin/stats":
      return jsonReply(200, ctx.stats);
    case "GET /__admin/members":
      return jsonReply(200, MEMBERS.map((m) => ({ key: m.key, email: m.email, username: m.username, userId: m.userId, login: m.login })));
    default:
      return undefined;
  }
}
