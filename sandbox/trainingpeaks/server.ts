import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { ManualClock } from "../shared/clock";
import { FaultController, type FaultRule } from "../shared/faults";
import { readBody, sleep } from "../shared/http";
import type { SimulatorBaseOptions } from "../shared/options";
import { type AdminActions, handleAdmin } from "./admin";
import { handleApi, isApiPath } from "./api";
import { DEMO_ATHLETES, findAthlete } from "./athletes";
import { handleAuthorize } from "./authorize";
import { WorkoutCatalog } from "./catalog";
import { renderWorkoutPage } from "./consent-page";
import { clearStats, ConsentNonces, emptyStats, pushCapped, type SimContext, type SimRequest } from "./context";
import { type GrantSnapshot, GrantStore, type TokenResponse } from "./grants";
import { renderIisNotFound } from "./page-layout";
import { empty, html, json, type SimResponse, text, writeResponse } from "./responses";
import { DEFAULT_REDIRECT_URIS, DEMO_CLIENT, isKnownScope } from "./scopes";
import { handleDeauthorize, handleToken } from "./token";
import { type UploadSnapshot, UploadStore } from "./uploads";
import { type PersistedState, persistState } from "../shared/persist";

export { DEMO_ATHLETES } from "./athletes";
export type { SeedAthlete } from "./athletes";
export { DEMO_CLIENT } from "./scopes";
export type { TokenResponse } from "./grants";
export type { SimulatorStats } from "./context";
export type { FileStatus, UploadLog, UploadRecord, UploadSettings } from "./uploads";

/** Access tokens live 3600 s and codes 3600 s (TrainingPeaks: 60 minutes) unless given; the clock is wrapped in a ManualClock. */
export interface TrainingPeaksSimulatorOptions extends SimulatorBaseOptions {
  /** How long a rotated refresh token stays usable; default 0. */
  refreshGraceSeconds?: number;
  /** Registered redirect URIs of the demo client. */
  redirectUris?: string[];
  /** Status polls of an upload answered "Processing" before "Success"; default 1 (0: the workout exists at once). */
  uploadProcessingPolls?: number;
  /** Largest `POST /v3/file` body and decoded file; default 30 MB. */
  maxUploadBytes?: number;
  /**
   * Keep grants, tokens and uploads in `<stateDir>/trainingpeaks.json` across restarts (the demo: `.data/simulators`);
   * unset (tests): in memory only.
   */
  stateDir?: string;
}

/** A running simulator: what the admin endpoints may do (admin.ts), its address, and close. */
export interface TrainingPeaksSimulator extends AdminActions {
  url: string;
  port: number;
  /** Tokens for an athlete without the browser flow (default: demo athlete, every client scope). */
  issueTokens(input?: { athleteId?: number; scopes?: string[] }): TokenResponse;
  close(): Promise<void>;
}

const DEFAULT_MAX_UPLOAD_BYTES = 30 * 1024 * 1024;

/** Reads up to `limit` bytes; past it, drains the rest (so a 413 can still be written) and returns null. */
async function readBodyUpTo(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buf.length;
    if (size <= limit) chunks.push(buf);
  }
  return size > limit ? null : Buffer.concat(chunks);
}

function normalizePath(pathname: string): string {
  return pathname.length > 1 && pathname.endsWith("/") ? pathname.replace(/\/+$/, "") || "/" : pathname;
}

function injectedResponse(rule: FaultRule & { status: number }): SimResponse {
  const headers: Record<string, string> = { ...rule.headers };
  if (rule.retryAfterSeconds !== undefined) headers["Retry-After"] = String(rule.retryAfterSeconds);
  if (rule.body === undefined) {
    if (rule.status === 429) return json(429, { error: "rate_limited" }, headers);
    if (rule.status >= 500) return html(rule.status, `<html><body><h1>${rule.status} - Service error</h1></body></html>`, headers);
    return empty(rule.status, headers);
  }
  return typeof rule.body === "string" ? text(rule.status, rule.body, headers) : json(rule.status, rule.body, headers);
}

async function route(ctx: SimContext, req: SimRequest): Promise<SimResponse> {
  if (req.route === "/oauth/authorize") return handleAuthorize(ctx, req);
  if (req.route === "/oauth/token") return handleToken(ctx, req);
  if (req.route === "/oauth/deauthorize") return handleDeauthorize(ctx, req);
  const api = await handleApi(ctx, req);
  if (api) return api;
  const page = /^\/workout\/(\d+)$/.exec(req.route);
  const workout = page ? ctx.catalog.findAny(Number(page[1])) : undefined;
  if (workout && req.method === "GET") return html(200, renderWorkoutPage(workout, findAthlete(workout.AthleteId)));
  return html(404, renderIisNotFound());
}

export async function startTrainingPeaksSimulator(opts: TrainingPeaksSimulatorOptions = {}): Promise<TrainingPeaksSimulator> {
  const clock = opts.clock instanceof ManualClock ? opts.clock : new ManualClock(opts.clock);
  const faults = new FaultController();
  const stats = emptyStats();
  const log = (line: string) => {
    if (!opts.quiet) console.log(`[trainingpeaks] ${line}`);
  };
  const grants = new GrantStore(clock, {
    accessTokenTtlSeconds: opts.accessTokenTtlSeconds ?? 3600,
    codeTtlSeconds: opts.codeTtlSeconds ?? 3600,
    refreshGraceSeconds: opts.refreshGraceSeconds ?? 0,
  });
  const consents = new ConsentNonces(clock);
  const uploadLimit = opts.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  const uploads = new UploadStore({ processingPolls: opts.uploadProcessingPolls ?? 1, maxBodyBytes: uploadLimit, maxFileBytes: uploadLimit });
  const client = { ...DEMO_CLIENT, redirectUris: [...(opts.redirectUris ?? DEFAULT_REDIRECT_URIS)] };
  // The catalog's links need the bound port, so the context is completed after listen().
  const state: { ctx?: SimContext } = {};
  let persisted: PersistedState = { changed: () => {}, flush: () => {} };

  const simulator = {
    clock,
    faults,
    stats,
    uploads,
    expireAccessTokens: () => grants.expireAccessTokens(),
    revokeGrants: (athleteId?: number) => grants.revokeAthlete(athleteId),
    issueTokens(input: { athleteId?: number; scopes?: string[] } = {}): TokenResponse {
      const athlete = findAthlete(input.athleteId ?? DEMO_ATHLETES.demo.id);
      if (!athlete) throw new Error(`Unknown athlete ${String(input.athleteId)}`);
      const scopes = input.scopes ?? client.scopes;
      const refused = scopes.filter((scope) => !isKnownScope(scope) || !client.scopes.includes(scope));
      if (refused.length > 0) throw new Error(`Scope not granted to ${client.name}: ${refused.join(" ")}`);
      return grants.grantDirectly(client.clientId, athlete.id, scopes);
    },
    reset() {
      faults.clear();
      clearStats(stats);
      grants.clear();
      consents.clear();
      uploads.clear(state.ctx?.catalog);
      clock.reset();
    },
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const method = (req.method ?? "GET").toUpperCase();
    const url = new URL(req.url ?? "/", "http://simulator.invalid");
    const path = normalizePath(url.pathname);
    const simReq: SimRequest = {
      method,
      path,
      route: path.toLowerCase(),
      query: url.searchParams,
      headers: req.headers,
      readBody: () => readBody(req),
      readBodyUpTo: (limit) => readBodyUpTo(req, limit),
    };
    if (simReq.route === "/__admin" || simReq.route.startsWith("/__admin/")) {
      writeResponse(res, await handleAdmin(simulator, simReq));
      persisted.changed();
      return;
    }
    if (isApiPath(simReq.route)) pushCapped(stats.userAgents, req.headers["user-agent"] ?? "");
    if (simReq.route === "/oauth/token") stats.tokenRequests += 1;
    const rule = faults.take(method, path);
    const delay = (rule?.delayMs ?? 0) + faults.latencyMs;
    if (delay > 0) await sleep(delay);
    if (rule?.reset) {
      pushCapped(stats.requests, { method, path, status: 0 });
      log(`${method} ${path} reset`);
      req.socket.destroy();
      return;
    }
    const response = rule?.status !== undefined ? injectedResponse({ ...rule, status: rule.status }) : state.ctx ? await route(state.ctx, simReq) : empty(503);
    pushCapped(stats.requests, { method, path, status: response.status });
    writeResponse(res, response, rule?.malformed === true);
    persisted.changed();
    log(`${method} ${path} ${response.status} ${Math.round(performance.now() - started)}ms`);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      console.error("[trainingpeaks] handler failed:", error instanceof Error ? error.message : error);
      if (res.headersSent) res.destroy();
      else writeResponse(res, html(500, "<html><body><h1>500 - Internal server error.</h1></body></html>"));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, opts.host ?? "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === "object" && address !== null ? address.port : 0;
  const publicUrl = (opts.publicUrl ?? `http://localhost:${port}`).replace(/\/+$/, "");
  const catalog = new WorkoutCatalog(clock.now(), { publicUrl });
  persisted = persistState<{ grants: GrantSnapshot; uploads: UploadSnapshot }>({
    dir: opts.stateDir,
    name: "trainingpeaks",
    snapshot: () => ({ grants: grants.snapshot(), uploads: uploads.snapshot() }),
    restore: (saved) => {
      grants.restore(saved.grants);
      uploads.restore(saved.uploads, catalog);
    },
    log,
  });
  state.ctx = { clock, client, grants, consents, stats, uploads, publicUrl, catalog };

  return {
    ...simulator,
    url: publicUrl,
    port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        persisted.flush();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
