import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { seededTemplates } from "@/tests/support/seededTemplates";
import { attestationSchema, attestationUiSchema } from "@/runtime/forms/attestation";
import { createAjv } from "@/runtime/forms/ajv";
import { addField, fieldAt, moveField, moveFieldTo, removeField, renameField, updateField } from "./formEdit";
import { detectKind, fieldKinds, type JsonSchema } from "./formFields";
import { readForm, writeForm, type FormModel } from "./formModel";
import { extraSettings } from "./fieldSettings";
import { NOT_AFTER_TODAY } from "@/runtime/forms/notAfterToday";

/** Schemas compared regardless of the order of `required` and `allOf` (it carries no meaning). */
function normalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => {
        if (k === "required" && Array.isArray(v)) return [k, [...v].sort()];
        if (k === "allOf" && Array.isArray(v)) return [k, v.map(normalise).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)))];
        return [k, normalise(v)];
      }),
    );
  }
  return value;
}

function roundTrip(schema: JsonSchema, uiSchema: JsonSchema) {
  const written = writeForm(readForm(schema, uiSchema));
  expect(normalise(written.schema)).toEqual(normalise(schema));
  expect(written.uiSchema).toEqual(uiSchema);
}

const rich: { schema: JsonSchema; uiSchema: JsonSchema } = {
  schema: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    title: "综合表",
    required: ["f01_name", "f03_unit", "f05_sign"],
    properties: {
      f01_name: { type: "string", title: "姓名", minLength: 1 },
      f02_year: { type: "integer", title: "年度", minimum: 1900, maximum: 2100 },
      f03_unit: {
        type: "object",
        title: "单位信息",
        required: ["f01_org_name"],
        properties: {
          f01_org_name: { type: "string", title: "单位名称" },
          f02_credit_code: { type: "string", title: "统一社会信用代码", format: "cn-credit-code" },
        },
      },
      f04_people: {
        type: "array",
        title: "人员名单",
        minItems: 1,
        items: {
          type: "object",
          required: ["f01_name"],
          properties: { f01_name: { type: "string", title: "姓名" }, f02_id_number: { type: "string", title: "身份证号", format: "cn-resident-id" } },
        },
      },
      f05_sign: attestationSchema("申请人签字", "signature", { required: true, dated: true }),
      f06_kind: { type: "string", title: "类型", enum: ["新办", "变更"] },
      f07_email: { type: "string", title: "邮箱", format: "email" },
    },
    allOf: [
      {
        if: { properties: { f06_kind: { const: "变更" } }, required: ["f06_kind"] },
        then: { properties: { f08_reason: { type: "string", title: "变更原因" } }, required: ["f08_reason"] },
      },
      { if: { properties: { f02_year: { minimum: 2020 } } }, then: { required: ["f07_email"] } },
    ],
  },
  uiSchema: {
    "ui:order": ["f01_name", "f06_kind", "f08_reason", "f02_year", "f03_unit", "f04_people", "f05_sign", "f07_email"],
    f03_unit: { "ui:order": ["f02_credit_code", "f01_org_name"], f02_credit_code: { "ui:placeholder": "18位统一社会信用代码" } },
    f04_people: { "ui:options": { orderable: false }, items: { f02_id_number: { "ui:placeholder": "18位公民身份号码" } } },
    f05_sign: attestationUiSchema("signature"),
    f06_kind: { "ui:widget": "radio" },
  },
};

describe("form model ⇄ JSON Schema + uiSchema", () => {
  it("round-trips the contract example's form", () => {
    for (const form of example.forms) roundTrip(form.schema, form.uiSchema);
  });

  it("round-trips sections, tables, attestations, conditional fields and unknown keywords", () => {
    roundTrip(rich.schema, rich.uiSchema);
  });

  it("reads fields in display order with their kinds, required flags and visibility rules", () => {
    const model = readForm(rich.schema, rich.uiSchema);
    expect(model.fields.map((f) => `${f.key}:${f.kind}`)).toEqual([
      "f01_name:text",
      "f06_kind:choice",
      "f08_reason:text",
      "f02_year:number",
      "f03_unit:section",
      "f04_people:table",
      "f05_sign:attestation",
      "f07_email:text",
    ]);
    const reason = model.fields[2];
    expect(reason).toMatchObject({ required: true, visibleWhen: { field: "f06_kind", op: "eq", value: "变更" } });
    expect(model.fields[4].children.map((c) => c.key)).toEqual(["f02_credit_code", "f01_org_name"]);
    expect(model.fields[5].children.map((c) => c.kind)).toEqual(["text", "residentId"]);
    // the if/then that is not a visibility rule stays with the root schema, in its place
    expect(model.source?.allOf?.filter((slot) => "keep" in slot)).toHaveLength(1);
  });

  it("round-trips every seeded template's forms", () => {
    const forms = seededTemplates().flatMap((definition) => definition.forms);
    expect(forms.length).toBeGreaterThan(100);
    for (const form of forms) roundTrip(form.schema as JsonSchema, (form.uiSchema ?? {}) as JsonSchema);
  });

  it("every palette field type is recognised as itself and compiles", () => {
    const ajv = createAjv();
    let model: FormModel = readForm({ type: "object", properties: {} }, {});
    for (const kind of fieldKinds) model = addField(model, kind).model;
    const { schema, uiSchema } = writeForm(model);
    expect(() => ajv.compile(schema)).not.toThrow();
    const again = readForm(schema, uiSchema);
    expect(again.fields.map((f) => f.kind)).toEqual([...fieldKinds]);
    for (const field of again.fields) expect(detectKind(field.schema, field.ui)).toBe(field.kind);
  });
});

describe("a date that may not lie after today (x-notAfterToday)", () => {
  const schema: JsonSchema = {
    type: "object",
    properties: {
      matter: {
        type: "object",
        title: "基本情况",
        properties: { time: { type: "string", title: "事故发生时间", format: "date", [NOT_AFTER_TODAY]: true }, place: { type: "string", title: "事故发生地点" } },
        required: ["time"],
      },
    },
  };

  it("round-trips unchanged, and survives edits of the field and its neighbours", () => {
    roundTrip(schema, {});
    let model = readForm(schema, {});
    model = updateField(model, ["matter", "time"], (f) => ({ ...f, schema: { ...f.schema, title: "事故发生日期" }, required: false }));
    model = addField(model, "text", ["matter"]).model;
    const time = ((writeForm(model).schema.properties as Record<string, JsonSchema>).matter.properties as Record<string, JsonSchema>).time;
    expect(time).toEqual({ type: "string", title: "事故发生日期", format: "date", [NOT_AFTER_TODAY]: true });
  });

  it("has a control in the inspector (not listed among the other settings) and compiles", () => {
    const time = fieldAt(readForm(schema, {}), ["matter", "time"])!;
    expect(time.kind).toBe("date");
    expect(extraSettings(time)).toEqual([]);
    expect(() => createAjv().compile(schema)).not.toThrow();
  });
});

describe("conditional visibility", () => {
  const base = () =>
    readForm(
      {
        type: "object",
        properties: { kind: { type: "string", title: "类型", enum: ["新办", "变更"] }, note: { type: "string", title: "说明" } },
      },
      {},
    );

  it("writes a rule as allOf if/then that validates as the applicant sees it", () => {
    const model = updateField(base(), ["note"], (f) => ({ ...f, required: true, visibleWhen: { field: "kind", op: "eq", value: "变更" } }));
    const { schema, uiSchema } = writeForm(model);
    expect(schema.properties).not.toHaveProperty("note");
    expect(uiSchema["ui:order"]).toEqual(["kind", "note"]);
    const validate = createAjv().compile(schema);
    expect(validate({ kind: "新办" })).toBe(true);
    expect(validate({ kind: "变更" })).toBe(false);
    expect(validate({ kind: "变更", note: "地址变更" })).toBe(true);
    expect(readForm(schema, uiSchema).fields[1].visibleWhen).toEqual({ field: "kind", op: "eq", value: "变更" });
  });

  it("round-trips each operator", () => {
    for (const rule of [
      { field: "kind", op: "neq", value: "新办" },
      { field: "kind", op: "in", value: ["新办", "变更"] },
      { field: "kind", op: "contains", value: "新办" },
    ] as const) {
      const model = updateField(base(), ["note"], (f) => ({ ...f, visibleWhen: rule }));
      const { schema, uiSchema } = writeForm(model);
      expect(readForm(schema, uiSchema).fields[1].visibleWhen).toEqual(rule);
    }
  });

  it("removing or renaming the field a rule depends on updates the rule", () => {
    const model = updateField(base(), ["note"], (f) => ({ ...f, visibleWhen: { field: "kind", op: "eq", value: "变更" } }));
    expect(fieldAt(renameField(model, ["kind"], "category")!, ["note"])!.visibleWhen?.field).toBe("category");
    expect(fieldAt(removeField(model, ["kind"]), ["note"])!.visibleWhen).toBeNull();
  });
});

describe("form edit operations", () => {
  it("adds fields into sections and tables, moves and renames them", () => {
    let model = readForm({ type: "object", properties: {} }, {});
    model = addField(model, "section").model;
    const inner = addField(model, "phone", ["field1"]);
    model = addField(inner.model, "text", ["field1"], 0).model;
    expect(fieldAt(model, ["field1"])!.children.map((c) => c.key)).toEqual(["field2", "field1"]);
    // keys are unique among siblings
    expect(inner.path).toEqual(["field1", "field1"]);
    model = moveField(model, ["field1"], 0, 1);
    expect(fieldAt(model, ["field1"])!.children.map((c) => c.kind)).toEqual(["phone", "text"]);
    expect(renameField(model, ["field1", "field1"], "field2")).toBeNull();
    model = renameField(model, ["field1", "field1"], "mobile")!;
    const { schema } = writeForm(model);
    expect(Object.keys((schema.properties as Record<string, JsonSchema>).field1.properties as object)).toEqual(["mobile", "field2"]);
  });

  it("moves a field into a section and back, keeping keys unique and dropping rules that named old siblings", () => {
    let model = readForm(
      { type: "object", properties: { kind: { type: "string", enum: ["a", "b"] }, name: { type: "string" }, group: { type: "object", properties: { name: { type: "string" } } } } },
      {},
    );
    model = updateField(model, ["name"], (f) => ({ ...f, visibleWhen: { field: "kind", op: "eq", value: "a" } }));
    const moved = moveFieldTo(model, ["name"], ["group"], 0);
    expect(moved.path).toEqual(["group", "name_1"]);
    expect(fieldAt(moved.model, ["group"])!.children.map((c) => c.key)).toEqual(["name_1", "name"]);
    expect(fieldAt(moved.model, moved.path)!.visibleWhen).toBeNull();
    const back = moveFieldTo(moved.model, moved.path, [], 0);
    expect(back.model.fields.map((f) => f.key)).toEqual(["name_1", "kind", "group"]);
    // a section cannot go inside itself
    expect(moveFieldTo(model, ["group"], ["group"], 0).model).toBe(model);
    // within one container it is a reorder
    expect(moveFieldTo(model, ["kind"], [], 2).model.fields.map((f) => f.key)).toEqual(["name", "group", "kind"]);
  });

  it("a field added to a form whose ui:order names every field (no \"*\") is named in it too: rjsf refuses a list that leaves one out", () => {
    const schema = { type: "object", properties: { name: { type: "string", title: "姓名" }, sex: { type: "string", title: "性别", enum: ["男", "女"] } } };
    const ui = { "ui:order": ["sex", "name"] };
    const added = addField(readForm(schema, ui), "text").model;
    const written = writeForm(added);
    expect(written.uiSchema["ui:order"]).toEqual(["sex", "name", "field1"]);
    // A wildcard list stays as it was: "*" already stands for the new field.
    const wild = writeForm(addField(readForm(schema, { "ui:order": ["sex", "*"] }), "text").model);
    expect(wild.uiSchema["ui:order"]).toEqual(["sex", "*"]);
  });
});
