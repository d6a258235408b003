"use client";

import { QueryClientProvider } from "@tanstack/react-query";
import { useState } from "react";
import { createQueryClient } from "@/hooks/query-client";

/** One QueryClient per browser session (created in state, never at module scope). */
export function Providers({ children }: { children: React.ReactNode }) {
  const [client] = useState(createQueryClient);
  return <QueryClientProvider client={client}>{children}</QueryClientProvider>;
}

// The (app) error boundary's module rides in this chunk (see docs/quality.md): as a chunk of its own it was fetched
// only after React booted, one more round trip before every signed-in page could hydrate.
export { default as AppErrorFallback } from "./error";
