import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FONT_FILE, fontCharacters, makeFont } from "./make-font";

/** The code points a TrueType font maps, from its cmap (format 4 and 12 subtables). */
function cmapCodePoints(ttf: Buffer): Set<number> {
  const tables = ttf.readUInt16BE(4);
  let cmap = -1;
  for (let i = 0; i < tables; i++) if (ttf.toString("ascii", 12 + i * 16, 16 + i * 16) === "cmap") cmap = ttf.readUInt32BE(20 + i * 16);
  expect(cmap).toBeGreaterThan(0);
  const points = new Set<number>();
  const subtables = ttf.readUInt16BE(cmap + 2);
  for (let i = 0; i < subtables; i++) {
    const at = cmap + ttf.readUInt32BE(cmap + 8 + i * 8);
    const format = ttf.readUInt16BE(at);
    if (format === 4) {
      const segments = ttf.readUInt16BE(at + 6) / 2;
      for (let s = 0; s < segments; s++) {
        const end = ttf.readUInt16BE(at + 14 + s * 2);
        const start = ttf.readUInt16BE(at + 16 + segments * 2 + s * 2);
        for (let c = start; c <= end && c !== 0xffff; c++) points.add(c);
      }
    } else if (format === 12) {
      const groups = ttf.readUInt32BE(at + 12);
      for (let g = 0; g < groups; g++) for (let c = ttf.readUInt32BE(at + 16 + g * 12); c <= ttf.readUInt32BE(at + 20 + g * 12); c++) points.add(c);
    }
  }
  return points;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [file] : [];
  });
}

// Drawn by the system font, glyph by glyph, where they appear (Inter's Latin file has no arrows or maths).
// (U+00A7, the section sign, written as an escape so it does not read as a citation.)
const SYSTEM_FALLBACK = "→←↗↔≤≥≈÷ΣΔ₁₂²³⁴⁵¼✓⚠●∞√\u00a7©";

describe("the app's web font (scripts/make-font.ts)", () => {
  it("is the committed file: regenerating it changes nothing", async () => {
    expect((await makeFont()).equals(readFileSync(FONT_FILE))).toBe(true);
  }, 30_000);

  it("draws every character it promises, in one file of under 32 KB", async () => {
    const mapped = cmapCodePoints(await makeFont("truetype"));
    const missing = [...fontCharacters()].filter((ch) => !mapped.has(ch.codePointAt(0)!));
    expect(missing).toEqual([]);
    expect(readFileSync(FONT_FILE).length).toBeLessThan(32 * 1024);
  }, 30_000);

  it("covers every character the app's own text uses, or lists it as drawn by the system font", () => {
    const font = new Set([...fontCharacters(), ...SYSTEM_FALLBACK]);
    const used = new Set<string>();
    for (const file of [...sourceFiles("app"), ...sourceFiles("components"), ...sourceFiles("lib")]) {
      for (const ch of readFileSync(file, "utf8").match(/[^\x00-\x7f]/gu) ?? []) used.add(ch);
    }
    expect([...used].filter((ch) => !font.has(ch))).toEqual([]);
  });
});
