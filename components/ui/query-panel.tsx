import type { ReactNode } from "react";
import { Alert } from "./alert";
import { Button } from "./button";

/** What a panel needs from a query or a mutation: React Query's UseQueryResult and UseMutationResult both fit. */
export interface PanelSource<T> {
  status: "idle" | "pending" | "error" | "success";
  /** queries only: "paused" while the browser is offline, "idle" when a disabled query was never asked */
  fetchStatus?: "idle" | "fetching" | "paused";
  data: T | undefined;
  error: Error | null;
  refetch?: () => unknown;
}

interface QueryPanelProps<T> {
  query: PanelSource<T>;
  /** placeholders shaped like the content, so nothing jumps when it arrives */
  loading: ReactNode;
  loadingLabel?: string;
  /** show the label above the placeholders (for waits long enough to explain); screen readers hear it either way */
  showLoadingLabel?: boolean;
  errorTitle: string;
  errorMessage?: (error: Error) => ReactNode;
  /** what "Try again" does; a query refetches by default, and without either there is no button */
  onRetry?: () => unknown;
  isEmpty?: (data: T) => boolean;
  /** what to do next when there is nothing to show */
  empty?: ReactNode;
  /** the panel sits in a box of fixed height, which the empty state fills */
  fill?: boolean;
  /** before a lazy query or a mutation has been asked for anything */
  idle?: ReactNode;
  children: (data: T) => ReactNode;
}

/** The one way a panel that loads data shows loading, failure, emptiness and its content. */
export function QueryPanel<T>({ query, loading, loadingLabel = "Loading…", showLoadingLabel = false, errorTitle, errorMessage, onRetry, isEmpty, empty, fill = false, idle = null, children }: QueryPanelProps<T>) {
  const { status, fetchStatus, data, error } = query;
  const fetching = fetchStatus === "fetching";
  if (status === "error" && error && !fetching) {
    const retry = onRetry ?? query.refetch;
    return (
      <Alert
        tone="danger"
        title={errorTitle}
        action={
          retry ? (
            <Button variant="secondary" onClick={() => void retry()}>
              Try again
            </Button>
          ) : undefined
        }
      >
        {errorMessage ? errorMessage(error) : error.message}
      </Alert>
    );
  }
  if (status === "success" && data !== undefined) {
    return isEmpty?.(data) ? <EmptyState className={fill ? "h-full" : ""}>{empty}</EmptyState> : <>{children(data)}</>;
  }
  if (status === "idle" || (status === "pending" && fetchStatus === "idle")) return <>{idle}</>;
  if (status === "pending" && fetchStatus === "paused") {
    return <EmptyState>You appear to be offline. This loads as soon as your connection is back.</EmptyState>;
  }
  return (
    <div aria-busy="true" className="space-y-2">
      <p role="status" className={showLoadingLabel ? "text-sm" : "sr-only"}>
        {loadingLabel}
      </p>
      {loading}
    </div>
  );
}

export function EmptyState({ children, className = "", testId }: { children: ReactNode; className?: string; testId?: string }) {
  return (
    <div className={`flex min-h-24 flex-col items-center justify-center gap-2 rounded-lg border border-dashed border-border p-6 text-center text-sm text-muted ${className}`} data-testid={testId}>
      {children}
    </div>
  );
}
