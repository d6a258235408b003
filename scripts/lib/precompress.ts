import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

/** The build's own text assets worth compressing ahead of time; fonts and images are compressed formats already. */
const COMPRESSIBLE = /\.(js|css|json|svg|txt)$/;
/** Smaller files gain too little to be worth a second file (one TCP segment either way). */
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` next to every compressible file under `<distDir>/static`, at brotli's best quality: the
 * self-hosted server (scripts/serve.mjs) sends it to browsers that accept brotli, as a CDN does on Vercel. Next's
 * own `next start` compresses with gzip on every request; brotli at quality 11 makes the boot scripts 13–14 % smaller
 * (158.5 → 136.9 KB), which on a phone's slow connection is one or two round trips fewer before the page can run
 * (docs/quality.md, "ninth round"). Runs after the compile hints (next.config.ts), so it compresses the final files.
 * Returns the number of files and their sizes, raw and compressed.
 */
export function precompressStatic(distDir: string): { files: number; rawBytes: number; brotliBytes: number } {
  const totals = { files: 0, rawBytes: 0, brotliBytes: 0 };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (COMPRESSIBLE.test(entry.name) && statSync(full).size >= MIN_BYTES) {
        const source = readFileSync(full);
        const compressed = brotliCompressSync(source, { params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: source.length } });
        writeFileSync(`${full}.br`, compressed);
        totals.files++;
        totals.rawBytes += source.length;
        totals.brotliBytes += compressed.length;
      }
    }
  };
  walk(path.join(distDir, "static"));
  return totals;
}
