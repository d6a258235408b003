import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { addCompileHints, COMPILE_HINT } from "./compile-hints";

function fakeBuild() {
  const dist = mkdtempSync(path.join(tmpdir(), "hints-"));
  mkdirSync(path.join(dist, "static/chunks"), { recursive: true });
  const chunk = (name: string, body: string) => writeFileSync(path.join(dist, "static/chunks", name), body);
  chunk("react-dom.js", "(globalThis.TURBOPACK||[]).push([1,()=>{}]);");
  chunk("runtime.js", "(()=>{let e;})();");
  chunk("chart.js", "(globalThis.TURBOPACK||[]).push([2,()=>{}]);");
  writeFileSync(path.join(dist, "build-manifest.json"), JSON.stringify({ rootMainFiles: ["static/chunks/react-dom.js", "static/chunks/runtime.js"], polyfillFiles: [] }));
  return { dist, read: (name: string) => readFileSync(path.join(dist, "static/chunks", name), "utf8") };
}

describe("compile hints on the startup chunks", () => {
  it("marks every chunk each page runs at startup, first line, and leaves the others lazy", () => {
    const build = fakeBuild();
    expect(addCompileHints(build.dist)).toEqual(["static/chunks/react-dom.js", "static/chunks/runtime.js"]);
    expect(build.read("react-dom.js")).toBe(`${COMPILE_HINT}(globalThis.TURBOPACK||[]).push([1,()=>{}]);`);
    expect(build.read("runtime.js").startsWith("//# allFunctionsCalledOnLoad\n(()=>")).toBe(true);
    expect(build.read("chart.js").startsWith("//#")).toBe(false);
  });

  it("is idempotent (a second run does not stack the comment)", () => {
    const build = fakeBuild();
    addCompileHints(build.dist);
    addCompileHints(build.dist);
    expect(build.read("react-dom.js").split(COMPILE_HINT)).toHaveLength(2);
  });
});
