import "server-only";
import { z } from "zod";

/** Parsing of the two HTML pages of the login: the Universal Login page and the auto-posting "hiddenform". */

const NAMED_ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: "\u00a0",
  sol: "/",
  colon: ":",
  equals: "=",
  num: "#",
  lsqb: "[",
  rsqb: "]",
  lcub: "{",
  rcub: "}",
  comma: ",",
  period: ".",
};

function fromCodePoint(code: number): string {
  const invalid = !Number.isFinite(code) || code <= 0 || code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff);
  return invalid ? "\ufffd" : String.fromCodePoint(code);
}

/** Decode HTML character references in an attribute value: named (&quot; &amp; …), decimal (&#34;) and hex (&#x22;). */
export function decodeHtmlEntities(value: string): string {
  return value.replace(/&(#[xX][0-9a-fA-F]+|#\d+|[A-Za-z][A-Za-z0-9]*);/g, (match, body: string) => {
    if (body.startsWith("#x") || body.startsWith("#X")) return fromCodePoint(Number.parseInt(body.slice(2), 16));
    if (body.startsWith("#")) return fromCodePoint(Number.parseInt(body.slice(1), 10));
    return NAMED_ENTITIES[body.toLowerCase()] ?? match;
  });
}

const ATTRIBUTE = /([^\s"'<>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

/** Attributes of one start tag (names lowercased, values entity-decoded; the first occurrence wins, as in HTML). */
export function parseAttributes(tag: string): Map<string, string> {
  const attributes = new Map<string, string>();
  const inner = tag.replace(/^<\s*[A-Za-z][\w-]*/, "").replace(/\/?>$/, "");
  for (const match of inner.matchAll(ATTRIBUTE)) {
    const name = match[1]?.toLowerCase();
    if (!name || attributes.has(name)) continue;
    attributes.set(name, decodeHtmlEntities(match[2] ?? match[3] ?? match[4] ?? ""));
  }
  return attributes;
}

/** Start tags named `name`; quoted attribute values may contain ">". */
function startTags(html: string, name: string): RegExpMatchArray[] {
  return [...html.matchAll(new RegExp(`<${name}\\b(?:[^>"']|"[^"]*"|'[^']*')*>`, "gi"))];
}

export interface HiddenForm {
  /** Absolute action URL, or null when the action attribute cannot be resolved. */
  action: string | null;
  method: string;
  /** Every type=hidden input in document order, values decoded. Field names are not hard-coded (docs/peloton-api.md §2.4). */
  fields: Array<[name: string, value: string]>;
}

/** The first `<form>` of the page and its hidden inputs; undefined when the page has no form. */
export function parseHiddenForm(html: string, baseUrl: string): HiddenForm | undefined {
  const formTag = startTags(html, "form")[0];
  if (!formTag || formTag.index === undefined) return undefined;
  const attributes = parseAttributes(formTag[0]);
  const start = formTag.index + formTag[0].length;
  const end = html.slice(start).search(/<\/form\s*>/i);
  const body = end < 0 ? html.slice(start) : html.slice(start, start + end);

  let action: string | null;
  try {
    action = new URL(attributes.get("action") ?? "", baseUrl).toString();
  } catch {
    action = null;
  }
  const fields: Array<[string, string]> = [];
  for (const input of startTags(body, "input")) {
    const inputAttributes = parseAttributes(input[0]);
    const name = inputAttributes.get("name");
    if (inputAttributes.get("type")?.toLowerCase() !== "hidden" || !name) continue;
    fields.push([name, inputAttributes.get("value") ?? ""]);
  }
  return { action, method: (attributes.get("method") ?? "get").toUpperCase(), fields };
}

export function formField(form: HiddenForm, name: string): string | undefined {
  return form.fields.find(([field]) => field === name)?.[1];
}

const internalOptionsSchema = z.looseObject({
  state: z.string().nullish(),
  _csrf: z.string().nullish(),
  nonce: z.string().nullish(),
  code_challenge: z.string().nullish(),
  code_challenge_method: z.string().nullish(),
  audience: z.string().nullish(),
  scope: z.string().nullish(),
  response_type: z.string().nullish(),
  protocol: z.string().nullish(),
});

export const injectedConfigSchema = z.looseObject({
  auth0Domain: z.string().nullish(),
  auth0Tenant: z.string().nullish(),
  clientID: z.string().nullish(),
  callbackURL: z.string().nullish(),
  extraParams: z.record(z.string(), z.unknown()).nullish(),
  internalOptions: internalOptionsSchema.nullish(),
});
export type InjectedConfig = z.output<typeof injectedConfigSchema>;

export type InjectedConfigResult =
  | { ok: true; config: InjectedConfig; state: string | undefined; csrf: string | undefined }
  | { ok: false; reason: "missing" | "unreadable" | "unexpected_shape" };

const INJECTED_CONFIG = /window\.injectedConfig\s*=\s*(?:window\.injectedConfig\s*\|\|\s*)?(["'])([A-Za-z0-9+/=_\-\s]*)\1/;

/** `window.injectedConfig = window.injectedConfig || "<base64 JSON>"` from the login page (docs/peloton-api.md §2.3). */
export function parseInjectedConfig(html: string): InjectedConfigResult {
  const encoded = INJECTED_CONFIG.exec(html)?.[2];
  if (!encoded) return { ok: false, reason: "missing" };
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(encoded.replace(/\s+/g, ""), "base64").toString("utf8"));
  } catch {
    return { ok: false, reason: "unreadable" };
  }
  const parsed = injectedConfigSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: "unexpected_shape" };
  const options = parsed.data.internalOptions;
  return { ok: true, config: parsed.data, state: options?.state || undefined, csrf: options?._csrf || undefined };
}

/** Heuristic for a multi-factor / verification page (docs/peloton-api.md §2.4: not seen for Peloton; detect rather than misreport). */
export function looksLikeVerificationPage(html: string, url?: string): boolean {
  if (url && /\/(u\/)?mfa\b|\/mf\b|\/u\/mfa-|\/verify|\/challenge/i.test(new URL(url).pathname)) return true;
  return /verify your identity|verification code|multi-factor|two-factor|2-step|one-time (pass)?code|mfa[-_]/i.test(html);
}
