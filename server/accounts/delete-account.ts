import "server-only";
import { getDb } from "@/server/db/client";
import { log } from "@/server/log";
import { cancelSyncJob } from "@/server/sync/job";
import { revokeTrainingPeaksGrant } from "./trainingpeaks";

/**
 * "Delete my account": AutoCoach's grant at TrainingPeaks is revoked first (while the tokens still exist), then the
 * user row goes and every table that holds the user's data goes with it (each references User with onDelete: Cascade,
 * guarded by delete-account.db.int.test.ts). Peloton's shared class catalog (rides, instructors) is nobody's data.
 */
export async function deleteAccount(userId: string): Promise<{ revokedAtTrainingPeaks: boolean }> {
  const revokedAtTrainingPeaks = await revokeTrainingPeaksGrant(userId);
  const db = await getDb();
  await db.$transaction(async (tx) => {
    // A sync step holding the job's lease stops at its next write instead of writing into a deleted account.
    await cancelSyncJob(tx, userId);
    await tx.user.deleteMany({ where: { id: userId } });
  });
  log.info("account.deleted", { userId, revokedAtTrainingPeaks });
  return { revokedAtTrainingPeaks };
}
