import { z } from "zod";
import { auth } from "@/server/auth";
import { encodeFit, fitFileName } from "@/server/fit/encode";
import { encodeTcx, tcxFileName } from "@/server/fit/tcx";
import { loadWorkoutActivity } from "@/server/queries/workout-activity";

/** Download a synced workout as FIT or TCX (`?format=fit|tcx`); another user's workout is a 404 like a missing one. */
const query = z.object({ format: z.enum(["fit", "tcx"]).default("fit") });

function problem(status: number, code: string, message: string): Response {
  return Response.json({ error: { code, message } }, { status, headers: { "Cache-Control": "private, no-store" } });
}

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }): Promise<Response> {
  const session = await auth();
  if (!session?.user?.id) return problem(401, "unauthenticated", "Your session has expired. Sign in again.");
  const parsed = query.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!parsed.success) return problem(400, "invalid_input", "format must be fit or tcx");
  const { id } = await params;
  const activity = await loadWorkoutActivity(session.user.id, id);
  if (!activity) return problem(404, "not_found", "No such workout, or it has no recorded samples to export.");
  const fit = parsed.data.format === "fit";
  const body = fit ? encodeFit(activity) : new TextEncoder().encode(encodeTcx(activity));
  const filename = fit ? fitFileName(activity) : tcxFileName(activity);
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": fit ? "application/vnd.ant.fit" : "application/vnd.garmin.tcx+xml",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Content-Length": String(body.byteLength),
      "Cache-Control": "private, no-store",
    },
  });
}
