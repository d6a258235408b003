import { decodeFailure, type DecodeResult } from "./activity";
import { decodeFit } from "./fit-file";
import { decodeTcx } from "./tcx-file";

const FIT_MARKER = ".FIT";

function xmlRoot(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 4096).toString("utf8").replace(/^\uFEFF/, "");
  if (!/^\s*</.test(head)) return null;
  const root = /<(?!\?|!)(?:[\w.-]+:)?([\w.-]+)/.exec(head);
  return root?.[1]?.toLowerCase() ?? null;
}

/**
 * Sniff the content (never the file name) and decode it. FIT goes through Garmin's SDK and TCX through a small
 * tolerant parser; PWX is recognised but not simulated (415 with a message saying so); anything else is 415.
 */
export function decodeActivityFile(bytes: Buffer): DecodeResult {
  if (bytes.length >= 12 && bytes.subarray(8, 12).toString("latin1") === FIT_MARKER) return decodeFit(bytes);
  const root = xmlRoot(bytes);
  if (root === "trainingcenterdatabase") return decodeTcx(bytes.toString("utf8"));
  if (root === "pwx") return decodeFailure(415, "PWX files are not supported by the simulator; upload a FIT or TCX file.");
  return decodeFailure(415, "Unsupported file type. Upload a FIT, TCX or PWX file.");
}
