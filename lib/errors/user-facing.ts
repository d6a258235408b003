/** One mapping from thrown errors to what the user sees (and the HTTP status a route answers with). */
export interface UserFacingError {
  code: string;
  message: string;
  status: number;
  retryAfterSeconds?: number;
}
