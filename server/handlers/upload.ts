import "server-only";
import { AppError, formatWait } from "@/lib/errors/app-error";
import { getKv, rateLimit } from "@/server/kv";

/**
 * Reading multipart uploads with a hard byte cap. `request.formData()` alone buffers whatever a client sends, so
 * the declared Content-Length is refused up front and the stream is counted as it arrives (chunked bodies have no
 * length to check).
 */

function tooLarge(limitText: string): AppError {
  return new AppError("input.too_large", { message: `The upload is larger than ${limitText}. Choose a smaller file.` });
}

/** 413 before reading anything when the declared length is already over the cap. */
export function refuseDeclaredOversize(request: Request, maxBytes: number, limitText: string): void {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(limitText);
}

async function readCapped(body: ReadableStream<Uint8Array>, maxBytes: number, limitText: string): Promise<Uint8Array<ArrayBuffer>> {
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(limitText);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}

/** The request's multipart form, read under `maxBytes`; 415 for another content type, 400 for a broken form. */
export async function readMultipartForm(request: Request, maxBytes: number, limitText: string): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data;/i.test(type)) {
    throw new AppError("input.unsupported_media_type");
  }
  refuseDeclaredOversize(request, maxBytes, limitText);
  const bytes = request.body ? await readCapped(request.body, maxBytes, limitText) : new Uint8Array();
  try {
    return await new Response(bytes, { headers: { "Content-Type": type } }).formData();
  } catch (error) {
    throw new AppError("input.invalid", { message: "The upload could not be read as a form. Try choosing the file again.", cause: error });
  }
}

/** Uploads one user may send per window: enough to compare a week of files, too few to keep decoders busy. */
export const UPLOAD_LIMIT = { limit: 20, windowMs: 10 * 60_000 };

/** 429 with Retry-After once this user has sent UPLOAD_LIMIT uploads in the window (shared by every instance). */
export async function limitUploads(userId: string): Promise<void> {
  const verdict = await rateLimit(getKv(), `upload:user:${userId}`, UPLOAD_LIMIT);
  if (verdict.ok) return;
  const seconds = Math.ceil(verdict.retryAfterMs / 1000);
  throw new AppError("input.too_many_attempts", {
    message: `You have uploaded ${UPLOAD_LIMIT.limit} files in the last ${UPLOAD_LIMIT.windowMs / 60_000} minutes. Wait ${formatWait(seconds)} before uploading another.`,
    retryAfterSeconds: seconds,
  });
}
