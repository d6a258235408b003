"use server";

import { z } from "zod";
import { runUserAction, type ActionResult } from "@/server/handlers/action";
import type { SyncProgress } from "@/lib/domain/sync";
import { kickSync } from "@/server/sync/background";
import { cancelSync, resumeSync, startSync } from "@/server/sync/service";

/**
 * The browser's side of a sync: start, resume and cancel it, and read its progress. Starting or resuming kicks the
 * server-side continuation (server/sync/background.ts); the steps run on the server with or without a page open.
 */

export async function startSyncAction(kind: "full" | "incremental"): Promise<ActionResult<SyncProgress>> {
  return runUserAction("sync.start", z.enum(["full", "incremental"]), kind, async ({ userId, input }) => {
    const progress = await startSync(userId, input);
    kickSync(userId);
    return progress;
  });
}

export async function cancelSyncAction(): Promise<ActionResult<SyncProgress | null>> {
  return runUserAction("sync.cancel", z.undefined(), undefined, ({ userId }) => cancelSync(userId));
}

export async function resumeSyncAction(): Promise<ActionResult<SyncProgress | null>> {
  return runUserAction("sync.resume", z.undefined(), undefined, async ({ userId }) => {
    const progress = await resumeSync(userId);
    kickSync(userId);
    return progress;
  });
}
