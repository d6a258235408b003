// Types for scripts/serve.mjs (plain JavaScript, so a production server needs nothing but node and the build).
import type { IncomingMessage, ServerResponse } from "node:http";

export type PrecompressedIndex = Map<string, { file: string; type: string }>;
export function acceptsBrotli(header: string | string[] | undefined): boolean;
export function precompressedIndex(distDir: string): PrecompressedIndex;
export function configuredHeaders(distDir: string): (pathname: string) => [string, string][];
export function servePrecompressed(
  req: IncomingMessage,
  res: ServerResponse,
  build: { index: PrecompressedIndex; headersFor: (pathname: string) => [string, string][]; cache?: Map<string, Buffer> },
): boolean;
