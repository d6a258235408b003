import Link from "next/link";
import { requireUser } from "@/server/auth/session";
import { getTrainingPeaksConnection } from "@/server/queries/trainingpeaks-connection";
import { Logo } from "@/components/layout/logo";
import { MainNav } from "@/components/layout/main-nav";
import { ThemeToggle } from "@/components/layout/theme-toggle";
import { SignInWithTrainingPeaks } from "@/components/layout/sign-in-button";
import { Alert } from "@/components/ui/alert";
import { buttonClass } from "@/components/ui/button";
import { signOutAction } from "@/actions/session";

export const dynamic = "force-dynamic";

/** The auth gate for every page under (app): no session → sign-in (server side). */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const user = await requireUser();
  const connection = await getTrainingPeaksConnection(user.id);
  return (
    <div className="min-h-dvh">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-surface focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="sticky top-0 z-40 border-b border-border bg-surface/90 backdrop-blur">
        <div className="mx-auto flex max-w-6xl items-center gap-4 px-4 py-3 sm:px-6">
          <Logo href="/dashboard" />
          <div className="hidden flex-1 md:block">
            <MainNav />
          </div>
          <div className="ml-auto flex items-center gap-2">
            <span className="hidden max-w-40 truncate text-sm text-muted sm:inline" data-testid="user-name">
              {user.name}
            </span>
            <ThemeToggle />
            <form action={signOutAction}>
              <button type="submit" className={buttonClass("ghost", "px-3")}>
                Sign out
              </button>
            </form>
          </div>
        </div>
        <div className="border-t border-border px-2 md:hidden">
          <MainNav />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl space-y-6 px-4 py-6 sm:px-6">
        {connection.status === "reauth_required" && (
          <Alert
            tone="warn"
            title="Reconnect TrainingPeaks"
            action={<SignInWithTrainingPeaks callbackUrl="/dashboard" label="Reconnect TrainingPeaks" />}
          >
            TrainingPeaks no longer accepts AutoCoach&apos;s access (it expired or was revoked). Your data is safe; reconnect to keep your
            thresholds and activities up to date.{" "}
            <Link href="/connections" className="underline">
              Details
            </Link>
          </Alert>
        )}
        {children}
      </main>
    </div>
  );
}
