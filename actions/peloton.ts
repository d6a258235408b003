"use server";

import { AppError, formatWait, isAppError } from "@/lib/errors/app-error";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runUserAction, type ActionResult } from "@/server/handlers/action";
import { getKv, rateLimit } from "@/server/kv";
import { clientIp } from "@/server/http/client-ip";
import { audit } from "@/server/auth/audit";
import { connectPeloton, disconnectPeloton, setPelotonPaceLevel, testPelotonConnection } from "@/server/accounts/peloton";
import type { PelotonConnectionView, ProfileChange } from "@/lib/domain/peloton-connection";

const connectSchema = z.object({
  email: z.string().trim().min(1, "Enter your Peloton email or username.").max(254, "That is too long for a Peloton email or username."),
  password: z.string().min(1, "Enter your Peloton password.").max(256, "That password is too long."),
  rememberPassword: z.boolean(),
});

/** Peloton's Auth0 locks an account after repeated failures; we stop well before that. */
const CONNECT_LIMIT = { limit: 5, windowMs: 15 * 60_000 };

/** Per user always; per IP only when a trusted proxy names the client's address (server/http/client-ip.ts). */
async function enforceConnectLimits(userId: string): Promise<void> {
  const kv = getKv();
  const ip = await clientIp();
  for (const key of [`peloton-connect:user:${userId}`, ...(ip ? [`peloton-connect:ip:${ip}`] : [])]) {
    const verdict = await rateLimit(kv, key, CONNECT_LIMIT);
    if (!verdict.ok) {
      const seconds = Math.ceil(verdict.retryAfterMs / 1000);
      throw new AppError("input.too_many_attempts", {
        message: `Too many connection attempts. To protect your Peloton account from being locked, wait ${formatWait(seconds)} before trying again.`,
        retryAfterSeconds: seconds,
      });
    }
  }
}

export async function connectPelotonAction(_prev: ActionResult<PelotonConnectionView> | null, formData: FormData): Promise<ActionResult<PelotonConnectionView>> {
  const input = { email: formData.get("email"), password: formData.get("password"), rememberPassword: formData.get("rememberPassword") === "on" };
  const result = await runUserAction("peloton.connect", connectSchema, input, async ({ userId, input: data }) => {
    try {
      await enforceConnectLimits(userId);
      const view = await connectPeloton(userId, data);
      await audit("peloton.connect", { userId, outcome: "ok" });
      return view;
    } catch (error) {
      await audit("peloton.connect", { userId, outcome: "refused", reason: isAppError(error) ? error.code : "internal" });
      throw error;
    }
  });
  if (result.ok) revalidatePath("/connections");
  return result;
}

export async function testPelotonAction(): Promise<ActionResult<{ changes: ProfileChange[]; checkedAt: string }>> {
  const result = await runUserAction("peloton.test", z.undefined(), undefined, ({ userId }) => testPelotonConnection(userId));
  revalidatePath("/connections");
  return result;
}

export async function disconnectPelotonAction(): Promise<ActionResult<{ deleted: boolean }>> {
  const result = await runUserAction("peloton.disconnect", z.undefined(), undefined, async ({ userId }) => {
    const done = await disconnectPeloton(userId);
    await audit("peloton.disconnect", { userId, outcome: "ok" });
    return done;
  });
  revalidatePath("/connections");
  return result;
}

const paceLevelSchema = z.union([z.literal("auto"), z.coerce.number().int().min(1, "Pace levels go from 1 to 10.").max(10, "Pace levels go from 1 to 10.")]);

export async function setPaceLevelAction(level: string): Promise<ActionResult<{ paceLevel: number | null }>> {
  const result = await runUserAction("peloton.pace_level", paceLevelSchema, level, ({ userId, input }) => setPelotonPaceLevel(userId, input === "auto" ? null : input));
  if (result.ok) revalidatePath("/connections");
  return result;
}
