import type { Clock } from "./clock";

/** What both simulators take when started (tests, e2e, the demo). */
export interface SimulatorBaseOptions {
  /** 0 = ephemeral (tests); default 0. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Base URL printed and used in links; default http://localhost:<port>. */
  publicUrl?: string;
  clock?: Clock;
  /** Lifetime of an access token. */
  accessTokenTtlSeconds?: number;
  /** Lifetime of an authorization code. */
  codeTtlSeconds?: number;
  /** Silence the per-request log lines. */
  quiet?: boolean;
}
