import { z } from "zod";
import { userRoute } from "@/server/handlers/route";
import { getRecentWorkouts } from "@/server/queries/dashboard";

export const dynamic = "force-dynamic";

export const GET = userRoute("dashboard.recent", z.object({ limit: z.coerce.number().int().min(1).max(20).default(6) }), ({ userId, query }) =>
  getRecentWorkouts(userId, query.limit),
);
