import { z } from "zod";
import { userRoute } from "@/server/handlers/route";
import { getWeeklyVolume } from "@/server/queries/dashboard";

export const dynamic = "force-dynamic";

export const GET = userRoute("dashboard.weekly", z.object({ weeks: z.coerce.number().int().min(1).max(52).default(12) }), ({ userId, query }) =>
  getWeeklyVolume(userId, query.weeks),
);
