import Link from "@/components/ui/link";
import { Card } from "@/components/ui/card";
import { RecentWorkoutsPanel } from "./recent-workouts-panel";
import { WeeklyVolumePanel } from "./weekly-volume-panel";
import { Arrow } from "@/components/ui/arrow";

/** How many weeks and workouts the dashboard shows; the page prefetches exactly these. */
export const DASHBOARD_WEEKS = 12;
export const DASHBOARD_RECENT = 6;

export function TrainingVolume() {
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-5">
      <Card title="Weekly volume" className="lg:col-span-3">
        <WeeklyVolumePanel weeks={DASHBOARD_WEEKS} />
      </Card>
      <Card
        title="Recent workouts"
        className="lg:col-span-2"
        action={
          <Link href="/workouts" className="text-xs text-muted hover:underline">
            All workouts <Arrow dir="right" />
          </Link>
        }
      >
        <RecentWorkoutsPanel limit={DASHBOARD_RECENT} />
      </Card>
    </div>
  );
}
