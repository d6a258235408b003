import { expect, test } from "@playwright/test";
import { screenshot, signIn, tpAdmin, withSyncedHistory } from "./helpers";

withSyncedHistory();

test("send a synced ride to TrainingPeaks, see it in the activities list and follow the link back", async ({ page }) => {
  test.setTimeout(90_000);
  await signIn(page);
  await page.goto("/workouts?discipline=cycling");
  // The newest ride may still be in progress (not sendable); the second is finished.
  await page.getByTestId("history-table").locator("tbody tr a").nth(1).click();
  await expect(page.getByText("Still in progress")).toHaveCount(0);
  const title = (await page.getByTestId("workout-title").textContent()) ?? "";
  const workoutUrl = page.url();

  const send = page.getByTestId("send-to-trainingpeaks");
  await send.getByRole("button", { name: "Send to TrainingPeaks" }).click();
  await expect(send).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  // "Already on TrainingPeaks" when the simulator happens to hold a ride at that start time: linked, not re-uploaded.
  await expect(send.getByText(/^(Sent to|Already on) TrainingPeaks$/)).toBeVisible();
  await expect(send.getByRole("link", { name: /Open in TrainingPeaks/ })).toHaveAttribute("href", /\/workout\/\d+$/);

  // The same session side by side: our figures and what TrainingPeaks computed from the uploaded file.
  const compare = page.getByTestId("workout-compare");
  await compare.getByRole("button", { name: "Compare with TrainingPeaks" }).click();
  await expect(compare.getByTestId("comparison-match")).toBeVisible({ timeout: 20_000 });
  await expect(compare.getByTestId("comparison-table")).toContainText("Normalized Power");
  await screenshot(page, "workout-sent-to-trainingpeaks");

  // A reload shows the stored result: the upload is never repeated.
  await page.reload();
  await expect(page.getByTestId("send-to-trainingpeaks")).toHaveAttribute("data-state", "done");

  await page.goto("/trainingpeaks");
  const back = page.getByTestId("autocoach-link");
  await expect(back).toHaveCount(1, { timeout: 20_000 });
  await expect(back.locator("xpath=ancestor::tr")).toContainText(title.trim().slice(0, 20));
  await screenshot(page, "trainingpeaks-activities-linked");
  await back.click();
  await expect(page).toHaveURL(workoutUrl);
  await expect(page.getByTestId("workout-title")).toHaveText(title);
});

test("download a workout as FIT and TCX, named by its class and the same local time the page and the comparison show", async ({ page }) => {
  await signIn(page);
  await page.goto("/workouts?discipline=cycling");
  await page.getByTestId("history-table").locator("tbody tr a").nth(1).click();
  const title = ((await page.getByTestId("workout-title").textContent()) ?? "").trim();
  // one zone (the user's) everywhere: the page's start, the comparison's and the file name's are the same wall clock
  const shown = /(\d{2}):(\d{2})/.exec((await page.getByTestId("workout-start").textContent()) ?? "");
  expect(shown).not.toBeNull();
  const [, hh, mm] = shown ?? [];
  await expect(page.getByTestId("workout-durations")).toContainText(/\d+:\d{2} recorded/);
  const compare = page.getByTestId("workout-compare");
  await compare.getByRole("button", { name: "Compare with TrainingPeaks" }).click();
  await expect(compare.getByTestId("comparison-summary")).toContainText(`${hh}:${mm}`, { timeout: 20_000 });
  const fit = page.waitForEvent("download");
  await page.getByTestId("export-fit").click();
  const fitDownload = await fit;
  expect(fitDownload.suggestedFilename()).toMatch(new RegExp(`^\\d{4}-\\d{2}-\\d{2} ${hh}-${mm} .+\\.fit$`));
  expect(fitDownload.suggestedFilename()).toContain(title.replace(/[\\/:*?"<>|]+/g, " ").replace(/\s+/g, " ").slice(0, 30));
  const tcx = page.waitForEvent("download");
  await page.getByTestId("export-tcx").click();
  const tcxDownload = await tcx;
  expect(tcxDownload.suggestedFilename()).toMatch(/\.tcx$/);
  const stream = await tcxDownload.createReadStream();
  let xml = "";
  for await (const chunk of stream) xml += String(chunk);
  expect(xml).toContain("<TrainingCenterDatabase");
  expect(xml).toContain("<Trackpoint>");
});

test("without TrainingPeaks access a ride's Send and Compare wait for the reconnect the notice asks for", async ({ page }) => {
  await signIn(page);
  await tpAdmin("revoke", {});
  await tpAdmin("expire-tokens", {});
  // the next call to TrainingPeaks finds the grant gone
  await page.goto("/trainingpeaks");
  await expect(page.getByRole("alert").filter({ hasText: "Reconnect TrainingPeaks" })).toBeVisible();
  await page.goto("/workouts?discipline=cycling");
  await page.getByTestId("history-table").locator("tbody tr a").nth(2).click();
  const send = page.getByTestId("send-to-trainingpeaks");
  await expect(send.getByRole("button", { name: "Send to TrainingPeaks" })).toBeDisabled();
  await expect(send.getByTestId("send-hint")).toHaveText("Sending resumes once TrainingPeaks is reconnected (above).");
  const compare = page.getByTestId("workout-compare");
  await expect(compare.getByRole("button", { name: "Compare with TrainingPeaks" })).toBeDisabled();
  await expect(compare.getByTestId("compare-hint")).toHaveText("Comparing needs TrainingPeaks reconnected (above).");
  // the downloads need nothing from TrainingPeaks
  await expect(page.getByTestId("export-fit")).toBeEnabled();
  await screenshot(page, "workout-trainingpeaks-paused");
  // reconnecting gives the buttons back
  await page.getByRole("button", { name: "Reconnect TrainingPeaks" }).first().click();
  await page.getByRole("button", { name: "Authorize" }).click();
  await page.waitForURL("**/workouts/**");
  await expect(page.getByTestId("send-to-trainingpeaks").getByRole("button", { name: "Send to TrainingPeaks" })).toBeEnabled();
});
