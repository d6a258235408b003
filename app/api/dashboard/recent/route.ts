import { z } from "zod";
import { userRoute } from "@/lib/api/handler";
import { getRecentWorkouts } from "@/lib/queries/dashboard";

export const dynamic = "force-dynamic";

export const GET = userRoute("dashboard.recent", z.object({ limit: z.coerce.number().int().min(1).max(20).default(6) }), ({ userId, query }) =>
  getRecentWorkouts(userId, query.limit),
);
