import { describe, expect, it } from "vitest";
import { folderCycles, folderGraph, layerViolation, resolveImport } from "./boundaries.mjs";

describe("layer rules", () => {
  it("keeps lib/ pure: it may import only lib/", () => {
    expect(layerViolation("lib/metrics/power.ts", "lib/domain/workout.ts")).toBeNull();
    expect(layerViolation("lib/metrics/power.ts", "server/db/client.ts")).toMatch(/lib\/ is pure/);
    expect(layerViolation("lib/compare/match.ts", "components/ui/card.tsx")).toMatch(/only lib\//);
  });

  it("keeps server/ out of components/, hooks/ and client modules", () => {
    expect(layerViolation("components/dashboard/panel.tsx", "server/queries/dashboard.ts")).toMatch(/renders in the browser/);
    expect(layerViolation("hooks/use-weekly-volume.ts", "server/queries/dashboard.ts")).toMatch(/renders in the browser/);
    expect(layerViolation("app/(app)/x/_panel.tsx", "server/queries/dashboard.ts", { isClient: true })).toMatch(/"use client"/);
    expect(layerViolation("app/(app)/x/page.tsx", "server/queries/dashboard.ts")).toBeNull();
    expect(layerViolation("components/sync/sync-panel.tsx", "actions/sync.ts")).toBeNull();
  });

  it("keeps the simulators and tooling out of the app", () => {
    expect(layerViolation("app/api/cron/sync/route.ts", "sandbox/peloton/server.ts")).toMatch(/simulators and tooling/);
    expect(layerViolation("server/sync/step.ts", "test/sync-harness.ts")).toMatch(/simulators and tooling/);
    expect(layerViolation("scripts/peloton.ts", "sandbox/peloton/server.ts")).toBeNull();
  });

  it("keeps providers apart and server/ below the UI", () => {
    expect(layerViolation("server/providers/peloton/connection.ts", "server/providers/trainingpeaks/auth/config.ts")).toMatch(/peloton provider may not import the trainingpeaks/);
    expect(layerViolation("server/providers/peloton/connection.ts", "server/providers/peloton/auth/login.ts")).toBeNull();
    expect(layerViolation("server/push/push-workout.ts", "actions/workouts.ts")).toMatch(/below the UI/);
  });
});

describe("folder cycles", () => {
  it("counts a folder's own files as the folder, so lib/a.ts → lib/b/ → lib/c.ts is a loop", () => {
    const graph = new Map([
      ["lib", new Set(["lib/auth"])],
      ["lib/auth", new Set(["lib"])],
      ["lib/metrics", new Set(["lib/domain"])],
      ["lib/domain", new Set<string>()],
    ]);
    const { component, members } = folderCycles(graph);
    expect(members).toEqual([["lib", "lib/auth"]]);
    expect(component.has("lib/metrics")).toBe(false);
  });

  it("finds no loop between the folders of this repository", () => {
    const { members } = folderCycles(folderGraph());
    expect(members).toEqual([]);
  });

  it("resolves @/ and relative specifiers to files, and leaves packages alone", () => {
    expect(resolveImport("server/sync/step.ts", "./job")).toBe("server/sync/job.ts");
    expect(resolveImport("server/sync/step.ts", "@/lib/domain/sync")).toBe("lib/domain/sync.ts");
    expect(resolveImport("server/sync/step.ts", "zod")).toBeNull();
  });
});
