import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { getHistoryFacets, instructorNameById, listWorkoutHistory } from "@/server/queries/workouts";
import { getAnalyticsSettings } from "@/server/queries/analytics-settings";
import { isInstructorId, parseHistorySearch, type SearchParams } from "@/lib/domain/workout-history";
import { WorkoutHistory } from "@/components/workouts/workout-history";

export const metadata: Metadata = { title: "Workouts" };

export default async function WorkoutsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const user = await requireUser();
  const { params, filters, ignored } = parseHistorySearch(await searchParams);
  // A link made before the filter took names carries the instructor's id: the same view, under the readable URL
  // (the filter form then shows the instructor chosen). Only such links pay the lookup.
  if (filters.instructor && isInstructorId(filters.instructor)) {
    const name = await instructorNameById(filters.instructor);
    if (name) redirect(`/workouts?${new URLSearchParams({ ...params, instructor: name })}`);
  }
  const [facets, page, settings] = await Promise.all([getHistoryFacets(user.id, filters), listWorkoutHistory(user.id, filters), getAnalyticsSettings(user.id)]);
  return <WorkoutHistory facets={facets} filters={filters} params={params} page={page} ignored={ignored} units={settings.units} />;
}
