import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/server/auth";
import { signInMessage } from "@/server/auth/messages";
import { getEnv } from "@/server/env";
import { Logo } from "@/components/layout/logo";
import { SignInWithTrainingPeaks } from "@/components/layout/sign-in-button";
import { Alert } from "@/components/ui/alert";

export const metadata: Metadata = { title: "Sign in" };
export const dynamic = "force-dynamic";

const searchSchema = z.object({
  error: z.string().max(64).optional(),
  retryAfter: z.string().max(10).optional(),
  reason: z.string().max(32).optional(),
  callbackUrl: z.string().max(512).optional(),
});

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const raw = await searchParams;
  const params = searchSchema.safeParse(Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])));
  const query = params.success ? params.data : {};
  const session = await auth();
  if (session && !query.error) redirect("/dashboard");

  const message = signInMessage(query.error, { retryAfter: query.retryAfter, reason: query.reason });
  const env = getEnv();
  const callbackUrl = query.callbackUrl?.startsWith("/") && !query.callbackUrl.startsWith("//") ? query.callbackUrl : undefined;
  return (
    <main className="mx-auto flex min-h-dvh max-w-md flex-col justify-center gap-6 px-4 py-10">
      <Logo />
      <div className="space-y-2">
        <h1 className="text-2xl font-bold">Sign in to AutoCoach</h1>
        <p className="text-sm text-muted">AutoCoach uses your TrainingPeaks account to sign you in and to read your profile, thresholds and workouts.</p>
      </div>
      {message && <Alert tone={message.tone} title={message.title}>{message.detail}</Alert>}
      <SignInWithTrainingPeaks callbackUrl={callbackUrl} label={query.error ? "Try again with TrainingPeaks" : "Sign in with TrainingPeaks"} />
      <details className="rounded-lg border border-border bg-surface p-3 text-sm">
        <summary className="cursor-pointer font-medium">Trouble signing in?</summary>
        <ul className="mt-2 list-disc space-y-1 pl-5 text-muted">
          <li>
            If TrainingPeaks shows <strong>“Invalid Redirect URI”</strong>, the app&apos;s callback must be registered exactly as{" "}
            <code className="break-all rounded bg-surface-2 px-1">{env.trainingPeaks.redirectUri}</code> (same protocol, host and port).
          </li>
          <li>Sign-in links expire: if you waited a long time on the consent page, start again here.</li>
          <li>
            Operators: <code className="rounded bg-surface-2 px-1">npm run doctor</code> checks the configuration and says what to fix.
          </li>
          {env.demo && <li>Demo mode uses a local TrainingPeaks simulator; `npm run demo` starts it with the app.</li>}
        </ul>
      </details>
    </main>
  );
}
