import { randomBytes } from "node:crypto";
import type { Clock } from "../shared/clock";

export interface TokenResponse {
  access_token: string;
  token_type: "bearer";
  expires_in: number;
  refresh_token: string;
  scope: string;
}

export interface Grant {
  id: string;
  clientId: string;
  athleteId: number;
  scopes: string[];
  revoked: boolean;
}

export interface GrantSettings {
  accessTokenTtlSeconds: number;
  codeTtlSeconds: number;
  refreshGraceSeconds: number;
}

export type OAuthErrorCode = "invalid_grant" | "invalid_request" | "invalid_scope";
export type GrantResult = { ok: true; tokens: TokenResponse; grant: Grant } | { ok: false; error: OAuthErrorCode; description: string };

interface StoredCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  athleteId: number;
  expiresAt: number;
  /** Set once redeemed; a second redemption revokes this grant (RFC 6749 section 4.1.2). */
  grantId: string | null;
}

interface StoredAccessToken {
  grantId: string;
  expiresAt: number;
}

interface StoredRefreshToken {
  grantId: string;
  /** When a newer refresh token replaced this one; usable for `refreshGraceSeconds` afterwards. */
  rotatedAt: number | null;
}

const PRUNE_THRESHOLD = 2000;

const opaque = (prefix: string, bytes: number) => `${prefix}${randomBytes(bytes).toString("base64url")}`;

/** Everything GrantStore holds, as JSON (the demo keeps it across restarts: sandbox/shared/persist.ts). */
export interface GrantSnapshot {
  codes: [string, StoredCode][];
  grants: [string, Grant][];
  accessTokens: [string, StoredAccessToken][];
  refreshTokens: [string, StoredRefreshToken][];
  tokenScopes: [string, string[]][];
}

/** Authorization codes, grants and opaque tokens, all timed by the injectable clock. */
export class GrantStore {
  private codes = new Map<string, StoredCode>();
  private grants = new Map<string, Grant>();
  private accessTokens = new Map<string, StoredAccessToken>();
  private refreshTokens = new Map<string, StoredRefreshToken>();
  /** Scopes of access tokens narrowed on refresh (RFC 6749 section 6); others carry the grant's scopes. */
  private tokenScopes = new Map<string, string[]>();

  constructor(
    private readonly clock: Clock,
    private readonly settings: GrantSettings,
  ) {}

  issueCode(input: Omit<StoredCode, "expiresAt" | "grantId">): string {
    this.pruneIfLarge();
    const code = opaque("", 24);
    this.codes.set(code, { ...input, scopes: [...input.scopes], expiresAt: this.clock.now() + this.settings.codeTtlSeconds * 1000, grantId: null });
    return code;
  }

  redeemCode(code: string, clientId: string, redirectUri: string): GrantResult {
    const stored = this.codes.get(code);
    if (!stored) return { ok: false, error: "invalid_grant", description: "The authorization code is invalid." };
    if (stored.grantId !== null) {
      this.revokeGrant(stored.grantId);
      return { ok: false, error: "invalid_grant", description: "The authorization code has already been used." };
    }
    if (this.clock.now() >= stored.expiresAt) return { ok: false, error: "invalid_grant", description: "The authorization code has expired." };
    if (stored.clientId !== clientId) return { ok: false, error: "invalid_grant", description: "The authorization code was issued to another client." };
    if (stored.redirectUri !== redirectUri) return { ok: false, error: "invalid_grant", description: "The redirect_uri does not match the authorization request." };
    const grant = this.createGrant(clientId, stored.athleteId, stored.scopes);
    stored.grantId = grant.id;
    return { ok: true, grant, tokens: this.issueTokens(grant) };
  }

  refresh(refreshToken: string, clientId: string, requestedScopes: string[]): GrantResult {
    const stored = this.refreshTokens.get(refreshToken);
    const grant = stored ? this.grants.get(stored.grantId) : undefined;
    if (!stored || !grant || grant.revoked) return { ok: false, error: "invalid_grant", description: "The refresh token is invalid or has been revoked." };
    if (stored.rotatedAt !== null && this.clock.now() >= stored.rotatedAt + this.settings.refreshGraceSeconds * 1000) {
      return { ok: false, error: "invalid_grant", description: "The refresh token has already been used." };
    }
    if (grant.clientId !== clientId) return { ok: false, error: "invalid_grant", description: "The refresh token was issued to another client." };
    if (requestedScopes.some((scope) => !grant.scopes.includes(scope))) {
      return { ok: false, error: "invalid_scope", description: "The requested scope exceeds the scope granted by the user." };
    }
    stored.rotatedAt ??= this.clock.now();
    const narrowed = requestedScopes.length > 0 ? requestedScopes : grant.scopes;
    return { ok: true, grant, tokens: this.issueTokens(grant, narrowed) };
  }

  /** The live grant behind an access token, or null when it is unknown, expired or revoked. */
  authenticate(accessToken: string): { grant: Grant; scopes: string[] } | null {
    const stored = this.accessTokens.get(accessToken);
    const grant = stored ? this.grants.get(stored.grantId) : undefined;
    if (!stored || !grant || grant.revoked || this.clock.now() >= stored.expiresAt) return null;
    return { grant, scopes: this.tokenScopes.get(accessToken) ?? grant.scopes };
  }

  /** Issue tokens without the browser flow (admin / tests). */
  grantDirectly(clientId: string, athleteId: number, scopes: string[]): TokenResponse {
    return this.issueTokens(this.createGrant(clientId, athleteId, scopes));
  }

  revokeGrant(grantId: string): void {
    const grant = this.grants.get(grantId);
    if (grant) grant.revoked = true;
  }

  revokeAthlete(athleteId?: number): void {
    for (const grant of this.grants.values()) {
      if (athleteId === undefined || grant.athleteId === athleteId) grant.revoked = true;
    }
  }

  expireAccessTokens(): void {
    const now = this.clock.now();
    for (const token of this.accessTokens.values()) token.expiresAt = Math.min(token.expiresAt, now);
  }

  snapshot(): GrantSnapshot {
    return {
      codes: [...this.codes],
      grants: [...this.grants],
      accessTokens: [...this.accessTokens],
      refreshTokens: [...this.refreshTokens],
      tokenScopes: [...this.tokenScopes],
    };
  }

  restore(snapshot: GrantSnapshot): void {
    this.codes = new Map(snapshot.codes);
    this.grants = new Map(snapshot.grants);
    this.accessTokens = new Map(snapshot.accessTokens);
    this.refreshTokens = new Map(snapshot.refreshTokens);
    this.tokenScopes = new Map(snapshot.tokenScopes);
  }

  clear(): void {
    this.codes.clear();
    this.grants.clear();
    this.accessTokens.clear();
    this.refreshTokens.clear();
    this.tokenScopes.clear();
  }

  /** Long-running demos: forget expired codes and access tokens once there are many (they fail either way). */
  private pruneIfLarge(): void {
    if (this.codes.size + this.accessTokens.size < PRUNE_THRESHOLD) return;
    const now = this.clock.now();
    for (const [code, stored] of this.codes) if (stored.expiresAt <= now) this.codes.delete(code);
    for (const [token, stored] of this.accessTokens) {
      if (stored.expiresAt > now) continue;
      this.accessTokens.delete(token);
      this.tokenScopes.delete(token);
    }
  }

  private createGrant(clientId: string, athleteId: number, scopes: string[]): Grant {
    const grant: Grant = { id: opaque("grant-", 9), clientId, athleteId, scopes: [...scopes], revoked: false };
    this.grants.set(grant.id, grant);
    return grant;
  }

  private issueTokens(grant: Grant, scopes: string[] = grant.scopes): TokenResponse {
    this.pruneIfLarge();
    const accessToken = opaque("gAAAA", 48);
    const refreshToken = opaque("sim-RT-", 32);
    this.accessTokens.set(accessToken, { grantId: grant.id, expiresAt: this.clock.now() + this.settings.accessTokenTtlSeconds * 1000 });
    if (scopes !== grant.scopes) this.tokenScopes.set(accessToken, [...scopes]);
    this.refreshTokens.set(refreshToken, { grantId: grant.id, rotatedAt: null });
    return {
      access_token: accessToken,
      token_type: "bearer",
      expires_in: this.settings.accessTokenTtlSeconds,
      refresh_token: refreshToken,
      scope: scopes.join(" "),
    };
  }
}
