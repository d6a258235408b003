import "server-only";
import { cache } from "react";
import { getDb } from "@/server/db/client";
import { PROVIDER_ID } from "@/server/providers/trainingpeaks/auth/config";
import type { TrainingPeaksConnectionState as ConnectionState } from "@/lib/domain/trainingpeaks";

/**
 * Read once per request (`cache`): the shell's banner and the page below it see the same state, so a page can leave
 * out what the banner already says.
 */
export const getTrainingPeaksConnection = cache(async (userId: string): Promise<ConnectionState> => {
  const db = await getDb();
  const account = await db.account.findFirst({ where: { userId, provider: PROVIDER_ID }, select: { status: true, lastError: true, scope: true } });
  return account ? { status: account.status, lastError: account.lastError, scope: account.scope } : { status: "missing", lastError: null, scope: null };
});
