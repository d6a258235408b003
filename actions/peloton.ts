"use server";

import { AppError, formatWait, isAppError } from "@/lib/errors/app-error";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { runUserAction, type ActionResult } from "@/server/handlers/action";
import { getKv, rateLimit } from "@/server/kv";
import { clientIp } from "@/server/http/client-ip";
import { audit } from "@/server/auth/audit";
import { connectPeloton, deleteKeptHistory, disconnectPeloton, setPelotonPaceLevel, testPelotonConnection } from "@/server/accounts/peloton";
import { kickSync } from "@/server/sync/background";
import { startSyncAfterConnect } from "@/server/sync/service";
import type { PelotonConnectionView, ProfileChange } from "@/lib/domain/peloton-connection";

const connectSchema = z.object({
  email: z.string().trim().min(1, "Enter your Peloton email or username.").max(254, "That is too long for a Peloton email or username."),
  password: z.string().min(1, "Enter your Peloton password.").max(256, "That password is too long."),
  rememberPassword: z.boolean(),
  history: z.enum(["keep", "delete"], { message: "Choose whether to keep or delete the earlier account's workouts." }).optional(),
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
  const input = { email: formData.get("email"), password: formData.get("password"), rememberPassword: formData.get("rememberPassword") === "on", history: formData.get("history") ?? undefined };
  const result = await runUserAction("peloton.connect", connectSchema, input, async ({ userId, input: data }) => {
    try {
      await enforceConnectLimits(userId);
      const view = await connectPeloton(userId, data);
      await audit("peloton.connect", { userId, outcome: "ok" });
      // The sync starts with the connection and runs on the server (server/sync/background.ts), page open or not.
      await startSyncAfterConnect(userId);
      kickSync(userId);
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

/** Disconnect Peloton; with `deleteWorkouts` the synced history goes too (else it is kept, labelled with its account). */
export async function disconnectPelotonAction(opts: { deleteWorkouts?: boolean } = {}): Promise<ActionResult<{ deleted: boolean; workoutsDeleted: number }>> {
  const schema = z.object({ deleteWorkouts: z.boolean().default(false) });
  const result = await runUserAction("peloton.disconnect", schema, opts, async ({ userId, input }) => {
    const done = await disconnectPeloton(userId, input);
    await audit("peloton.disconnect", { userId, outcome: "ok" });
    return done;
  });
  revalidatePath("/connections");
  if (result.ok && result.data.workoutsDeleted > 0) revalidatePath("/", "layout");
  return result;
}

/** Delete the workouts kept from a Peloton account that is no longer connected. */
export async function deleteKeptHistoryAction(pelotonUserId: string): Promise<ActionResult<{ deleted: number }>> {
  const schema = z.string().trim().min(1).max(64);
  const result = await runUserAction("peloton.delete_kept", schema, pelotonUserId, async ({ userId, input }) => ({ deleted: await deleteKeptHistory(userId, input) }));
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

const paceLevelSchema = z.union([z.literal("auto"), z.coerce.number().int().min(1, "Pace levels go from 1 to 10.").max(10, "Pace levels go from 1 to 10.")]);

export async function setPaceLevelAction(level: string): Promise<ActionResult<{ paceLevel: number | null }>> {
  const result = await runUserAction("peloton.pace_level", paceLevelSchema, level, ({ userId, input }) => setPelotonPaceLevel(userId, input === "auto" ? null : input));
  if (result.ok) revalidatePath("/connections");
  return result;
}
