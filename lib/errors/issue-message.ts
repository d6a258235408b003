/**
 * A schema problem as a sentence a person would write ("Email is required."), never zod's own text ("Invalid input:
 * expected string, received undefined"). A message a schema author wrote (a custom message) is kept as it is.
 */

/** The parts of a zod issue we read (structural, so lib/ needs no zod internals). */
export interface IssueLike {
  code: string;
  path: readonly PropertyKey[];
  message: string;
  input?: unknown;
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  format?: string;
  values?: readonly unknown[];
}

const ACRONYMS = new Set(["ftp", "tss", "hr", "id", "url", "fit", "tcx"]);

/** "timeZone" → "Time zone", "ftp" → "FTP", "effective_from" → "Effective from". */
export function fieldLabel(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .split(/[\s_.-]+/)
    .filter(Boolean)
    .map((w) => (ACRONYMS.has(w.toLowerCase()) ? w.toUpperCase() : w.toLowerCase()));
  const text = words.join(" ") || "This value";
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// zod's built-in messages all start like this; anything else was written for the schema
const DEFAULT_MESSAGE = /^(Invalid|Too (small|big)|Unrecognized key|Expected|Required)/;

const KINDS: Record<string, string> = { number: "a number", string: "text", boolean: "yes or no", date: "a date", array: "a list", int: "a whole number" };

export function issueMessage(issue: IssueLike, fallbackField = "input"): string {
  const last = [...issue.path].reverse().find((p) => typeof p === "string");
  const label = fieldLabel(typeof last === "string" ? last : fallbackField);
  if (issue.message && !DEFAULT_MESSAGE.test(issue.message)) {
    // a fragment ("must be at least 50 W") reads after the field's name
    if (!/^[a-z]/.test(issue.message)) return issue.message;
    return `${label} ${issue.message}${/[.!?]$/.test(issue.message) ? "" : "."}`;
  }
  const n = (v: number | bigint | undefined) => (v === undefined ? "" : String(v));
  switch (issue.code) {
    case "invalid_type":
      // zod leaves `input` out of issues unless asked, but its message still says what it received
      return /received (undefined|null)$/.test(issue.message) || issue.input === "" ? `${label} is required.` : `${label} should be ${KINDS[issue.expected ?? ""] ?? "something else"}.`;
    case "too_small":
      if (issue.origin === "string") return Number(issue.minimum) <= 1 ? `${label} can’t be empty.` : `${label} needs at least ${n(issue.minimum)} characters.`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose at least ${n(issue.minimum)} for ${label.toLowerCase()}.`;
      return issue.inclusive === false ? `${label} must be more than ${n(issue.minimum)}.` : `${label} must be at least ${n(issue.minimum)}.`;
    case "too_big":
      if (issue.origin === "string") return `${label} can be at most ${n(issue.maximum)} characters long.`;
      if (issue.origin === "file") return `${label} is too large.`;
      if (issue.origin === "array" || issue.origin === "set") return `Choose at most ${n(issue.maximum)} for ${label.toLowerCase()}.`;
      return issue.inclusive === false ? `${label} must be less than ${n(issue.maximum)}.` : `${label} can be at most ${n(issue.maximum)}.`;
    case "invalid_format":
      if (issue.format === "email") return "Enter a valid email address.";
      if (issue.format === "url") return `${label} must be a full web address (https://…).`;
      return `${label} isn’t written the way we need.`;
    case "invalid_value":
      return issue.values && issue.values.length > 0 && issue.values.length <= 6
        ? `${label} must be one of: ${issue.values.map(String).join(", ")}.`
        : `${label} isn’t one of the allowed choices.`;
    case "unrecognized_keys":
      return "The request had fields we don’t accept.";
    default:
      return `${label} isn’t valid.`;
  }
}
