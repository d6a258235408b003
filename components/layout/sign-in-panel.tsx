import { Logo } from "@/components/layout/logo";
import { SignInWithTrainingPeaks } from "@/components/layout/sign-in-button";
import { Alert } from "@/components/ui/alert";

interface SignInPanelProps {
  /** why the last attempt failed, if it did */
  message: { title: string; detail: string; tone: "warn" | "danger" | "info" } | null;
  /** a same-site path to return to after signing in */
  callbackUrl?: string;
  retry: boolean;
  /** the OAuth callback TrainingPeaks must have registered (shown for the "Invalid Redirect URI" case) */
  redirectUri: string;
  demo: boolean;
}

/** Sign in with TrainingPeaks, what went wrong last time, and how to fix a broken sign-in. */
export function SignInPanel({ message, callbackUrl, retry, redirectUri, demo }: SignInPanelProps) {
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-10">
      <Logo />
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Sign in to AutoCoach</h1>
        <p className="text-sm text-muted">AutoCoach uses your TrainingPeaks account to sign you in and to read your profile, thresholds and workouts.</p>
      </div>
      {message && (
        <Alert tone={message.tone} title={message.title}>
          {message.detail}
        </Alert>
      )}
      <SignInWithTrainingPeaks callbackUrl={callbackUrl} label={retry ? "Try again with TrainingPeaks" : "Sign in with TrainingPeaks"} />
      <details className="rounded-lg border border-border bg-surface p-3 text-sm">
        <summary className="cursor-pointer font-medium">Trouble signing in?</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-muted">
          <li>
            If TrainingPeaks shows <strong>“Invalid Redirect URI”</strong>, the app&apos;s callback must be registered exactly as{" "}
            <code className="break-all rounded bg-surface-2 px-1">{redirectUri}</code> (same protocol, host and port).
          </li>
          <li>Sign-in links expire: if you waited a long time on the consent page, start again here.</li>
          <li>
            Operators: <code className="rounded bg-surface-2 px-1">npm run doctor</code> checks the configuration and says what to fix.
          </li>
          {demo && <li>Demo mode uses a local TrainingPeaks simulator; `npm run demo` starts it with the app.</li>}
        </ul>
      </details>
    </main>
  );
}
