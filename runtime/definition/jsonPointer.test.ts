import { describe, expect, it } from "vitest";
import { escapePointerSegment, pointerSegments, valueAtPointer } from "./jsonPointer";
import { requiredByAnswer } from "./requirements";
import { resolveRef } from "./schemaPlaces";

describe("JSON pointers", () => {
  it("reads escaped keys and round-trips them", () => {
    expect(pointerSegments("")).toEqual([]);
    expect(pointerSegments("/申请人/证件~1号码/a~0b")).toEqual(["申请人", "证件/号码", "a~b"]);
    for (const key of ["a/b", "~1", "x~y/z"]) expect(pointerSegments(`/${escapePointerSegment(key)}`)).toEqual([key]);
  });

  it("finds values through objects only", () => {
    const data = { a: { "b/c": 1, rows: [{ x: 2 }] } };
    expect(valueAtPointer(data, "/a/b~1c")).toBe(1);
    expect(valueAtPointer(data, "")).toBe(data);
    expect(valueAtPointer(data, "/a/rows/0/x")).toBeUndefined();
    expect(valueAtPointer(data, "/missing/x")).toBeUndefined();
  });

  it("a material's requiredWhen names a field whose key holds a slash", () => {
    const material = { requiredWhen: { form: "f", path: "/代理/是否~1否", equals: "是" } } as Parameters<typeof requiredByAnswer>[0];
    expect(requiredByAnswer(material, { f: { 代理: { "是否/否": "是" } } })).toBe(true);
    expect(requiredByAnswer(material, { f: { 代理: { "是否/否": "否" } } })).toBe(false);
  });

  it("a $ref is a percent-decoded URI fragment, and a malformed one resolves to nothing", () => {
    const root = { $defs: { "a b": { type: "string" }, "x/y": { type: "number" } } };
    expect(resolveRef(root, "#/$defs/a%20b")).toEqual({ type: "string" });
    expect(resolveRef(root, "#/$defs/x~1y")).toEqual({ type: "number" });
    expect(resolveRef(root, "#/$defs/%E0%A4%A")).toBeNull();
  });
});
