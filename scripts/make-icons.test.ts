import { readFileSync } from "node:fs";
import { inflateSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { iconFiles } from "./make-icons";
import { crc32 } from "./icons/png";

/** Reads a PNG's chunks, checking each CRC; returns the size and the inflated pixel rows. */
function readPng(bytes: Buffer): { width: number; height: number; raw: Buffer } {
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  let at = 8;
  let width = 0;
  let height = 0;
  const idat: Buffer[] = [];
  while (at < bytes.length) {
    const length = bytes.readUInt32BE(at);
    const type = bytes.toString("ascii", at + 4, at + 8);
    const data = bytes.subarray(at + 8, at + 8 + length);
    expect(bytes.readUInt32BE(at + 8 + length)).toBe(crc32(bytes.subarray(at + 4, at + 8 + length)));
    if (type === "IHDR") {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
    }
    if (type === "IDAT") idat.push(data);
    at += 12 + length;
  }
  return { width, height, raw: inflateSync(Buffer.concat(idat)) };
}

describe("app icons", () => {
  const files = iconFiles();

  it("are valid PNGs of the sizes the manifest names", () => {
    for (const [name, size] of [["icon-192.png", 192], ["icon-512.png", 512], ["icon-maskable-512.png", 512], ["apple-touch-icon.png", 180]] as const) {
      const png = readPng(files[name] as Buffer);
      expect({ name, width: png.width, height: png.height }).toEqual({ name, width: size, height: size });
      expect(png.raw.length).toBe((size * 4 + 1) * size);
    }
  });

  it("favicon.ico holds 16, 32 and 48 px PNGs", () => {
    const ico = files["favicon.ico"] as Buffer;
    expect(ico.readUInt16LE(2)).toBe(1);
    expect(ico.readUInt16LE(4)).toBe(3);
    const sizes = [0, 1, 2].map((i) => {
      const length = ico.readUInt32LE(6 + 16 * i + 8);
      const offset = ico.readUInt32LE(6 + 16 * i + 12);
      return readPng(ico.subarray(offset, offset + length)).width;
    });
    expect(sizes).toEqual([16, 32, 48]);
  });

  it("in public/ are what scripts/make-icons.ts writes", () => {
    for (const [name, body] of Object.entries(files)) expect(readFileSync(`public/${name}`).equals(Buffer.from(body)), name).toBe(true);
  });
});
