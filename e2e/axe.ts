import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** The accessibility bar (docs/quality.md): no serious or critical axe violation, WCAG 2.x A and AA rules. */
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
const BLOCKING = new Set(["serious", "critical"]);

export type AxeFinding = { id: string; impact: string; help: string; nodes: string[] };

/** Runs axe on the page as it is now and returns the serious and critical violations, one per rule. */
export async function blockingAxeViolations(page: Page): Promise<AxeFinding[]> {
  const { violations } = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
  return violations
    .filter((v) => BLOCKING.has(v.impact ?? ""))
    .map((v) => ({ id: v.id, impact: v.impact ?? "", help: v.help, nodes: v.nodes.slice(0, 5).map((n) => `${n.target.join(" ")} — ${n.failureSummary ?? ""}`) }));
}

/** A readable report of findings for a failing assertion or the benchmark log. */
export function formatAxeFindings(label: string, findings: AxeFinding[]): string {
  return findings.map((f) => `${label}: [${f.impact}] ${f.id} — ${f.help}\n    ${f.nodes.join("\n    ")}`).join("\n");
}
