import "server-only";

/**
 * A small RFC 6265 cookie jar for one headless login: host-only vs Domain cookies, Path matching, Expires/Max-Age
 * (Max-Age wins), Secure, and overwrite by (name, domain, path). Like browsers, localhost and loopback addresses count
 * as secure contexts, so Secure cookies still flow to an http://localhost simulator. SameSite is recorded but not
 * enforced: every request of the flow is a same-site or top-level navigation a browser would send cookies on.
 */
export interface StoredCookie {
  name: string;
  value: string;
  /** Lowercase host (host-only) or Domain attribute without its leading dot. */
  domain: string;
  hostOnly: boolean;
  path: string;
  /** Epoch ms; undefined for a session cookie. */
  expiresAt: number | undefined;
  secure: boolean;
  httpOnly: boolean;
  sameSite: string | undefined;
}

interface Entry extends StoredCookie {
  order: number;
}

/** http(s) URLs a browser treats as potentially trustworthy: https, localhost, *.localhost, loopback IPs. */
export function isSecureContextUrl(url: URL): boolean {
  if (url.protocol === "https:" || url.protocol === "wss:") return true;
  const host = url.hostname.toLowerCase();
  return host === "localhost" || host.endsWith(".localhost") || /^127(\.\d{1,3}){3}$/.test(host) || host === "[::1]";
}

function isIpAddress(host: string): boolean {
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(host) || host.startsWith("[");
}

function domainMatches(host: string, domain: string): boolean {
  if (host === domain) return true;
  return !isIpAddress(host) && host.endsWith(`.${domain}`);
}

/** RFC 6265 section 5.1.4. */
export function pathMatches(requestPath: string, cookiePath: string): boolean {
  if (requestPath === cookiePath) return true;
  if (!requestPath.startsWith(cookiePath)) return false;
  return cookiePath.endsWith("/") || requestPath.charAt(cookiePath.length) === "/";
}

/** RFC 6265 section 5.1.4 default-path: the request path up to (not including) its last "/". */
export function defaultCookiePath(requestPath: string): string {
  if (!requestPath.startsWith("/")) return "/";
  const last = requestPath.lastIndexOf("/");
  return last <= 0 ? "/" : requestPath.slice(0, last);
}

export class CookieJar {
  private entries: Entry[] = [];
  private counter = 0;
  private readonly now: () => number;

  constructor(opts: { now?: () => number } = {}) {
    this.now = opts.now ?? Date.now;
  }

  /** Store one Set-Cookie header received from `requestUrl`. Returns false when the cookie was rejected or deleted. */
  setCookie(header: string, requestUrl: string | URL): boolean {
    const url = new URL(requestUrl);
    const host = url.hostname.toLowerCase();
    const [pair = "", ...attributes] = header.split(";");
    const eq = pair.indexOf("=");
    if (eq < 0) return false;
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (!name) return false;

    let expiresAt: number | undefined;
    let maxAgeSeen = false;
    let domainAttr: string | undefined;
    let path: string | undefined;
    let secure = false;
    let httpOnly = false;
    let sameSite: string | undefined;
    for (const attribute of attributes) {
      const at = attribute.indexOf("=");
      const key = (at < 0 ? attribute : attribute.slice(0, at)).trim().toLowerCase();
      const raw = at < 0 ? "" : attribute.slice(at + 1).trim();
      if (key === "max-age") {
        if (!/^-?\d+$/.test(raw)) continue;
        const seconds = Number(raw);
        expiresAt = seconds <= 0 ? Number.NEGATIVE_INFINITY : this.now() + seconds * 1000;
        maxAgeSeen = true;
      } else if (key === "expires") {
        const date = Date.parse(raw);
        if (!maxAgeSeen && !Number.isNaN(date)) expiresAt = date;
      } else if (key === "domain") {
        const domain = raw.replace(/^\./, "").toLowerCase();
        if (domain) domainAttr = domain;
      } else if (key === "path") {
        path = raw.startsWith("/") ? raw : undefined;
      } else if (key === "secure") {
        secure = true;
      } else if (key === "httponly") {
        httpOnly = true;
      } else if (key === "samesite") {
        sameSite = raw.toLowerCase() || undefined;
      }
    }

    let domain = host;
    let hostOnly = true;
    if (domainAttr !== undefined) {
      // Refuse cookies for another site or a bare suffix such as "com" (browsers use the public-suffix list).
      if (!domainMatches(host, domainAttr)) return false;
      if (!domainAttr.includes(".") && domainAttr !== host) return false;
      domain = domainAttr;
      hostOnly = false;
    }
    if (secure && !isSecureContextUrl(url)) return false;

    const cookiePath = path ?? defaultCookiePath(url.pathname);
    const existing = this.entries.findIndex((c) => c.name === name && c.domain === domain && c.path === cookiePath);
    if (expiresAt !== undefined && expiresAt <= this.now()) {
      if (existing >= 0) this.entries.splice(existing, 1);
      return false;
    }
    const order = existing >= 0 ? (this.entries[existing]?.order ?? this.counter++) : this.counter++;
    const entry: Entry = { name, value, domain, hostOnly, path: cookiePath, expiresAt, secure, httpOnly, sameSite, order };
    if (existing >= 0) this.entries[existing] = entry;
    else this.entries.push(entry);
    return true;
  }

  /** Store every Set-Cookie header of a response to `requestUrl`. */
  storeFrom(response: Response, requestUrl: string | URL): void {
    for (const header of response.headers.getSetCookie()) this.setCookie(header, requestUrl);
  }

  /** Cookies a browser would send to `url`: longest path first, then oldest first (RFC 6265 section 5.4). */
  cookiesFor(requestUrl: string | URL): StoredCookie[] {
    const url = new URL(requestUrl);
    const host = url.hostname.toLowerCase();
    const now = this.now();
    this.entries = this.entries.filter((c) => c.expiresAt === undefined || c.expiresAt > now);
    return this.entries
      .filter((c) => (c.hostOnly ? c.domain === host : domainMatches(host, c.domain)))
      .filter((c) => pathMatches(url.pathname || "/", c.path))
      .filter((c) => !c.secure || isSecureContextUrl(url))
      .sort((a, b) => b.path.length - a.path.length || a.order - b.order)
      .map(({ order: _order, ...cookie }) => cookie);
  }

  /** The Cookie header value for `url`, or undefined when nothing would be sent. */
  cookieHeader(requestUrl: string | URL): string | undefined {
    const cookies = this.cookiesFor(requestUrl);
    return cookies.length ? cookies.map((c) => `${c.name}=${c.value}`).join("; ") : undefined;
  }

  /** Value of the cookie `name` that would be sent to `url`. */
  get(name: string, requestUrl: string | URL): string | undefined {
    return this.cookiesFor(requestUrl).find((c) => c.name === name)?.value;
  }

  /** Every live cookie, for inspection in tests and diagnostics (never log values). */
  all(): StoredCookie[] {
    const now = this.now();
    return this.entries
      .filter((c) => c.expiresAt === undefined || c.expiresAt > now)
      .map(({ order: _order, ...cookie }) => cookie);
  }

  clear(): void {
    this.entries = [];
  }
}
