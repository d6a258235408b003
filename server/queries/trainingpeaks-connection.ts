import "server-only";
import { getDb } from "@/server/db/client";
import { PROVIDER_ID } from "@/server/providers/trainingpeaks/auth/config";

/** The state of the user's TrainingPeaks grant, as every page shows it. */
export type ConnectionState = { status: "active" | "reauth_required" | "disconnected" | "missing"; lastError: string | null; scope: string | null };

export async function getTrainingPeaksConnection(userId: string): Promise<ConnectionState> {
  const db = await getDb();
  const account = await db.account.findFirst({ where: { userId, provider: PROVIDER_ID }, select: { status: true, lastError: true, scope: true } });
  return account ? { status: account.status, lastError: account.lastError, scope: account.scope } : { status: "missing", lastError: null, scope: null };
}
