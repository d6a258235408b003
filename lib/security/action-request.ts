import { isCrossOriginPost } from "./headers";

/**
 * Checks on a POST to a page (a server action) before Next runs it; Next itself answers all three with a 500
 * (docs/security.md). Pure: only the standard Request API.
 */

/** Our actions take small forms; next.config.ts gives Next the same limit. */
export const ACTION_BODY_LIMIT_BYTES = 256 * 1024;

export interface Refusal {
  status: 400 | 403 | 413;
  code: "auth.forbidden" | "input.too_large" | "input.invalid";
  message: string;
}

async function malformed(request: Request): Promise<boolean> {
  const type = request.headers.get("content-type") ?? "";
  try {
    if (/^multipart\/form-data|^application\/x-www-form-urlencoded/i.test(type)) {
      await request.clone().formData();
      return false;
    }
    // A fetch action sends its arguments as JSON text: an array.
    return !Array.isArray(JSON.parse(await request.clone().text()));
  } catch {
    return true;
  }
}

export async function refuseActionRequest(request: Request): Promise<Refusal | null> {
  if (request.method !== "POST") return null;
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (isCrossOriginPost(request.headers.get("origin"), host)) {
    return { status: 403, code: "auth.forbidden", message: "This action can only be sent from AutoCoach's own pages." };
  }
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > ACTION_BODY_LIMIT_BYTES) {
    return { status: 413, code: "input.too_large", message: `The form sent is larger than ${ACTION_BODY_LIMIT_BYTES / 1024} KB, more than any AutoCoach action takes.` };
  }
  if (request.headers.has("next-action") && (await malformed(request))) {
    return { status: 400, code: "input.invalid", message: "The form sent could not be read. Reload the page and try again." };
  }
  return null;
}
