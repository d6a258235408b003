import { describe, expect, it } from "vitest";
import { z } from "zod";
import { fieldLabel, issueMessage } from "./issue-message";

const first = (schema: z.ZodType, value: unknown) => {
  const r = schema.safeParse(value);
  if (r.success) throw new Error("expected a failure");
  const issue = r.error.issues[0];
  if (!issue) throw new Error("no issue");
  return issueMessage(issue);
};

describe("issueMessage", () => {
  it("turns zod's built-in messages into sentences", () => {
    const form = z.object({ email: z.email(), password: z.string().min(8), ftp: z.coerce.number().int().min(50).max(600), units: z.enum(["metric", "imperial"]) });
    expect(first(form, { password: "longenough", ftp: 200, units: "metric" })).toBe("Email is required.");
    expect(first(form, { email: "nope", password: "longenough", ftp: 200, units: "metric" })).toBe("Enter a valid email address.");
    expect(first(form, { email: "a@b.co", password: "short", ftp: 200, units: "metric" })).toBe("Password needs at least 8 characters.");
    expect(first(form, { email: "a@b.co", password: "longenough", ftp: 900, units: "metric" })).toBe("FTP can be at most 600.");
    expect(first(form, { email: "a@b.co", password: "longenough", ftp: 200, units: "kelvin" })).toBe("Units must be one of: metric, imperial.");
    expect(first(z.object({ timeZone: z.string() }), { timeZone: 4 })).toBe("Time zone should be text.");
  });

  it("reads a fragment the schema's author wrote after the field's name", () => {
    expect(first(z.object({ ftp: z.number().min(50, "must be at least 50 W") }), { ftp: 20 })).toBe("FTP must be at least 50 W.");
  });

  it("keeps a message the schema's author wrote", () => {
    expect(first(z.object({ units: z.enum(["metric", "imperial"], "Choose metric or imperial units.") }), { units: "x" })).toBe("Choose metric or imperial units.");
  });

  it("never returns zod's raw wording", () => {
    const schemas: [z.ZodType, unknown][] = [
      [z.string(), 3],
      [z.number().positive(), -1],
      [z.array(z.string()).min(2), []],
      [z.string().regex(/^a$/), "b"],
      [z.url(), "x"],
      [z.strictObject({}), { extra: 1 }],
    ];
    for (const [schema, value] of schemas) expect(first(schema, value)).not.toMatch(/expected|received|Invalid|Too /);
  });
});

describe("fieldLabel", () => {
  it("reads field names as words", () => {
    expect(fieldLabel("timeZone")).toBe("Time zone");
    expect(fieldLabel("effective_from")).toBe("Effective from");
    expect(fieldLabel("ftp")).toBe("FTP");
  });
});
