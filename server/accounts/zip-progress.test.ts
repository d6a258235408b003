import { describe, expect, it } from "vitest";
import { zipProgressCounter } from "@/lib/export/zip-progress";
import { zipStream, type ZipEntry } from "./zip";

/** The browser's progress counter against the server's writer, with the archive cut into awkward chunk sizes. */
async function archive(entries: ZipEntry[]): Promise<Uint8Array> {
  async function* source() {
    yield* entries;
  }
  return new Uint8Array(await new Response(zipStream(source())).arrayBuffer());
}

describe("zipProgressCounter", () => {
  const entries: ZipEntry[] = [
    { name: "account.json", data: new TextEncoder().encode("{}") },
    ...[1, 2, 3].flatMap((i) => [
      { name: `workouts/${i}.json`, data: new TextEncoder().encode(`{"n":${i}}`.repeat(200)) },
      { name: `workouts/${i}.fit`, data: new Uint8Array(700).fill(i) },
    ]),
  ];

  it.each([1, 7, 29, 30, 64, 1000, 1 << 20])("counts every entry and the workouts, in chunks of %i bytes", async (size) => {
    const zip = await archive(entries);
    const counter = zipProgressCounter((name) => /^workouts\/.+\.json$/.test(name));
    let last = { bytes: 0, entries: 0, matching: 0 };
    for (let at = 0; at < zip.byteLength; at += size) last = counter.push(zip.subarray(at, at + size));
    expect(last).toEqual({ bytes: zip.byteLength, entries: 7, matching: 3 });
  });
});
