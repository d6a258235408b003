import { z } from "zod";
import { parseInput, userHandler } from "@/server/handlers/route";
import { compareSyncedWorkout } from "@/server/compare/compare";

export const dynamic = "force-dynamic";

const params = z.object({ id: z.string().regex(/^[a-z0-9]{10,40}$/i, "not a workout id") });

/** A synced workout of the signed-in user next to the matching TrainingPeaks workout; another user's is a 404. */
export const GET = userHandler<{ id: string }>("workouts.compare", async ({ userId, params: raw }) => compareSyncedWorkout(userId, parseInput(params, raw).id));
