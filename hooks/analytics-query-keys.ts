/**
 * React Query keys of the analytics pages; each holds every input of its query. (The client helper is gathering all
 * keys in one module; these join it when both land.)
 */
export const analyticsKeys = {
  progress: () => ["analytics", "progress"] as const,
  planned: (start: string, end: string) => ["calendar", "planned", start, end] as const,
};
