import { describe, expect, it } from "vitest";
import { z } from "zod";
import { numberList, scalarList } from "./schema-kit";

describe("numberList", () => {
  const reference = z.looseObject({ values: scalarList(z.number()) });
  const fast = z.looseObject({ values: numberList });
  const cases: unknown[] = [
    {},
    { values: null },
    { values: undefined },
    { values: "1,2,3" },
    { values: 12 },
    { values: { 0: 1 } },
    { values: [] },
    { values: [0, -0, 1.5, 250, -3, 1e300] },
    { values: [1, null, "2", true, [3], { v: 4 }, undefined, 5] },
    { values: [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 7] },
    { values: [1, 2], other: "kept" },
  ];

  it.each(cases.map((input) => [JSON.stringify(input) ?? "undefined", input]))("reads %s exactly as a schema per element does", (_, input) => {
    const expected = reference.parse(input);
    const actual = fast.parse(input);
    expect(actual).toStrictEqual(expected);
    expect(Object.keys(actual)).toEqual(Object.keys(expected));
  });

  it("keeps a thousands-of-samples channel index-aligned, a bad sample becoming null", () => {
    const samples = Array.from({ length: 3600 }, (_, i) => (i % 997 === 0 ? "n/a" : i % 2 ? i : null));
    const parsed = fast.parse({ values: samples }).values ?? [];
    expect(parsed).toHaveLength(3600);
    expect(parsed[0]).toBeNull();
    expect(parsed[997]).toBeNull();
    expect(parsed[999]).toBe(999);
    expect(parsed).toStrictEqual(reference.parse({ values: samples }).values);
  });
});
