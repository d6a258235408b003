import type { Metadata } from "next";
import Link from "next/link";
import { requireUser } from "@/lib/auth/session";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";

export const metadata: Metadata = { title: "Workouts" };

export default async function WorkoutsPage() {
  await requireUser();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Workouts</h1>
      <Card>
        <div className="flex flex-col items-start gap-3 py-6 text-sm">
          <p className="text-base font-semibold">No Peloton workouts yet</p>
          <p className="max-w-prose text-muted">
            Your full Peloton history — every class with its power, cadence, resistance and heart-rate data — will be listed here once your
            Peloton account is connected and synced. Your TrainingPeaks activities are on the TrainingPeaks page.
          </p>
          <div className="flex flex-wrap gap-3">
            <Link href="/connections" className={buttonClass("primary")}>
              Connections
            </Link>
            <Link href="/trainingpeaks" className={buttonClass("secondary")}>
              TrainingPeaks activities
            </Link>
          </div>
        </div>
      </Card>
    </div>
  );
}
