import "server-only";

/** Content-Disposition for a download (RFC 6266): an ASCII fallback, and the real name (any script) as RFC 5987 UTF-8. */
export function attachment(filename: string): string {
  const ascii = filename.normalize("NFKD").replace(/[^\x20-\x7e]/g, "").replace(/["\\]/g, "") || "download";
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`;
}
