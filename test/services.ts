/**
 * Which real services the integration tests may use. Absent services are skipped with a printed
 * reason, unless AUTOCOACH_REQUIRE_SERVICES=1 (set by .ci/run), which turns absence into a failure.
 */
export const requireServices = process.env.AUTOCOACH_REQUIRE_SERVICES === "1";

export function postgresUrl(): string | undefined {
  return process.env.TEST_DATABASE_URL || undefined;
}

export function redisUrl(): string {
  return process.env.REDIS_URL || "redis://127.0.0.1:6379";
}
