import { isServer, QueryClient } from "@tanstack/react-query";
import { AppError } from "@/lib/errors/app-error";

/** A refusal (4xx) comes back the same however often it is asked; a server fault or a lost connection may not. */
export function isRetryable(error: unknown): boolean {
  return !(error instanceof AppError && error.status >= 400 && error.status < 500);
}

const MAX_RETRIES = 2;

/**
 * The one QueryClient recipe: created once per browser session (app/providers.tsx) and once per request by server
 * pages that prefetch, never at module scope where two users' requests could share a cache.
 */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 60_000,
        refetchOnWindowFocus: false,
        // On the server a prefetch that fails is left to the browser, which asks again with its own retries.
        retry: (failures, error) => !isServer && failures < MAX_RETRIES && isRetryable(error),
      },
    },
  });
}
