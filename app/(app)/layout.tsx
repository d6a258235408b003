import { requireUser } from "@/server/auth/session";
import { getTrainingPeaksConnection } from "@/server/queries/trainingpeaks-connection";
import { AppShell } from "@/components/layout/app-shell";

export const dynamic = "force-dynamic";

/** The auth gate for every page under (app): no session → sign-in (server side). */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const connection = await getTrainingPeaksConnection(user.id);
  return (
    <AppShell userName={user.name} trainingPeaks={connection}>
      {children}
    </AppShell>
  );
}
