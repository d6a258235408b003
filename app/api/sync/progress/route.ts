import { z } from "zod";
import { userRoute } from "@/server/handlers/route";
import { kickIfIdle } from "@/server/sync/background";
import { getSyncProgress } from "@/server/sync/service";

export const dynamic = "force-dynamic";

/** The signed-in user's sync progress (every page polls it while a sync runs); a running job nobody drives is kicked. */
export const GET = userRoute("sync.progress", z.object({}), async ({ userId }) => {
  const progress = await getSyncProgress(userId);
  await kickIfIdle(userId, progress);
  return progress;
});
