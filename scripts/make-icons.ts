import { writeFileSync } from "node:fs";
import path from "node:path";
import { drawIcon, iconSvg } from "./icons/draw";
import { encodeIco, encodePng } from "./icons/png";

/**
 * Writes the app's icons into public/: favicon.ico (16, 32, 48), icon.svg, apple-touch-icon.png (180) and the web
 * manifest's icon-192.png, icon-512.png and icon-maskable-512.png. Run `npx tsx scripts/make-icons.ts` after changing
 * the mark (scripts/icons/draw.ts); the files are committed.
 */
export function iconFiles(): Record<string, Buffer | string> {
  const png = (size: number, maskable = false) => encodePng(size, size, drawIcon(size, { maskable }));
  return {
    "favicon.ico": encodeIco([16, 32, 48].map((size) => ({ size, png: png(size) }))),
    "icon.svg": iconSvg(),
    "apple-touch-icon.png": png(180, true),
    "icon-192.png": png(192),
    "icon-512.png": png(512),
    "icon-maskable-512.png": png(512, true),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const [name, body] of Object.entries(iconFiles())) writeFileSync(path.join("public", name), body);
  console.log("icons written to public/");
}
