import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { z } from "zod";
import { auth } from "@/server/auth";
import { signInMessage } from "@/server/auth/messages";
import { getEnv } from "@/server/env";
import { SignInPanel } from "@/components/layout/sign-in-panel";
import { safeReturnTo } from "@/lib/domain/return-to";

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
  const callbackUrl = safeReturnTo(query.callbackUrl) ?? undefined;
  const session = await auth();
  if (session && !query.error) redirect(callbackUrl ?? "/dashboard");

  const env = getEnv();
  return (
    <SignInPanel
      message={signInMessage(query.error, { retryAfter: query.retryAfter, reason: query.reason })}
      callbackUrl={callbackUrl}
      retry={Boolean(query.error)}
      redirectUri={env.trainingPeaks.redirectUri}
      demo={env.demo}
    />
  );
}
