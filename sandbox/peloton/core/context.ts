import type { ManualClock } from "@/sandbox/shared/clock";
import type { FaultController } from "@/sandbox/shared/faults";
import type { AuthState } from "./auth-state";
import type { DataStore } from "../data/store";
import type { Reply, SimRequest } from "./reply";

export interface PelotonStats {
  /** Requests to /oauth/token per grant type (attempts, successful or not). */
  tokenExchanges: { authorization_code: number; refresh_token: number };
  /** POSTs to /usernamepassword/login. */
  loginAttempts: number;
  /** Every request (path only: never query strings, which carry codes and states). */
  requests: { method: string; path: string; status: number; at: number }[];
  /** Highest number of /api/* requests in flight at once. */
  maxConcurrentApiRequests: number;
}

export interface ResolvedOptions {
  accessTokenTtlSeconds: number;
  codeTtlSeconds: number;
  redirectChain: "six-hop" | "one-hop";
  lockoutThreshold: number;
  heavyMemberWorkouts: number;
  quiet: boolean;
}

export interface SimContext {
  publicUrl: string;
  clock: ManualClock;
  faults: FaultController;
  auth: AuthState;
  data: DataStore;
  options: ResolvedOptions;
  stats: PelotonStats;
  log(message: string): void;
}

export type Handler = (req: SimRequest, ctx: SimContext) => Promise<Reply | undefined> | Reply | undefined;
