import { after } from "next/server";
import { requireUser } from "@/server/auth/session";
import { kickIfIdle } from "@/server/sync/background";
import { getSyncProgress } from "@/server/sync/service";
import { getTrainingPeaksConnection } from "@/server/queries/trainingpeaks-connection";
import { AppShell } from "@/components/layout/app-shell";
import { Providers } from "./providers";

export const dynamic = "force-dynamic";

/**
 * The auth gate for every page under (app): no session → sign-in (server side). The shell's sync indicator starts
 * from the progress read here, so no page asks /api/sync/progress while it loads (that request, its server render
 * and its re-render fell in every page's first second on a phone); like that endpoint, a running job nobody drives
 * is kicked, after the response. React Query's client lives here, not in the root layout: the landing and sign-in
 * pages fetch nothing, and no longer load it.
 */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const [connection, progress] = await Promise.all([getTrainingPeaksConnection(user.id), getSyncProgress(user.id)]);
  after(() => kickIfIdle(user.id, progress));
  return (
    <Providers>
      <AppShell userName={user.name} trainingPeaks={connection} syncProgress={progress}>
        {children}
      </AppShell>
    </Providers>
  );
}
