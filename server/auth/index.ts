import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth from "next-auth";
import type { Adapter, AdapterAccount } from "next-auth/adapters";
import { sealOptional } from "@/server/crypto";
import { getDb, type Db } from "@/server/db/client";
import { getEnv, requireAuthSecret } from "@/server/env";
import { PROVIDER_ID, tokenContext } from "@/server/providers/trainingpeaks/auth/config";
import { log } from "@/server/log";
import { audit } from "./audit";
import { classifyAuthError, recordFailure } from "./failure";
import { hashedSessionMethods, SESSION_IDLE_SECONDS } from "./sessions";
import { TrainingPeaks } from "./trainingpeaks-provider";

declare module "next-auth" {
  interface Session {
    user: { id: string; name?: string | null; email?: string | null; image?: string | null };
  }
}

/** Tokens are sealed before they reach the database; nothing else about the account is secret. */
function sealedTokens(account: Pick<AdapterAccount, "provider" | "providerAccountId" | "access_token" | "refresh_token">) {
  if (account.provider !== PROVIDER_ID) return { access_token: account.access_token, refresh_token: account.refresh_token };
  return {
    access_token: sealOptional(account.access_token, tokenContext(account.providerAccountId, "access_token")),
    refresh_token: sealOptional(account.refresh_token, tokenContext(account.providerAccountId, "refresh_token")),
  };
}

function sealingAdapter(db: Db): Adapter {
  const base = PrismaAdapter(db);
  return {
    ...base,
    ...hashedSessionMethods(db),
    async linkAccount(account) {
      await db.account.create({
        data: {
          userId: account.userId,
          type: account.type,
          provider: account.provider,
          providerAccountId: account.providerAccountId,
          expires_at: account.expires_at ?? null,
          token_type: account.token_type ?? null,
          scope: account.scope ?? null,
          ...sealedTokens(account),
        },
      });
    },
  };
}

export const { handlers, auth, signIn, signOut } = NextAuth(async () => {
  const env = getEnv();
  const db = await getDb();
  return {
    adapter: sealingAdapter(db),
    secret: requireAuthSecret(),
    trustHost: true,
    // Sliding 14 days, ended 30 days after sign-in whatever happens (sessions.ts); tokens stored hashed.
    session: { strategy: "database", maxAge: SESSION_IDLE_SECONDS, updateAge: 24 * 3600 },
    pages: { signIn: "/signin", error: "/signin" },
    providers: [
      TrainingPeaks({
        clientId: env.trainingPeaks.clientId,
        clientSecret: env.trainingPeaks.clientSecret,
        oauthUrl: env.trainingPeaks.oauthUrl,
        apiUrl: env.trainingPeaks.apiUrl,
        scopes: env.trainingPeaks.scopes,
        pkce: env.trainingPeaks.pkce,
      }),
    ],
    callbacks: {
      session({ session, user }) {
        session.user.id = user.id;
        return session;
      },
    },
    events: {
      async signOut(message) {
        const userId = "session" in message && message.session ? message.session.userId : null;
        await audit("auth.sign_out", { userId, outcome: "ok" });
      },
      // Auth.js does not update an already-linked account on re-sign-in: store the new tokens here.
      async signIn({ user, account }) {
        await audit("auth.sign_in", { userId: user.id ?? null, outcome: "ok", provider: PROVIDER_ID });
        if (!account || account.provider !== PROVIDER_ID) return;
        const sealed = sealedTokens(account);
        await db.account.updateMany({
          where: { provider: account.provider, providerAccountId: account.providerAccountId },
          data: {
            ...sealed,
            expires_at: account.expires_at ?? null,
            scope: account.scope ?? null,
            token_type: account.token_type ?? null,
            status: "active",
            lastError: null,
            tokenVersion: { increment: 1 },
          },
        });
      },
    },
    logger: {
      error(error) {
        const failure = classifyAuthError(error);
        if (failure) recordFailure(failure);
        log.error("auth.error", { error });
      },
      warn(code) {
        log.warn("auth.warn", { code });
      },
      debug() {},
    },
  };
});

