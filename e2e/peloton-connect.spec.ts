import { expect, test } from "@playwright/test";
import { connectPeloton, pelotonAdmin, resetSimulators, screenshot, signIn, submitPelotonConnect } from "./helpers";

test.beforeEach(resetSimulators);

test("connects the demo Peloton member, shows lifetime stats, tests and disconnects", async ({ page }) => {
  await signIn(page);
  await page.getByRole("link", { name: "Connections" }).first().click();
  await expect(page.getByTestId("peloton-demo-hint")).toContainText("demo.rider@example.com");
  await connectPeloton(page);

  await expect(page.getByTestId("peloton-leaderboard-name")).toHaveText("DemoRider");
  const total = Number((await page.getByTestId("peloton-total-workouts").textContent())?.replace(/,/g, ""));
  expect(total).toBeGreaterThan(100);
  await expect(page.getByTestId("peloton-workout-counts")).toContainText("Cycling");
  await screenshot(page, "connections-peloton");

  await pelotonAdmin("workouts", { email: "demo.rider@example.com" });
  await page.getByRole("button", { name: "Test connection" }).click();
  await expect(page.getByTestId("peloton-test-result")).toContainText("Total workouts");

  await page.getByRole("button", { name: "Disconnect Peloton" }).click();
  await page.getByTestId("peloton-disconnect").getByRole("button", { name: "Disconnect", exact: true }).click();
  await expect(page.getByTestId("peloton-connect-form")).toBeVisible();
  await page.reload();
  await expect(page.getByTestId("peloton-connect-form")).toBeVisible();
});

test("a wrong Peloton password shows the message and stores nothing", async ({ page }) => {
  await signIn(page);
  await page.goto("/connections");
  await submitPelotonConnect(page, "demo.rider@example.com", "definitely-wrong");
  await expect(page.getByTestId("peloton-connect-error")).toContainText("did not accept that email and password");
  await expect(page.getByLabel("Password", { exact: true })).toHaveValue("");
  await page.reload();
  await expect(page.getByTestId("peloton-connect-form")).toBeVisible();
  await expect(page.getByTestId("peloton-status")).toHaveCount(0);
  await screenshot(page, "connections-peloton-wrong-password");
});
