import { expect, test } from "@playwright/test";
import { connectPeloton, pelotonAdmin, resetSimulators, signIn } from "./helpers";
import { E2E_PELOTON_URL, E2E_TP_URL } from "./ports";

/**
 * Sync by itself (docs/architecture.md "A sync step"): connecting Peloton starts the sync, the server runs it with
 * no page open, and the auto-send queue runs too. Uses its own TrainingPeaks athlete, so it is a user of its own.
 */
const CLIMBER = 4100125;
const MEMBER = "demo.rider@example.com";

async function simJson<T>(url: string): Promise<T> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return (await res.json()) as T;
}

/** Peloton requests so far, as the simulator saw them (the app's only trace outside its own database). */
const pelotonPaths = async () => (await simJson<{ requests: { path: string }[] }>(`${E2E_PELOTON_URL}/__admin/stats`)).requests.map((r) => r.path);
const tpUploads = async () => simJson<unknown[]>(`${E2E_TP_URL}/__admin/uploads`);

test.beforeEach(resetSimulators);

test("connect Peloton, leave: the whole history syncs and the auto-send queue runs with no page open", async ({ page }) => {
  test.setTimeout(240_000);
  await signIn(page, CLIMBER);
  await page.goto("/trainingpeaks");
  await page.getByLabel("Auto-send new rides to TrainingPeaks").check();
  await expect(page.getByTestId("auto-send")).toContainText(/On: workouts started on or after .+ go to TrainingPeaks after each sync\./);

  await pelotonAdmin("latency", { ms: 30 });
  await page.goto("/connections");
  await connectPeloton(page, MEMBER);

  // Every page shows the sync's progress in the app shell, not only Connections.
  await page.goto("/workouts");
  await expect(page.getByTestId("sync-indicator-phase")).toHaveText(/Listing your workouts|Downloading workout data/);

  // Leave: no page of the app is open while the server syncs.
  await page.goto("about:blank");
  const graphsBefore = (await pelotonPaths()).filter((p) => p.endsWith("/performance_graph")).length;
  // A full sync ends with the instructor list (its finalizing phase); nothing but the server asks Peloton for it.
  await expect.poll(async () => (await pelotonPaths()).some((p) => p.startsWith("/api/instructor")), { timeout: 180_000, intervals: [2_000] }).toBe(true);
  expect((await pelotonPaths()).filter((p) => p.endsWith("/performance_graph")).length).toBeGreaterThan(graphsBefore);

  await page.goto("/workouts");
  await expect(page.getByText("320 in your history")).toBeVisible();

  // A new ride, a sync started from the page, and the page left at once: the new ride reaches TrainingPeaks anyway.
  await pelotonAdmin("workouts", { email: MEMBER, kind: "power_zone", durationMinutes: 20, createdAt: Math.floor(Date.now() / 1000) - 5 });
  await page.goto("/connections");
  const started = page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/connections"));
  await page.getByTestId("sync-panel").getByRole("button", { name: "Sync now" }).click();
  await started;
  await page.goto("about:blank");
  await expect.poll(async () => (await tpUploads()).length, { timeout: 90_000, intervals: [2_000] }).toBe(1);

  await page.goto("/workouts");
  await expect(page.getByText("321 in your history")).toBeVisible();
  await page.goto("/connections");
  await expect(page.getByTestId("sync-panel").getByTestId("sync-phase")).toHaveText("Up to date");
  expect(await tpUploads()).toHaveLength(1);

  // Free the shared demo member for the other specs: one Peloton account belongs to one AutoCoach user at a time.
  await page.getByRole("button", { name: "Disconnect Peloton" }).click();
  await page.getByTestId("peloton-disconnect").getByRole("button", { name: "Disconnect", exact: true }).click();
  await expect(page.getByTestId("peloton-connect-form")).toBeVisible();
});
