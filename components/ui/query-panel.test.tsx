import { isValidElement, type ReactNode } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import { QueryPanel, type PanelSource } from "./query-panel";

const source = <T,>(over: Partial<PanelSource<T>>): PanelSource<T> => ({ status: "pending", fetchStatus: "fetching", data: undefined, error: null, ...over });

function panel(query: PanelSource<string[]>, extra: { onRetry?: () => void; errorMessage?: (e: Error) => ReactNode } = {}) {
  return (
    <QueryPanel
      query={query}
      loading={<div data-testid="skeleton" />}
      loadingLabel="Loading your rides"
      errorTitle="Couldn't load your rides"
      isEmpty={(rides) => rides.length === 0}
      empty={<p>No rides yet. Sync Peloton to see them.</p>}
      idle={<p>Press Compare to start.</p>}
      {...extra}
    >
      {(rides) => <ul>{rides.map((r) => <li key={r}>{r}</li>)}</ul>}
    </QueryPanel>
  );
}

const html = (query: PanelSource<string[]>, extra?: Parameters<typeof panel>[1]) => renderToStaticMarkup(panel(query, extra));

/** The onClick of the button whose text is `label`, found in the element tree QueryPanel returns. */
function clickHandler(node: ReactNode, label: string): (() => void) | null {
  if (!isValidElement(node)) return null;
  if (typeof node.type === "function" && node.type.name === "QueryPanel") return clickHandler((node.type as (p: unknown) => ReactNode)(node.props), label);
  const props = node.props as Record<string, unknown>;
  if (props.children === label && typeof props.onClick === "function") return props.onClick as () => void;
  for (const value of Object.values(props)) {
    for (const child of Array.isArray(value) ? value : [value]) {
      const found = clickHandler(child as ReactNode, label);
      if (found) return found;
    }
  }
  return null;
}

describe("QueryPanel", () => {
  it("shows the skeleton while loading, busy and labelled for screen readers", () => {
    const out = html(source({}));
    expect(out).toContain('aria-busy="true"');
    expect(out).toContain('data-testid="skeleton"');
    expect(out).toMatch(/<p role="status" class="sr-only">Loading your rides<\/p>/);
    expect(out).not.toContain("<ul>");
  });

  it("says it waits for the connection instead of loading forever while offline", () => {
    const out = html(source({ fetchStatus: "paused" }));
    expect(out).toContain("You appear to be offline");
    expect(out).not.toContain("skeleton");
  });

  it("shows the error's message with a Try again that refetches", () => {
    const refetch = vi.fn();
    const query = source<string[]>({ status: "error", fetchStatus: "idle", error: new Error("TrainingPeaks is not responding."), refetch });
    const out = html(query);
    expect(out).toContain('role="alert"');
    expect(out).toContain("Couldn&#x27;t load your rides");
    expect(out).toContain("TrainingPeaks is not responding.");
    expect(out).toContain(">Try again</button>");
    clickHandler(panel(query), "Try again")?.();
    expect(refetch).toHaveBeenCalledTimes(1);
  });

  it("retries through onRetry when given, maps the message, and has no button without a way to retry", () => {
    const onRetry = vi.fn();
    const error = new Error("raw");
    const mutation = source<string[]>({ status: "error", fetchStatus: undefined, error });
    expect(html(mutation, { errorMessage: () => "The file is too large." })).toContain("The file is too large.");
    expect(html(mutation)).not.toContain("Try again");
    clickHandler(panel(mutation, { onRetry }), "Try again")?.();
    expect(onRetry).toHaveBeenCalledTimes(1);
  });

  it("shows the skeleton, not the old error, while Try again is fetching", () => {
    const out = html(source({ status: "error", fetchStatus: "fetching", error: new Error("down") }));
    expect(out).toContain('data-testid="skeleton"');
    expect(out).not.toContain("down");
  });

  it("says what to do next when there is nothing to show", () => {
    const out = html(source({ status: "success", fetchStatus: "idle", data: [] }));
    expect(out).toContain("No rides yet. Sync Peloton to see them.");
    expect(out).toContain("border-dashed");
    expect(out).not.toContain("<ul>");
    expect(out).not.toContain("h-full");
  });

  it("fills a panel of fixed height with the empty state when asked", () => {
    const out = renderToStaticMarkup(
      <QueryPanel query={source({ status: "success", fetchStatus: "idle", data: [] })} loading={null} errorTitle="x" isEmpty={() => true} empty="Nothing yet." fill>
        {() => null}
      </QueryPanel>,
    );
    expect(out).toMatch(/class="[^"]*h-full[^"]*">Nothing yet\.<\/div>/);
  });

  it("renders the content, and keeps it on screen while it refreshes", () => {
    expect(html(source({ status: "success", fetchStatus: "idle", data: ["Climb", "Intervals"] }))).toContain("<ul><li>Climb</li><li>Intervals</li></ul>");
    expect(html(source({ status: "success", fetchStatus: "fetching", data: ["Climb"] }))).toContain("<li>Climb</li>");
  });

  it("shows the idle content before a lazy query or a mutation was asked", () => {
    expect(html(source({ status: "pending", fetchStatus: "idle" }))).toBe("<p>Press Compare to start.</p>");
    expect(html(source({ status: "idle", fetchStatus: undefined }))).toBe("<p>Press Compare to start.</p>");
  });
});
