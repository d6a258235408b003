import { gzipSync } from "node:zlib";
import { CrcCalculator } from "@garmin/fitsdk";

/**
 * A valid FIT file with `records` tiny record messages (8 bytes each: header, timestamp, power, cadence), gzipped
 * when asked. 7.9 million records give the hostile upload of docs/security.md: 63 MB that gzip to under 0.5 MB.
 */
export function recordBomb(records: number, opts: { gzip?: boolean } = {}): Uint8Array {
  const fileId = [0x40, 0, 0, 0, 0, 1, 0, 1, 0x00]; // definition: local 0, global 0 (file_id), field 0 type enum
  const fileIdData = [0x00, 4]; // type = activity
  const recordDef = [0x41, 0, 0, 20, 0, 3, 253, 4, 0x86, 7, 2, 0x84, 4, 1, 0x02]; // local 1, global 20 (record)
  const head = Uint8Array.from([...fileId, ...fileIdData, ...recordDef]);
  const dataSize = head.length + records * 8;
  const out = new Uint8Array(14 + dataSize + 2);
  const view = new DataView(out.buffer);
  out.set([14, 0x20], 0);
  view.setUint16(2, 2195, true);
  view.setUint32(4, dataSize, true);
  out.set([0x2e, 0x46, 0x49, 0x54], 8);
  view.setUint16(12, CrcCalculator.calculateCRC(out, 0, 12), true);
  out.set(head, 14);
  let at = 14 + head.length;
  const start = 1_000_000_000;
  for (let i = 0; i < records; i += 1) {
    out[at] = 0x01;
    view.setUint32(at + 1, start + (i % 3600), true);
    view.setUint16(at + 5, 150 + (i % 100), true);
    out[at + 7] = 85;
    at += 8;
  }
  view.setUint16(at, CrcCalculator.calculateCRC(out, 0, at), true);
  return opts.gzip ? new Uint8Array(gzipSync(out, { level: 9 })) : out;
}
