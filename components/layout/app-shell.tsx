import { signOutAction } from "@/actions/session";
import type { SyncProgress } from "@/lib/domain/sync";
import type { TrainingPeaksConnectionState } from "@/lib/domain/trainingpeaks";
import { TrainingPeaksAccessNotice } from "./trainingpeaks-access-notice";
import { buttonClass } from "@/components/ui/button";
import { Logo } from "./logo";
import { MainNav } from "./main-nav";
import { ThemeToggle } from "./theme-toggle";
import { SyncIndicator } from "@/components/sync/sync-indicator";

/** Every signed-in page: skip link, header with navigation, sign-out and the sync indicator, and the TrainingPeaks access banner when it is revoked or disconnected. */
export function AppShell({ userName, trainingPeaks, syncProgress, children }: { userName: string | null; trainingPeaks: TrainingPeaksConnectionState; syncProgress: SyncProgress | null; children: React.ReactNode }) {
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-border bg-surface/90 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3 sm:px-6">
          <Logo href="/dashboard" />
          {/* In the header row only where all eight links fit beside it (at 1,024 px "Sign out" wrapped and the name was cut). */}
          <div className="hidden flex-1 xl:block">
            <MainNav />
          </div>
          <div className="ml-auto flex shrink-0 items-center gap-2">
            <ThemeToggle />
            <form action={signOutAction}>
              <button type="submit" className={buttonClass("ghost", "whitespace-nowrap px-3")} title={userName ? `Signed in as ${userName}` : undefined} data-testid="sign-out">
                Sign out
              </button>
            </form>
          </div>
        </div>
        <div className="border-t border-border px-2 xl:hidden">
          <MainNav />
        </div>
        <SyncIndicator initial={syncProgress} />
      </header>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:px-6">
        <TrainingPeaksAccessNotice connection={trainingPeaks} variant="banner" />
        {children}
      </main>
    </div>
  );
}
