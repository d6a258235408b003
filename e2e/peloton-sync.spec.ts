import { expect, test } from "@playwright/test";
import { connectPeloton, pelotonAdmin, resetSimulators, screenshot, signIn } from "./helpers";

test.beforeEach(resetSimulators);

test("syncs the demo history with a progress bar, survives a reload mid-sync, and finishes", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page);
  await page.goto("/connections");
  // Slow Peloton down so the sync is still in progress when we reload (at 40 ms a quiet machine finished all 320
  // workouts before the reloaded page looked).
  await pelotonAdmin("latency", { ms: 100 });
  await connectPeloton(page);

  // Connecting starts the sync; the server runs it, the page only shows its progress.
  const panel = page.getByTestId("sync-panel");
  await expect(panel.getByTestId("sync-phase")).toHaveText(/Downloading workout data|Listing your workouts/);
  await expect(panel.getByRole("progressbar")).toBeVisible();
  await expect.poll(async () => Number((await panel.getByTestId("sync-counts").textContent())?.match(/^([\d,]+) of/)?.[1]?.replace(/,/g, "") ?? 0), { timeout: 60_000 }).toBeGreaterThan(20);

  await page.reload();
  // The job lives in the database: after the reload the panel picks it up and keeps going.
  await expect(panel.getByTestId("sync-phase")).toHaveText(/Downloading workout data|Finishing up/, { timeout: 15_000 });
  await screenshot(page, "sync-in-progress");
  await expect(panel.getByTestId("sync-phase")).toHaveText("Up to date", { timeout: 150_000 });
  await expect(panel.getByTestId("sync-counts")).toHaveText(/^320 of 320 workouts synced/);

  await page.goto("/workouts");
  await expect(page.getByTestId("history-table")).toBeVisible();
  await expect(page.getByText("320 in your history")).toBeVisible();
});
