import { z } from "zod";
import { parseInput, userHandler } from "@/server/handlers/route";
import { limitUploads, readMultipartForm } from "@/server/handlers/upload";
import { MAX_FTP_WATTS, MIN_FTP_WATTS } from "@/lib/compare/ftp";
import { formatSize } from "@/server/fit/decode";
import { MAX_FIT_UPLOAD_BYTES } from "@/lib/domain/activity";
import { compareFitUpload } from "@/server/compare/compare";
import { auditRefusedUpload } from "@/server/auth/audit";

export const dynamic = "force-dynamic";

/** Room for the multipart boundaries, part headers and the ftp field around a file of the maximum size. */
const FORM_OVERHEAD_BYTES = 64 * 1024;

const form = z.object({
  file: z.file("Choose a .fit or .fit.gz file."),
  ftp: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.coerce
      .number(`must be a number of watts between ${MIN_FTP_WATTS} and ${MAX_FTP_WATTS}`)
      .int("must be a whole number of watts")
      .min(MIN_FTP_WATTS, `must be at least ${MIN_FTP_WATTS} W`)
      .max(MAX_FTP_WATTS, `must be at most ${MAX_FTP_WATTS} W`)
      .optional(),
  ),
});

/**
 * Compare an uploaded .fit / .fit.gz with the matching TrainingPeaks workout (multipart: `file`, optional `ftp`).
 * Each user may send UPLOAD_LIMIT files per window; the file is read into memory, decoded in a worker under hard
 * limits (server/fit/decode-off-thread.ts) and dropped: nothing is stored. Unreadable files answer 400/413/415 with
 * the message of the `fit.*` AppError (lib/errors/codes.ts).
 */
export const POST = userHandler("trainingpeaks.compare", async ({ userId, request }) =>
  auditRefusedUpload(userId, async () => {
    await limitUploads(userId);
    const body = await readMultipartForm(request, MAX_FIT_UPLOAD_BYTES + FORM_OVERHEAD_BYTES, formatSize(MAX_FIT_UPLOAD_BYTES));
    const input = parseInput(form, { file: body.get("file") ?? undefined, ftp: body.get("ftp") ?? undefined });
    return compareFitUpload(userId, new Uint8Array(await input.file.arrayBuffer()), { ftp: input.ftp ?? null });
  }),
);
