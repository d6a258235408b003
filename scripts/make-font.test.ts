import { readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { FONT_FEATURES, FONT_FILE, fontCharacters, makeFont } from "./make-font";

/** Where a TrueType font's table starts, from its table directory; -1 when it has none. */
function tableOffset(ttf: Buffer, tag: string): number {
  for (let i = 0; i < ttf.readUInt16BE(4); i++) if (ttf.toString("ascii", 12 + i * 16, 16 + i * 16) === tag) return ttf.readUInt32BE(20 + i * 16);
  return -1;
}

/** The code points a TrueType font maps, from its cmap (format 4 and 12 subtables). */
function cmapCodePoints(ttf: Buffer): Set<number> {
  const cmap = tableOffset(ttf, "cmap");
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

/** The feature tags of a TrueType font's GSUB and GPOS tables (their FeatureList). */
function featureTags(ttf: Buffer): Set<string> {
  const tags = new Set<string>();
  for (const at of [tableOffset(ttf, "GSUB"), tableOffset(ttf, "GPOS")].filter((offset) => offset > 0)) {
    const list = at + ttf.readUInt16BE(at + 6);
    for (let f = 0; f < ttf.readUInt16BE(list); f++) tags.add(ttf.toString("ascii", list + 2 + f * 6, list + 6 + f * 6));
  }
  return tags;
}

/** Tailwind's font-variant-numeric classes and the OpenType feature each one asks the font for. */
const CLASS_FEATURES: Record<string, string> = {
  "tabular-nums": "tnum",
  "proportional-nums": "pnum",
  "lining-nums": "lnum",
  "oldstyle-nums": "onum",
  "slashed-zero": "zero",
  ordinal: "ordn",
  "diagonal-fractions": "frac",
  "stacked-fractions": "afrc",
};

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

  it("keeps the OpenType features the app's classes and styles ask for", async () => {
    const tags = featureTags(await makeFont("truetype"));
    expect(tags).toContain("kern");
    const asked = new Set<string>();
    for (const file of [...sourceFiles("app"), ...sourceFiles("components"), "app/globals.css"]) {
      const text = readFileSync(file, "utf8");
      for (const [cls, feature] of Object.entries(CLASS_FEATURES)) if (new RegExp(`[\\s"'\`]${cls}[\\s"'\`]`).test(text)) asked.add(feature);
      for (const match of text.matchAll(/font-feature-settings:\s*([^;}]+)/g)) for (const tag of match[1]!.matchAll(/"(\w{4})"/g)) asked.add(tag[1]!);
    }
    expect(asked.has("tnum")).toBe(true); // the figures in tables and stat tiles line up
    expect([...asked].filter((feature) => !FONT_FEATURES.includes(feature) || !tags.has(feature))).toEqual([]);
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
