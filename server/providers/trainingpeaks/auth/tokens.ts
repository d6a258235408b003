import "server-only";
import { type AppError, isProviderFailure, providerError } from "@/lib/errors/app-error";
import { open, seal, sealOptional } from "@/server/crypto";
import { getDb } from "@/server/db/client";
import { refreshUnderLease } from "@/server/http/refresh-lease";
import { log } from "@/server/log";
import { PROVIDER_ID, tokenContext, tpOAuthConfig } from "./config";
import { exchangeRefreshToken, type TpOAuthConfig } from "./oauth";

/**
 * One way to get a TrainingPeaks access token for a user: refresh ahead of expiry, serialised so two
 * requests never both spend a rotated refresh token, and mark the connection for re-authorisation when
 * TrainingPeaks rejects the grant.
 */

/** Refresh this long before the token expires. */
export const REFRESH_MARGIN_SECONDS = 120;

interface AccountRow {
  providerAccountId: string;
  access_token: string | null;
  refresh_token: string | null;
  expires_at: number | null;
  tokenVersion: number;
  status: "active" | "reauth_required" | "disconnected";
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

async function loadAccount(userId: string): Promise<AccountRow | null> {
  const db = await getDb();
  return db.account.findFirst({
    where: { userId, provider: PROVIDER_ID },
    select: { providerAccountId: true, access_token: true, refresh_token: true, expires_at: true, tokenVersion: true, status: true },
  });
}

function disconnected(message = "TrainingPeaks needs you to sign in again to renew AutoCoach's access."): AppError {
  return providerError("trainingpeaks", "disconnected", message);
}

function usable(account: AccountRow): string | null {
  if (account.status !== "active" || !account.access_token) return null;
  if (account.expires_at !== null && account.expires_at - REFRESH_MARGIN_SECONDS <= nowSeconds()) return null;
  return open(account.access_token, tokenContext(account.providerAccountId, "access_token"));
}

// Concurrent callers in one process share a single refresh; the row lease covers other instances.
const inFlight = new Map<string, Promise<string>>();

export interface TokenOptions {
  /** Refresh even if the stored token looks valid (after a 401). */
  forceRefresh?: boolean;
  oauth?: TpOAuthConfig;
}

export async function getValidAccessToken(userId: string, opts: TokenOptions = {}): Promise<string> {
  const account = await loadAccount(userId);
  if (!account || account.status === "disconnected") {
    throw providerError("trainingpeaks", "disconnected", "TrainingPeaks is not connected. Sign in with TrainingPeaks to connect it.");
  }
  if (account.status === "reauth_required") throw disconnected();
  if (!opts.forceRefresh) {
    const token = usable(account);
    if (token) return token;
  }
  const key = account.providerAccountId;
  let pending = inFlight.get(key);
  if (!pending) {
    pending = refreshSerialised(userId, account.tokenVersion, opts.oauth ?? tpOAuthConfig()).finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/** Refresh under a lease on the account row (see lib/integrations/lease.ts). */
async function refreshSerialised(userId: string, seenVersion: number, oauth: TpOAuthConfig): Promise<string> {
  const db = await getDb();
  const first = await loadAccount(userId);
  if (!first) throw disconnected();
  const key = { provider: PROVIDER_ID, providerAccountId: first.providerAccountId };
  return refreshUnderLease(
    {
      async read() {
        const account = await loadAccount(userId);
        if (!account || account.status !== "active") throw disconnected();
        return { version: account.tokenVersion, usableToken: usable(account) };
      },
      async claim(leaseId, until, now) {
        const claimed = await db.account.updateMany({
          where: { ...key, OR: [{ refreshLockedUntil: null }, { refreshLockedUntil: { lt: now } }] },
          data: { refreshLockedUntil: until, refreshLockId: leaseId },
        });
        return claimed.count === 1;
      },
      async release(leaseId) {
        await db.account.updateMany({ where: { ...key, refreshLockId: leaseId }, data: { refreshLockedUntil: null, refreshLockId: null } });
      },
    },
    seenVersion,
    () => refreshHoldingLease(userId, oauth),
    { busy: () => providerError("trainingpeaks", "unavailable", "TrainingPeaks access is being renewed by another request; try again in a moment.") },
  );
}

async function refreshHoldingLease(userId: string, oauth: TpOAuthConfig): Promise<string> {
  const account = await loadAccount(userId);
  if (!account || account.status !== "active") throw disconnected();
  if (!account.refresh_token) {
    await markReauthRequired(userId, "TrainingPeaks gave no refresh token; sign in again.");
    throw disconnected();
  }
  const id = account.providerAccountId;
  const refreshToken = open(account.refresh_token, tokenContext(id, "refresh_token"));
  let tokens;
  try {
    tokens = await exchangeRefreshToken(oauth, refreshToken);
  } catch (error) {
    if (isProviderFailure(error, "disconnected")) {
      await markReauthRequired(userId, error.message);
      log.warn("trainingpeaks.refresh.rejected", { userId });
    }
    throw error;
  }
  const db = await getDb();
  await db.account.updateMany({
    where: { provider: PROVIDER_ID, providerAccountId: id },
    data: {
      access_token: seal(tokens.access_token, tokenContext(id, "access_token")),
      // TrainingPeaks may rotate the refresh token; keep the old one only when it sends none.
      refresh_token: sealOptional(tokens.refresh_token ?? refreshToken, tokenContext(id, "refresh_token")),
      expires_at: nowSeconds() + Math.floor(tokens.expires_in),
      ...(tokens.scope ? { scope: tokens.scope } : {}),
      tokenVersion: { increment: 1 },
      status: "active",
      lastError: null,
    },
  });
  log.info("trainingpeaks.refresh.ok", { userId });
  return tokens.access_token;
}

export async function markReauthRequired(userId: string, reason: string): Promise<void> {
  const db = await getDb();
  await db.account.updateMany({ where: { userId, provider: PROVIDER_ID }, data: { status: "reauth_required", lastError: reason.slice(0, 500) } });
}

/** Run an API call with a valid token; on a 401 refresh once and retry. */
export async function withAccessToken<T>(userId: string, call: (token: string) => Promise<T>, opts: TokenOptions = {}): Promise<T> {
  const token = await getValidAccessToken(userId, opts);
  try {
    return await call(token);
  } catch (error) {
    if (!isProviderFailure(error, "unauthorized")) throw error;
    const fresh = await getValidAccessToken(userId, { ...opts, forceRefresh: true });
    try {
      return await call(fresh);
    } catch (retryError) {
      if (isProviderFailure(retryError, "unauthorized")) {
        await markReauthRequired(userId, "TrainingPeaks rejected a freshly renewed token.");
        throw disconnected();
      }
      throw retryError;
    }
  }
}
