import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { syntheticRide } from "@/lib/metrics/__fixtures__/synthetic-activity";
import { recordBomb } from "./__fixtures__/record-bomb";
import { decodeFit } from "./decode";
import { DECODE_CONCURRENCY, decodeFitOffThread } from "./decode-off-thread";
import { encodeFit } from "./encode";

const validGz = gzipSync(encodeFit(syntheticRide({ seconds: 300, laps: 2 })));

describe("decodeFitOffThread", () => {
  it("decodes in a worker exactly like decodeFit", async () => {
    expect(await decodeFitOffThread(validGz)).toEqual(decodeFit(validGz));
  });

  it("refuses the 466 KB .fit.gz that inflates to 63 MB (7.9 million records) with a clear 413", async () => {
    const bomb = recordBomb(7_900_000, { gzip: true });
    expect(bomb.byteLength).toBeLessThan(600 * 1024);
    await expect(decodeFitOffThread(bomb)).rejects.toMatchObject({ code: "fit.too_large", status: 413, message: expect.stringMatching(/^This file inflates to more than 32 MB/) });
  });

  it("refuses a file under the size caps that holds too many messages", async () => {
    await expect(decodeFitOffThread(recordBomb(2_000), { maxMessages: 1_000 })).rejects.toMatchObject({ code: "fit.too_large", message: expect.stringMatching(/more than 1,000 messages/) });
  });

  it("terminates a decode that runs out of time", async () => {
    await expect(decodeFitOffThread(recordBomb(300_000), { timeMs: 1 })).rejects.toMatchObject({ code: "fit.too_slow", status: 413 });
  });

  it("terminates a decode that runs out of memory", async () => {
    await expect(decodeFitOffThread(recordBomb(3_000_000), { heapMb: 16, maxMessages: Number.POSITIVE_INFINITY })).rejects.toMatchObject({ code: "fit.too_large", message: expect.stringMatching(/memory/) });
  });

  it(`runs at most ${DECODE_CONCURRENCY} decodes at once and refuses more with 503 + Retry-After`, async () => {
    const running = Array.from({ length: DECODE_CONCURRENCY }, () => decodeFitOffThread(validGz));
    await expect(decodeFitOffThread(validGz)).rejects.toMatchObject({ code: "fit.busy", status: 503, retryAfterSeconds: 5 });
    await Promise.all(running);
    await expect(decodeFitOffThread(validGz)).resolves.toMatchObject({ startTime: expect.any(Date) });
  });
});
