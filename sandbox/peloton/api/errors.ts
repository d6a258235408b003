import { jsonReply, type Reply } from "../core/reply";

/**
 * api.onepeloton.com error bodies (docs/peloton-api.md §4). 3020 and 3010 are Peloton's; the other error_code
 * values are this simulator's choice (the spec records none), so clients should key on status.
 */
const apiError = (status: number, errorCode: number, message: string): Reply =>
  jsonReply(status, { status, error_code: errorCode, subcode: null, message, details: null });

export const notLoggedIn = () => apiError(401, 3020, "Not logged in");
export const invalidRequest = (detail?: string) => apiError(400, 3000, detail ? `Request was invalid: ${detail}` : "Request was invalid");
export const forbidden = (message = "You do not have permission to access this resource") => apiError(403, 3030, message);
export const platformRequired = () => apiError(403, 3035, "Forbidden: this endpoint requires the Peloton-Platform header");
export const notFound = (what = "Resource") => apiError(404, 3050, `${what} not found`);
