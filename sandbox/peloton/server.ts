import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { ManualClock, systemClock } from "../shared/clock";
import { FaultController, type FaultRule } from "../shared/faults";
import { sleep } from "../shared/http";
import type { SimulatorBaseOptions } from "../shared/options";
import { adminRoute, type AdminControls } from "./admin";
import { apiRoute } from "./api/routes";
import { authorize, loginPageRoute } from "./auth/authorize";
import { authorizeResume, continueRoute, loginCallback, ssoLoginDomain, ssoLoginSite } from "./auth/callback";
import { mfaChallenge, usernamePasswordLogin } from "./auth/login";
import { type AuthSnapshot, AuthState } from "./core/auth-state";
import { persistState } from "../shared/persist";
import { legacyAuthLogin, oauthToken } from "./auth/token";
import type { Handler, PelotonStats, ResolvedOptions, SimContext } from "./core/context";
import { memberByLogin } from "./data/members";
import { type DataSnapshot, DataStore, type NewWorkoutInput } from "./data/store";
import { htmlReply, jsonReply, textReply, toSimRequest, writeReply, type Reply } from "./core/reply";

export { DEMO_MEMBER, TEST_MEMBERS, type MemberCredentials } from "./data/members";
export type { NewWorkoutInput } from "./data/store";
export type { PelotonStats } from "./core/context";

/** Access tokens live 172800 s (48 h) and codes 60 s unless given. */
export interface PelotonSimulatorOptions extends SimulatorBaseOptions {
  /** Default "six-hop" (docs/peloton-api.md §2.5). */
  redirectChain?: "six-hop" | "one-hop";
  /** Consecutive failures before 429 too_many_attempts; default 5. */
  lockoutThreshold?: number;
  /** Size of the heavy member's history; default 3000. */
  heavyMemberWorkouts?: number;
  /** Where the generated histories end (epoch ms); default the start of today (UTC) on the clock. */
  historyEndMs?: number;
  /**
   * Keep tokens, the history's end and added workouts in `<stateDir>/peloton.json` across restarts (the demo:
   * `.data/simulators`); unset (tests): in memory only.
   */
  stateDir?: string;
}

export interface PelotonSimulator {
  url: string;
  port: number;
  clock: ManualClock;
  faults: FaultController;
  stats: PelotonStats;
  /** Every access token issued so far stops working (clients must refresh). */
  expireAccessTokens(): void;
  /** Refresh tokens of one member (by e-mail or username), or of everyone, stop working. */
  revokeRefreshTokens(email?: string): void;
  /** A new workout appears for the member (ended just now unless told otherwise); returns its id. */
  addWorkout(email: string, partial?: NewWorkoutInput): string;
  /** The member deletes a workout: it leaves the list and its endpoints answer 404. False if there was none. */
  deleteWorkout(id: string): boolean;
  /** Back to the initial state: tokens, lockouts, added and deleted workouts, faults, stats (and the clock, if the simulator made it). */
  reset(): void;
  close(): Promise<void>;
}

const MAX_RECORDED_REQUESTS = 20_000;

const ROUTES: Array<[string, string, Handler]> = [
  ["GET", "/authorize", authorize],
  ["GET", "/login", loginPageRoute],
  ["POST", "/usernamepassword/login", usernamePasswordLogin],
  ["POST", "/login/callback", loginCallback],
  ["GET", "/authorize/resume", authorizeResume],
  ["GET", "/sso/login_site", ssoLoginSite],
  ["GET", "/sso/login_domain", ssoLoginDomain],
  ["GET", "/continue", continueRoute],
  ["POST", "/oauth/token", oauthToken],
  ["POST", "/u/mfa-otp-challenge", mfaChallenge],
  ["POST", "/auth/login", legacyAuthLogin],
];

function injected(rule: FaultRule, api: boolean): Reply {
  const status = rule.status ?? 500;
  const headers: Record<string, string> = { ...(rule.headers ?? {}) };
  if (rule.retryAfterSeconds !== undefined) headers["Retry-After"] = String(rule.retryAfterSeconds);
  if (api) headers.Server = "cloudflare";
  if (typeof rule.body === "string") return textReply(status, rule.body, headers);
  if (rule.body !== undefined) return jsonReply(status, rule.body, headers);
  // Cloudflare's rate-limit page is plain text (docs/peloton-api.md §7).
  if (status === 429) return textReply(status, "error code: 1015", headers);
  return jsonReply(status, { status, message: STATUS_CODES[status] ?? "Error" }, headers);
}

export async function startPelotonSimulator(opts: PelotonSimulatorOptions = {}): Promise<PelotonSimulator> {
  const ownClock = !(opts.clock instanceof ManualClock);
  const clock = opts.clock instanceof ManualClock ? opts.clock : new ManualClock(opts.clock ?? systemClock);
  const options: ResolvedOptions = {
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 172800,
    codeTtlSeconds: opts.codeTtlSeconds ?? 60,
    redirectChain: opts.redirectChain ?? "six-hop",
    lockoutThreshold: opts.lockoutThreshold ?? 5,
    heavyMemberWorkouts: opts.heavyMemberWorkouts ?? 3000,
    quiet: opts.quiet ?? false,
  };
  const anchor = Math.floor((opts.historyEndMs ?? clock.now()) / 86_400_000) * 86_400;
  const stats: PelotonStats = { tokenExchanges: { authorization_code: 0, refresh_token: 0 }, loginAttempts: 0, requests: [], maxConcurrentApiRequests: 0 };
  const ctx: SimContext = {
    publicUrl: "",
    clock,
    faults: new FaultController(),
    auth: new AuthState(),
    data: new DataStore({ anchor, heavyCount: options.heavyMemberWorkouts, now: () => clock.now() }),
    options,
    stats,
    log: (message) => {
      if (!options.quiet) console.log(`[peloton-sim] ${message}`);
    },
  };

  const persisted = persistState<{ auth: AuthSnapshot; data: DataSnapshot }>({
    dir: opts.stateDir,
    name: "peloton",
    snapshot: () => ({ auth: ctx.auth.snapshot(), data: ctx.data.snapshot() }),
    restore: (saved) => {
      ctx.auth.restore(saved.auth);
      ctx.data.restore(saved.data);
    },
    log: ctx.log,
  });

  const controls: AdminControls = {
    expireAccessTokens: () => {
      for (const record of ctx.auth.accessTokens.values()) record.revoked = true;
    },
    revokeRefreshTokens: (email) => {
      const member = email ? memberByLogin(email) : undefined;
      if (email && !member) return;
      for (const record of ctx.auth.refreshTokens.values()) if (!member || record.memberKey === member.key) record.revoked = true;
    },
    addWorkout: (email, partial) => {
      const member = memberByLogin(email);
      if (!member) throw new Error(`unknown Peloton simulator member: ${email}`);
      return ctx.data.addWorkout(member, partial).id;
    },
    deleteWorkout: (id) => ctx.data.deleteWorkout(id),
    reset: () => {
      ctx.auth.reset();
      ctx.data.reset();
      ctx.faults.clear();
      if (ownClock) clock.reset();
      stats.tokenExchanges.authorization_code = 0;
      stats.tokenExchanges.refresh_token = 0;
      stats.loginAttempts = 0;
      stats.requests.length = 0;
      stats.maxConcurrentApiRequests = 0;
    },
  };

  let inFlightApi = 0;
  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const sreq = toSimRequest(req, ctx.publicUrl);
    const started = Date.now();
    const at = clock.now();
    if (sreq.path.startsWith("/__admin/")) {
      const reply = (await adminRoute(sreq, ctx, controls)) ?? jsonReply(404, { error: "unknown admin route" });
      persisted.changed();
      return writeReply(res, reply, false);
    }
    const api = sreq.path.startsWith("/api/");
    if (api) {
      inFlightApi++;
      stats.maxConcurrentApiRequests = Math.max(stats.maxConcurrentApiRequests, inFlightApi);
      res.once("close", () => inFlightApi--);
    }
    const record = (status: number) => {
      stats.requests.push({ method: sreq.method, path: sreq.path, status, at });
      if (stats.requests.length > MAX_RECORDED_REQUESTS) stats.requests.splice(0, stats.requests.length - MAX_RECORDED_REQUESTS);
      if (!options.quiet) console.log(`[peloton-sim] ${sreq.method} ${sreq.path} → ${status || "reset"} (${Date.now() - started} ms)`);
    };
    const rule = ctx.faults.take(sreq.method, sreq.path);
    const delay = (rule?.delayMs ?? 0) + ctx.faults.latencyMs;
    if (delay > 0) await sleep(delay);
    if (rule?.reset) {
      record(0);
      req.socket.destroy();
      return;
    }
    let reply: Reply;
    if (rule?.status !== undefined) reply = injected(rule, api);
    else {
      const route = ROUTES.find(([method, path]) => method === sreq.method && path === sreq.path);
      reply = (await (route ? route[2](sreq, ctx) : api ? apiRoute(sreq, ctx) : undefined)) ?? notFound(sreq.path);
      if (api || sreq.path === "/auth/login") reply = { ...reply, headers: { Server: "cloudflare", ...(reply.headers ?? {}) } };
    }
    writeReply(res, reply, rule?.malformed === true);
    if (sreq.method !== "GET") persisted.changed();
    record(reply.status);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      ctx.log(`internal error: ${error instanceof Error ? error.stack ?? error.message : String(error)}`);
      if (!res.headersSent) writeReply(res, jsonReply(500, { status: 500, message: "Internal simulator error" }), false);
      else res.destroy();
    });
  });
  const host = opts.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address ? (address satisfies AddressInfo).port : (opts.port ?? 0);
  ctx.publicUrl = (opts.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");

  return {
    url: ctx.publicUrl,
    port,
    clock,
    faults: ctx.faults,
    stats,
    ...controls,
    close: () =>
      new Promise<void>((resolve, reject) => {
        persisted.flush();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}

function notFound(path: string): Reply {
  if (path === "/") {
    return htmlReply(200, `<!DOCTYPE html><title>Peloton simulator</title><p>Local Peloton simulator: Auth0 login at /authorize, member API under /api, controls under /__admin.</p>`);
  }
  return jsonReply(404, { status: 404, error_code: 3050, subcode: null, message: "Endpoint not found", details: null });
}
