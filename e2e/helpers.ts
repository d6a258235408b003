import { expect, type Page } from "@playwright/test";
import { E2E_PELOTON_URL, E2E_TP_URL } from "./ports";

/** Page-level helpers shared by the specs. */

export async function tpAdmin(path: string, body?: unknown, method = "POST"): Promise<void> {
  await simAdmin(E2E_TP_URL, path, body, method);
}

export async function pelotonAdmin(path: string, body?: unknown, method = "POST"): Promise<void> {
  await simAdmin(E2E_PELOTON_URL, path, body, method);
}

async function simAdmin(base: string, path: string, body: unknown, method: string): Promise<void> {
  const res = await fetch(`${base}/__admin/${path}`, {
    method,
    headers: { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!res.ok) throw new Error(`simulator admin ${path} failed: ${res.status}`);
}

/** From the sign-in page through the simulator's consent page. */
export async function startSignIn(page: Page): Promise<void> {
  await page.goto("/signin");
  await page.getByRole("button", { name: /sign in with trainingpeaks/i }).click();
  await expect(page.getByRole("heading", { name: /wants to access your TrainingPeaks account/i })).toBeVisible();
}

export async function signIn(page: Page, athleteId?: number): Promise<void> {
  await startSignIn(page);
  if (athleteId) await page.locator("select#athlete").selectOption(String(athleteId));
  await page.getByRole("button", { name: "Authorize" }).click();
  await page.waitForURL("**/dashboard");
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `e2e/screenshots/${name}.png`, fullPage: true });
}
