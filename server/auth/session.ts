import "server-only";
import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { auth } from "./";
import { RETURN_TO_HEADER, signInPath } from "@/lib/domain/return-to";

/**
 * The signed-in user for server components and actions; redirects to sign-in when there is none, with the page asked
 * for as `callbackUrl` (proxy.ts passes it in a request header) so signing in returns there.
 */
export const requireUser = cache(async (): Promise<{ id: string; name: string | null; email: string | null }> => {
  const session = await auth();
  if (session?.user?.id) return { id: session.user.id, name: session.user.name ?? null, email: session.user.email ?? null };
  const jar = await cookies();
  // A session cookie that no longer maps to a session means it expired (or was revoked).
  const hadSession = jar.has("authjs.session-token") || jar.has("__Secure-authjs.session-token");
  const returnTo = (await headers()).get(RETURN_TO_HEADER);
  redirect(signInPath(returnTo, hadSession ? "session_expired" : undefined));
});
