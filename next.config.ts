import type { NextConfig } from "next";
import { parseEnv } from "./server/env-schema";
import { staticSecurityHeaders } from "./lib/security/headers";
import { ACTION_BODY_LIMIT_BYTES } from "./lib/security/action-request";
import { addCompileHints } from "./scripts/lib/compile-hints";
import { precompressStatic } from "./scripts/lib/precompress";

// Fail fast with a readable message when the environment is invalid (server/env-schema.ts names each fix).
parseEnv(process.env);

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@prisma/adapter-pg", "pg"],
  typedRoutes: false,
  // The static security headers; the CSP with its per-request nonce comes from proxy.ts (docs/security.md).
  async headers() {
    const headers = Object.entries(staticSecurityHeaders(process.env.NODE_ENV === "production")).map(([key, value]) => ({ key, value }));
    return [{ source: "/:path*", headers }];
  },
  compiler: {
    // The chunks every page boots with are compiled on the streaming thread, not on the main thread mid-boot; then
    // every script and stylesheet gets its brotli copy for the self-hosted server (scripts/serve.mjs). Vercel's CDN
    // compresses on its own.
    runAfterProductionCompile: async ({ distDir }) => {
      addCompileHints(distDir);
      if (!process.env.VERCEL) precompressStatic(distDir);
    },
  },
  experimental: {
    // proxy.ts answers a declared bigger body with 413; this stops an undeclared (chunked) one.
    serverActions: { bodySizeLimit: `${ACTION_BODY_LIMIT_BYTES / 1024}kb` },
  },
};

export default nextConfig;
