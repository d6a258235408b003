import type { Metadata } from "next";
import { requireUser } from "@/server/auth/session";
import { getEnv } from "@/server/env";
import { getPelotonConnection } from "@/server/queries/peloton-connection";
import { getSyncOverview } from "@/server/queries/sync";
import { getDisplaySettings } from "@/server/queries/display-settings";
import { getConnectedHistory, listOtherAccountHistory } from "@/server/queries/peloton-history";
import { KeptHistory } from "@/components/connections/kept-history";
import { getTrainingPeaksConnection } from "@/server/queries/trainingpeaks-connection";
import { PelotonCard } from "@/components/connections/peloton-card";
import { TrainingPeaksConnectionCard } from "@/components/connections/trainingpeaks-card";

export const metadata: Metadata = { title: "Connections" };
// Server actions on this page run sync steps (SYNC_STEP_BUDGET_MS, default 8 s).
export const maxDuration = 30;

export default async function ConnectionsPage() {
  const user = await requireUser();
  const [tp, peloton, sync, history, otherAccounts, display] = await Promise.all([
    getTrainingPeaksConnection(user.id),
    getPelotonConnection(user.id),
    getSyncOverview(user.id),
    getConnectedHistory(user.id),
    listOtherAccountHistory(user.id),
    getDisplaySettings(user.id),
  ]);
  const env = getEnv();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">Connections</h1>
      <PelotonCard connection={peloton} sync={sync} simulator={env.peloton.mode === "simulator"} history={history} display={display} />
      <KeptHistory accounts={otherAccounts} />
      <TrainingPeaksConnectionCard connection={tp} mode={env.trainingPeaks.mode} />
    </div>
  );
}
