import { countExportWorkouts, exportEntries } from "@/server/accounts/export";
import { zipStream } from "@/server/accounts/zip";
import { attachment } from "@/server/handlers/attachment";
import { userHandler } from "@/server/handlers/route";
import { log } from "@/server/log";
import { getUserTimeZone } from "@/server/queries/user-time-zone";
import { localDay } from "@/lib/time/time-zone";

/** "Download my data": a zip streamed as it is written; X-Export-Workouts lets the page show progress. */
export const maxDuration = 300;

async function* logged<T>(userId: string, source: AsyncIterable<T>): AsyncGenerator<T> {
  try {
    yield* source;
  } catch (error) {
    log.error("account.export.failed", { userId, error });
    throw error;
  }
}

export const GET = userHandler("account.export", async ({ userId }) => {
  const [workouts, zone] = await Promise.all([countExportWorkouts(userId), getUserTimeZone(userId)]);
  // the day on the user's clock, like the workout file names inside
  const day = localDay(new Date(), zone.timeZone);
  return new Response(zipStream(logged(userId, exportEntries(userId))), {
    headers: {
      "Content-Type": "application/zip",
      "Content-Disposition": attachment(`autocoach-export-${day}.zip`),
      "Cache-Control": "private, no-store",
      "X-Export-Workouts": String(workouts),
    },
  });
});
