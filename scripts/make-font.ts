import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import subsetFont from "subset-font";

/**
 * Writes app/fonts/inter-latin-400-700.woff2, the app's one web font (loaded by app/layout.tsx through
 * next/font/local): Inter (SIL Open Font License, app/fonts/LICENSE-Inter.txt) cut down to the characters the app
 * and riders' names use, the weights the app draws (400–700, one variable file) and the OpenType features it uses,
 * 22 KB instead of 48 KB.
 * Why a web font at all: on Linux a system font costs the renderer a round trip to the browser process per size
 * and weight on a page's first layout (docs/quality.md, "Phones, third round"). Characters outside the subset fall
 * back to the system font, glyph by glyph. Run `npx tsx scripts/make-font.ts` after changing the characters; the
 * file is committed, and scripts/make-font.test.ts fails when it no longer matches this script.
 */
export const FONT_FILE = "app/fonts/inter-latin-400-700.woff2";

/** Printable ASCII, Latin-1 (accented names, · × ± ° ©) and the typographic punctuation the app writes. */
export function fontCharacters(): string {
  let text = "";
  for (let c = 0x20; c < 0x7f; c++) text += String.fromCharCode(c);
  for (let c = 0xa0; c <= 0xff; c++) if (c !== 0xad) text += String.fromCharCode(c); // not the soft hyphen: never drawn
  return text + "–—‘’“”•…′″−€Œœı↑↓";
}

/**
 * The OpenType features kept: those browsers apply to Latin text by default (kerning, ligatures, composition and
 * marks, localized forms, variations) and `tnum`, which `tabular-nums` asks for. The rest (contextual alternates,
 * fractions, stylistic sets, slashed zero, superscripts…) nothing in the app asks for, and their glyphs and rules
 * were a fifth of the file: 28.2 → 21.9 KB (docs/quality.md, "sixth round"). Using a Tailwind class that needs
 * another feature fails scripts/make-font.test.ts until the feature is added here.
 */
export const FONT_FEATURES = ["kern", "liga", "ccmp", "locl", "mark", "mkmk", "rvrn", "tnum"];

function sourceFont(): Buffer {
  const require = createRequire(import.meta.url);
  const dir = require.resolve("@fontsource-variable/inter/package.json").replace(/package\.json$/, "");
  return readFileSync(`${dir}files/inter-latin-wght-normal.woff2`);
}

export async function makeFont(format: "woff2" | "truetype" = "woff2"): Promise<Buffer> {
  return subsetFont(sourceFont(), fontCharacters(), { targetFormat: format, variationAxes: { wght: { min: 400, max: 700 } }, keepFeatures: FONT_FEATURES });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const bytes = await makeFont();
  writeFileSync(FONT_FILE, bytes);
  console.log(`${FONT_FILE}: ${bytes.length} bytes`);
}
