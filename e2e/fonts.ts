import type { Page } from "@playwright/test";

/**
 * Text on a page's first screen drawn with a font other than the app's web font: "family: text" per element. Each
 * such family costs the page's first layout a synchronous font lookup in the browser process, 5–60 ms on Linux
 * (docs/quality.md, eighth and ninth rounds), and Lighthouse's phone charges it four times over.
 */
export async function systemFontsOnFirstScreen(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send("DOM.enable");
    await cdp.send("CSS.enable");
    const { root } = await cdp.send("DOM.getDocument", { depth: -1, pierce: true });
    const viewport = await page.evaluate(() => ({ width: innerWidth, height: innerHeight }));
    type Node = { nodeId: number; nodeType: number; nodeValue: string; localName: string; children?: Node[] };
    const withText: Node[] = [];
    const walk = (node: Node) => {
      if (node.nodeType === 1 && node.localName !== "script" && node.localName !== "style" && node.children?.some((c) => c.nodeType === 3 && c.nodeValue.trim())) withText.push(node);
      for (const child of node.children ?? []) walk(child);
    };
    walk(root as Node);
    const found: string[] = [];
    for (const node of withText) {
      const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId: node.nodeId });
      const others = fonts.filter((f) => !/^inter\b/i.test(f.familyName));
      if (others.length === 0) continue;
      // Only what the first screen shows: text below it is laid out later, when the reader gets there.
      const box = await cdp.send("DOM.getBoxModel", { nodeId: node.nodeId }).catch(() => undefined);
      const top = box?.model.border[1];
      if (top === undefined || top >= viewport.height) continue;
      const text = (node.children ?? []).filter((c) => c.nodeType === 3).map((c) => c.nodeValue).join("").trim().slice(0, 40);
      found.push(...others.map((f) => `${f.familyName}: ${text}`));
    }
    return found;
  } finally {
    await cdp.detach();
  }
}
