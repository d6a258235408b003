import type { Page } from "@playwright/test";

/**
 * A full-page picture of the page as a reader scrolling through it sees it: the page is scrolled through first, so
 * charts that mount near the viewport have mounted, and content that renders as it nears the viewport
 * (`content-visibility: auto`, docs/quality.md) is drawn, since a full-page capture never brings it near.
 * Used by the e2e screenshots (e2e/helpers.ts) and `npm run screens` (scripts/screens.ts).
 */
export async function readerScreenshot(page: Page, file: string, settleMs = 300): Promise<void> {
  await page.evaluate(async () => {
    const step = Math.max(200, window.innerHeight * 0.8);
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y);
      await new Promise((r) => setTimeout(r, 60));
    }
    window.scrollTo(0, 0);
  });
  await page.addStyleTag({ content: ".defer-render, .history-row { content-visibility: visible !important; }" });
  await page.waitForTimeout(settleMs);
  await page.screenshot({ path: file, fullPage: true });
}
