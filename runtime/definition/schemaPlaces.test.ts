import { describe, expect, it } from "vitest";
import { formFieldList } from "./formFieldList";
import { placedFields, resolveRef } from "./schemaPlaces";

describe("fields declared outside properties", () => {
  const schema = {
    $defs: { person: { type: "object", properties: { name: { type: "string" } }, required: ["name"] } },
    type: "object",
    properties: { kind: { type: "string" } },
    dependencies: { kind: { oneOf: [{ properties: { kind: { const: "a" }, detail: { type: "string", title: "详情" } }, required: ["detail"] }] } },
    if: { properties: { kind: { const: "b" } } },
    else: { properties: { other: { type: "string" } } },
    allOf: [{ $ref: "#/$defs/person" }],
  };

  it("are found with where they are declared; a $ref met twice is followed once", () => {
    expect(placedFields(schema, schema, new Set(["kind"]))).toEqual([
      { key: "name", schema: { type: "string" }, places: ["allOf 第 1 项 › 引用 #/$defs/person"], required: true },
      { key: "other", schema: { type: "string" }, places: ["if 条件不成立时（else）"], required: false },
      { key: "detail", schema: { type: "string", title: "详情" }, places: ["dependencies（依赖字段“kind”） › oneOf 第 1 个分支"], required: true },
    ]);
    const recursive = { definitions: { node: { type: "object", properties: { next: { $ref: "#/definitions/node" } } } }, $ref: "#/definitions/node" };
    expect(placedFields(recursive, recursive, new Set()).map((p) => p.key)).toEqual(["next"]);
    expect(resolveRef(schema, "#/$defs/person")).toBe(schema.$defs.person);
    expect(resolveRef(schema, "https://example.com/x")).toBeNull();
  });

  it("are in the form's field list (rules and the diff can name them)", () => {
    const paths = formFieldList(schema).map((f) => `${f.path}:${f.conditional}`);
    expect(paths).toEqual(["kind:false", "name:true", "other:true", "detail:true"]);
  });
});

describe("a section without \"type\": \"object\"", () => {
  it("is a group in the field list, its fields after it", () => {
    const schema = { properties: { person: { title: "人员", properties: { name: { type: "string", title: "姓名" } } } } };
    expect(formFieldList(schema).map((f) => `${f.path}:${f.group}:${f.title}`)).toEqual(["person:true:人员", "person.name:false:人员·姓名"]);
  });
});
