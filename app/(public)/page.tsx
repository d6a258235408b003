import type { Metadata } from "next";
import { auth } from "@/server/auth";
import { getEnv } from "@/server/env";
import { Landing } from "@/components/landing/landing";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: { absolute: "AutoCoach: Peloton training, on TrainingPeaks" } };

export default async function LandingPage() {
  const session = await auth();
  return <Landing signedIn={Boolean(session)} demo={getEnv().demo} />;
}
