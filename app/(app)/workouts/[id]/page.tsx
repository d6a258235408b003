import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireUser } from "@/server/auth/session";
import { getEnv } from "@/server/env";
import { getWorkoutDetail } from "@/server/queries/workout-detail";
import { workoutPageSummary } from "@/server/queries/workout-summary";
import { getUserTimeZone } from "@/server/queries/user-time-zone";
import { getPushView } from "@/server/push/push-workout";
import { getTrainingPeaksConnection } from "@/server/queries/trainingpeaks-connection";
import { WorkoutDetail } from "@/components/workouts/workout-detail";
import { getWorkoutInsights } from "@/server/queries/workout-insights";
import { getWorkoutTitle } from "@/server/queries/workout-title";

/** The tab reads the class ("45 min Power Zone Ride · AutoCoach"), so several open workouts can be told apart. */
export async function generateMetadata({ params }: { params: Promise<{ id: string }> }): Promise<Metadata> {
  const [user, { id }] = await Promise.all([requireUser(), params]);
  return { title: (await getWorkoutTitle(user.id, id)) ?? "Workout" };
}

export default async function WorkoutPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireUser();
  const { id } = await params;
  const workout = await getWorkoutDetail(user.id, id);
  // Someone else's workout is indistinguishable from a missing one.
  if (!workout) notFound();
  const [push, insights, zone, trainingPeaks] = await Promise.all([
    getPushView(user.id, workout.id),
    getWorkoutInsights(user.id, workout),
    getUserTimeZone(user.id),
    getTrainingPeaksConnection(user.id),
  ]);
  return <WorkoutDetail workout={workout} push={push} insights={insights} summary={workoutPageSummary(workout, insights.units)} timeZone={zone.timeZone} trainingPeaks={trainingPeaks} mapTiles={getEnv().mapTiles} />;
}
