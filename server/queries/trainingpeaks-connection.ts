import "server-only";
import { getDb } from "@/server/db/client";
import { PROVIDER_ID } from "@/server/providers/trainingpeaks/auth/config";
import type { TrainingPeaksConnectionState as ConnectionState } from "@/lib/domain/trainingpeaks";

export async function getTrainingPeaksConnection(userId: string): Promise<ConnectionState> {
  const db = await getDb();
  const account = await db.account.findFirst({ where: { userId, provider: PROVIDER_ID }, select: { status: true, lastError: true, scope: true } });
  return account ? { status: account.status, lastError: account.lastError, scope: account.scope } : { status: "missing", lastError: null, scope: null };
}
