import { z } from "zod";
import { AppError } from "@/lib/errors/app-error";
import { encodeFit, fitFileName } from "@/server/fit/encode";
import { encodeTcx, tcxFileName } from "@/server/fit/tcx";
import { attachment } from "@/server/handlers/attachment";
import { parseInput, userHandler } from "@/server/handlers/route";
import { getUserTimeZone } from "@/server/queries/user-time-zone";
import { loadWorkoutActivity } from "@/server/queries/workout-activity";

/** Download a synced workout as FIT or TCX (`?format=fit|tcx`); another user's workout is a 404 like a missing one. */
const query = z.object({ format: z.enum(["fit", "tcx"], "Choose FIT or TCX as the file format.").default("fit") });

export const GET = userHandler<{ id: string }>("workouts.export", async ({ userId, request, params }) => {
  const { format } = parseInput(query, Object.fromEntries(new URL(request.url).searchParams), { what: "query" });
  const [activity, zone] = await Promise.all([loadWorkoutActivity(userId, params.id), getUserTimeZone(userId)]);
  if (!activity) throw new AppError("workout.no_samples");
  const fit = format === "fit";
  const body = fit ? encodeFit(activity, { timeZone: zone.timeZone }) : new TextEncoder().encode(encodeTcx(activity));
  const filename = fit ? fitFileName(activity, zone.timeZone) : tcxFileName(activity, zone.timeZone);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": fit ? "application/vnd.ant.fit" : "application/vnd.garmin.tcx+xml",
      "Content-Disposition": attachment(filename),
      "Content-Length": String(body.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
});
