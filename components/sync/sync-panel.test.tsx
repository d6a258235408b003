import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it, vi } from "vitest";
import type { SyncProgress } from "@/lib/domain/sync";
import { finishedLabel } from "@/lib/format/sync-progress";
import { SyncPanel } from "./sync-panel";

vi.mock("next/navigation", () => ({ useRouter: () => ({ refresh: () => undefined }) }));
vi.mock("@/actions/sync", () => ({ startSyncAction: vi.fn(), cancelSyncAction: vi.fn(), resumeSyncAction: vi.fn() }));

// 05:30 UTC on 1 January: 21:30 the evening before in Los Angeles.
const FINISHED = "2026-01-01T05:30:00.000Z";

const done: SyncProgress = {
  jobId: "j1", kind: "incremental", phase: "done", total: 10, done: 10, failed: 0, remoteTotal: 10, listComplete: true, ratePerMinute: null, etaSeconds: null,
  lastError: null, pauseReason: null, resumeAfter: null, startedAt: "2026-01-01T05:29:00.000Z", finishedAt: FINISHED, requests: 12, steps: 1,
};

function render(node: React.ReactNode): string {
  return renderToStaticMarkup(<QueryClientProvider client={new QueryClient()}>{node}</QueryClientProvider>);
}

describe("server-rendered times are on the user's clock, not the server's", () => {
  it("the sync panel says when the last sync finished in the user's zone", () => {
    expect(render(<SyncPanel initial={done} hasHistory timeZone="America/Los_Angeles" />)).toContain("Last sync finished 31 Dec 2025, 21:30.");
    expect(render(<SyncPanel initial={done} hasHistory timeZone="Asia/Tokyo" />)).toContain("Last sync finished 1 Jan 2026, 14:30.");
  });

  it("shows the finish time the server formatted (no Intl on a phone's load)", () => {
    const label = finishedLabel(done, "Asia/Tokyo");
    expect(label).toBe("1 Jan 2026, 14:30");
    const formatSpy = vi.spyOn(Intl, "DateTimeFormat");
    expect(render(<SyncPanel initial={done} hasHistory timeZone="Asia/Tokyo" initialFinished={label} />)).toContain("Last sync finished 1 Jan 2026, 14:30.");
    expect(formatSpy).not.toHaveBeenCalled();
    formatSpy.mockRestore();
  });
});
