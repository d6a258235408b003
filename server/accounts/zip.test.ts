import { randomBytes } from "node:crypto";
import { describe, expect, it } from "vitest";
import { readZip } from "@/test/zip-reader";
import { zipStream, type ZipEntry } from "./zip";

async function zipOf(entries: ZipEntry[]): Promise<Buffer> {
  async function* source() {
    yield* entries;
  }
  return Buffer.from(await new Response(zipStream(source())).arrayBuffer());
}

describe("zipStream", () => {
  it("writes entries a reader can list, inflate and CRC-check: text deflated, incompressible bytes stored", async () => {
    const text = new TextEncoder().encode("power ".repeat(1000));
    const noise = new Uint8Array(randomBytes(512));
    const zip = await zipOf([
      { name: "a.json", data: text },
      { name: "dir/ü-noise.bin", data: noise },
      { name: "kept.fit", data: text, compress: false },
      { name: "empty.txt", data: new Uint8Array(0) },
    ]);
    const entries = readZip(zip);
    expect(entries.map((e) => [e.name, e.method])).toEqual([
      ["a.json", 8],
      ["dir/ü-noise.bin", 0],
      ["kept.fit", 0],
      ["empty.txt", 0],
    ]);
    expect(entries[0]!.data.equals(Buffer.from(text))).toBe(true);
    expect(entries[1]!.data.equals(Buffer.from(noise))).toBe(true);
    expect(zip.length).toBeLessThan(2 * text.length + noise.length);
  });

  it("an empty archive is just the end record", async () => {
    const zip = await zipOf([]);
    expect(zip.length).toBe(22);
    expect(readZip(zip)).toEqual([]);
  });

  it("pulls entries only as the reader asks for chunks", async () => {
    let produced = 0;
    async function* source(): AsyncGenerator<ZipEntry> {
      for (let i = 0; i < 100; i++) {
        produced++;
        yield { name: `${i}.txt`, data: new TextEncoder().encode(`entry ${i}`) };
      }
    }
    const reader = zipStream(source()).getReader();
    await reader.read();
    await reader.read();
    expect(produced).toBeLessThanOrEqual(2);
    await reader.cancel();
  });
});
