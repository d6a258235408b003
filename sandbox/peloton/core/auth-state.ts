import { createHash } from "node:crypto";
import { randomHex, randomToken } from "../data/ids";

/** Everything the Auth0 side remembers between requests (in memory; with a state directory the tokens survive a restart). */
export interface Transaction {
  txn: string;
  clientState: string;
  nonce: string;
  codeChallenge: string;
  codeChallengeMethod: string;
  redirectUri: string;
  scope: string;
  audience: string;
  clientId: string;
  createdAtMs: number;
}

export interface LoginTicket {
  txn: string;
  memberKey: string;
  used: boolean;
}

/** The post-login redirect chain of one login (docs/peloton-api.md §2.5); `r` is Auth0's resume state, `x` the SSO helper's. */
export interface ResumeFlow {
  r: string;
  x: string;
  txn: string;
  memberKey: string;
  sessionCookie: string;
  stage: "resume" | "login_site" | "login_domain" | "continue" | "final" | "done";
}

export interface AuthCode {
  memberKey: string;
  tx: Transaction;
  expiresAtMs: number;
  used: boolean;
}

export interface RefreshRecord {
  memberKey: string;
  scope: string;
  nonce: string;
  revoked: boolean;
}

/** What a restart must not forget (sandbox/shared/persist.ts): the signing secret and the issued tokens. */
export interface AuthSnapshot {
  secret: string;
  refreshTokens: [string, RefreshRecord][];
  accessTokens: [string, { memberKey: string; revoked: boolean }][];
}

export class AuthState {
  secret = randomToken(32);
  transactions = new Map<string, Transaction>();
  csrfSecrets = new Set<string>();
  tickets = new Map<string, LoginTicket>();
  flows = new Map<string, ResumeFlow>();
  flowsByX = new Map<string, string>();
  codes = new Map<string, AuthCode>();
  refreshTokens = new Map<string, RefreshRecord>();
  /** Issued access tokens by jti; only these are accepted (a restarted simulator knows none). */
  accessTokens = new Map<string, { memberKey: string; revoked: boolean }>();
  failures = new Map<string, { count: number; lockedUntilMs: number }>();

  snapshot(): AuthSnapshot {
    return { secret: this.secret, refreshTokens: [...this.refreshTokens], accessTokens: [...this.accessTokens] };
  }

  restore(snapshot: AuthSnapshot): void {
    this.secret = snapshot.secret;
    this.refreshTokens = new Map(snapshot.refreshTokens);
    this.accessTokens = new Map(snapshot.accessTokens);
  }

  reset(): void {
    for (const map of [this.transactions, this.tickets, this.flows, this.flowsByX, this.codes, this.refreshTokens, this.accessTokens, this.failures]) map.clear();
    this.csrfSecrets.clear();
  }

  pruneTransactions(nowMs: number, ttlMs: number): void {
    for (const [key, tx] of this.transactions) if (nowMs - tx.createdAtMs > ttlMs) this.transactions.delete(key);
  }

  /** Signed cookie value in the `s:<value>.<sig>` style of express-session, which Auth0's cookies use. */
  signedCookie(value: string): string {
    const sig = createHash("sha256").update(`${this.secret}:${value}`).digest("base64url").slice(0, 43);
    return `s:${value}.${sig}`;
  }

  /**
   * The page's `_csrf` (csurf style `<salt>-<hash>`) derived from the cookie secret. The salt is alphanumeric (as
   * csurf's): a base64url salt could contain "-" and the token would no longer split at its first dash.
   */
  csrfPageToken(secret: string, salt = randomHex(4)): string {
    return `${salt}-${createHash("sha1").update(`${salt}-${secret}`).digest("base64url")}`;
  }

  /** The body `_csrf` may be the cookie value itself (P2G/PHP/DadArcade) or the page token (HB). */
  csrfMatches(cookie: string | undefined, body: string): boolean {
    if (!cookie || !this.csrfSecrets.has(cookie)) return false;
    if (body === cookie) return true;
    const dash = body.indexOf("-");
    return dash > 0 && this.csrfPageToken(cookie, body.slice(0, dash)) === body;
  }
}
