"use server";

import { z } from "zod";
import { runUserAction, type ActionResult } from "@/server/handlers/action";
import { getEnv } from "@/server/env";
import type { SyncProgress } from "@/lib/domain/sync";
import { cancelSync, getSyncProgress, resumeSync, startSync, syncStep } from "@/server/sync/service";

/** Driver (a): the browser calls runSyncStepAction in a loop; each call is one bounded step. */

export async function startSyncAction(kind: "full" | "incremental"): Promise<ActionResult<SyncProgress>> {
  return runUserAction("sync.start", z.enum(["full", "incremental"]), kind, ({ userId, input }) => startSync(userId, input));
}

export async function runSyncStepAction(): Promise<ActionResult<{ progress: SyncProgress | null; more: boolean; busy: boolean }>> {
  return runUserAction("sync.step", z.undefined(), undefined, async ({ userId }) => {
    const { sync } = getEnv();
    const r = await syncStep(userId, { budgetMs: sync.stepBudgetMs, concurrency: sync.concurrency, everyN: sync.everyN });
    return { progress: r.progress, more: r.more, busy: r.busy };
  });
}

export async function cancelSyncAction(): Promise<ActionResult<SyncProgress | null>> {
  return runUserAction("sync.cancel", z.undefined(), undefined, ({ userId }) => cancelSync(userId));
}

export async function resumeSyncAction(): Promise<ActionResult<SyncProgress | null>> {
  return runUserAction("sync.resume", z.undefined(), undefined, ({ userId }) => resumeSync(userId));
}

export async function getSyncProgressAction(): Promise<ActionResult<SyncProgress | null>> {
  return runUserAction("sync.progress", z.undefined(), undefined, ({ userId }) => getSyncProgress(userId));
}
