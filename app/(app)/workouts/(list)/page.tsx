import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getHistoryFacets, listWorkoutHistory } from "@/server/queries/workouts";
import { getAnalyticsSettings } from "@/server/queries/analytics-settings";
import { parseHistorySearch, type SearchParams } from "@/lib/domain/workout-history";
import { WorkoutHistory } from "@/components/workouts/workout-history";

export const metadata: Metadata = { title: "Workouts" };

export default async function WorkoutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const { params, filters, ignored } = parseHistorySearch(await searchParams);
  const [facets, page, settings] = await Promise.all([getHistoryFacets(user.id, filters), listWorkoutHistory(user.id, filters), getAnalyticsSettings(user.id)]);
  return <WorkoutHistory facets={facets} filters={filters} params={params} page={page} ignored={ignored} units={settings.units} />;
}
