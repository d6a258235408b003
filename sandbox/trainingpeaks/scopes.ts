/** The OAuth client registered with the simulator and the TrainingPeaks scope catalogue (docs/trainingpeaks-api.md §3). */
export const DEMO_CLIENT = {
  clientId: "autocoach-demo",
  clientSecret: "autocoach-demo-secret",
  name: "AutoCoach (demo)",
  scopes: ["athlete:profile", "workouts:read", "workouts:details", "file:write"],
};

export const DEFAULT_REDIRECT_URIS = ["http://localhost:3000/api/auth/callback/trainingpeaks"];

/** What each scope lets an app do, worded for the consent page. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  "athlete:profile": "View your profile: name, email, time zone, weight and training zones (FTP, threshold heart rate and pace).",
  "coach:athletes": "View the athletes you coach and their profiles.",
  "workouts:read": "View your planned and completed workouts and their summary data.",
  "workouts:details": "View detailed workout data: second-by-second power, heart rate, cadence and speed.",
  "workouts:plan": "Add, change and delete planned workouts on your calendar.",
  "workouts:wod": "View and download today's structured workouts.",
  "file:write": "Upload workout files (FIT, TCX, PWX) to your calendar.",
  "events:read": "View your events and races.",
  "events:write": "Add and change events and races.",
  "metrics:read": "View your daily metrics such as weight, HRV and sleep.",
  "metrics:write": "Add daily metrics such as weight, HRV and sleep.",
  "nutrition:read": "View your nutrition logs.",
  "nutrition:write": "Add nutrition logs.",
  "routes:read": "View your routes.",
  "routes:write": "Add and change routes.",
  "webhook:read-subscriptions": "View this app's webhook subscriptions.",
  "webhook:write-subscriptions": "Create and delete this app's webhook subscriptions.",
};

export function isKnownScope(scope: string): boolean {
  return Object.hasOwn(SCOPE_DESCRIPTIONS, scope);
}

/** Space- or plus-separated scope list, deduplicated, in request order. */
export function parseScopes(value: string | null | undefined): string[] {
  return [...new Set((value ?? "").split(/[\s+]+/).filter(Boolean))];
}
