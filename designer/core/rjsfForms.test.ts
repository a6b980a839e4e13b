/**
 * What the builder does with forms written for react-jsonschema-form elsewhere, one behaviour
 * each (tests/fixtures/rjsf holds the forms).
 */
import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition } from "@/runtime/definition/schema";
import { lintDefinition } from "@/runtime/definition/lint";
import { createAjvFor } from "@/runtime/forms/ajv";
import { externalForms } from "@/tests/fixtures/rjsf/playgroundForms";
import { choiceOptions, withChoiceOptions } from "./choiceOptions";
import { extraSettings } from "./fieldSettings";
import { addField, changeKind, fieldAt, moveField, moveFieldTo, removeField, renameField, updateField } from "./formEdit";
import { importFormText } from "./formImport";
import { readForm, writeForm, type FormModel } from "./formModel";

const fixture = (name: string) => {
  const form = externalForms.find((f) => f.name === name);
  if (!form) throw new Error(name);
  return structuredClone(form);
};
const keys = (model: FormModel) => model.fields.map((f) => f.key);
const indexOf = (model: FormModel, key: string) => keys(model).indexOf(key);

describe("ui:order with the \"*\" wildcard", () => {
  it("lists the fields where rjsf shows them: the wildcard's fields in its place", () => {
    const form = fixture("ordering with a wildcard in the middle");
    expect(keys(readForm(form.schema, form.uiSchema))).toEqual(["firstName", "lastName", "bio", "age", "password"]);
    const first = fixture("ordering with a wildcard first");
    expect(keys(readForm(first.schema, first.uiSchema))).toEqual(["a", "c", "d", "b"]);
  });

  it("keeps the wildcard when fields are moved", () => {
    const form = fixture("ordering with a wildcard in the middle");
    const model = readForm(form.schema, form.uiSchema);
    // among the wildcard's fields: the order stays as it was, the properties carry the move
    const swapped = writeForm(moveField(model, [], indexOf(model, "age"), indexOf(model, "bio")));
    expect(swapped.uiSchema["ui:order"]).toEqual(["firstName", "lastName", "*", "password"]);
    expect(keys(readForm(swapped.schema, swapped.uiSchema))).toEqual(["firstName", "lastName", "age", "bio", "password"]);
    // a named field moved first: still one wildcard
    const moved = writeForm(moveField(model, [], indexOf(model, "password"), 0));
    expect(moved.uiSchema["ui:order"]).toEqual(["password", "firstName", "lastName", "*"]);
    // a new field added last stays last; the wildcard stays
    const added = writeForm(addField(model, "text").model);
    expect(added.uiSchema["ui:order"]).toContain("*");
    expect(keys(readForm(added.schema, added.uiSchema))).toEqual(["firstName", "lastName", "bio", "age", "password", "field1"]);
    // one added among the wildcard's fields joins them
    const among = writeForm(addField(model, "text", [], 3).model);
    expect(among.uiSchema["ui:order"]).toEqual(["firstName", "lastName", "*", "password"]);
  });

  it("keeps order entries that name no field", () => {
    const form = fixture("ordering with a wildcard last and an entry naming no field");
    const model = readForm(form.schema, form.uiSchema);
    const written = writeForm(moveField(model, [], 1, 2));
    expect(written.uiSchema["ui:order"]).toContain("removed_field");
    expect(written.uiSchema["ui:order"]).toContain("*");
  });
});

describe("fields declared outside properties", () => {
  it("lists fields of schema dependencies, oneOf/anyOf/allOf branches, if/then/else and $ref, saying where", () => {
    const cases: [string, string, RegExp][] = [
      ["schema dependencies (conditional)", "How old is your pet?", /dependencies.*oneOf 第 2 个分支/],
      ["anyOf", "idCode", /anyOf 第 2 个分支/],
      ["oneOf", "ipsum", /oneOf 第 2 个分支/],
      ["allOf", "ipsum", /allOf 第 2 项/],
      ["if then else", "water", /allOf 第 2 项.*then/],
      ["if then else at the object level", "passport", /else/],
      ["a top-level $ref without a type (recursive)", "children", /引用 #\/definitions\/person/],
      ["draft 2020-12 with dependentSchemas and dependentRequired", "cvv", /dependentSchemas/],
    ];
    for (const [name, key, where] of cases) {
      const form = fixture(name);
      const field = readForm(form.schema, form.uiSchema).fields.find((f) => f.key === key);
      expect(field, `${name}: ${key}`).toBeDefined();
      expect(field!.declaredIn).toMatch(where);
    }
  });

  it("can be reordered and relabelled (ui:title), their schema staying where it is declared", () => {
    const form = fixture("schema dependencies (conditional)");
    const model = readForm(form.schema, form.uiSchema);
    const pet = "How old is your pet?";
    const relabelled = updateField(model, [pet], (f) => ({ ...f, ui: { ...f.ui, "ui:title": "宠物年龄" } }));
    const moved = moveField(relabelled, [], indexOf(relabelled, pet), 0);
    const written = writeForm(moved);
    expect(written.schema).toStrictEqual(form.schema);
    expect(written.uiSchema[pet]).toEqual({ "ui:help": "In years", "ui:title": "宠物年龄" });
    expect((written.uiSchema["ui:order"] as string[])[0]).toBe(pet);
  });

  it("cannot be removed, renamed or moved into a section (their schema is not edited here)", () => {
    const form = fixture("oneOf");
    const model = readForm(form.schema, form.uiSchema);
    expect(removeField(model, ["ipsum"])).toBe(model);
    expect(renameField(model, ["ipsum"], "other")).toBeNull();
    const withSection = addField(model, "section").model;
    expect(moveFieldTo(withSection, ["ipsum"], ["field1"], 0).model).toBe(withSection);
  });

  it("a new field's key does not clash with one declared in a branch", () => {
    const form = fixture("schema dependencies with a field named like a new one");
    const { model, path } = addField(readForm(form.schema, form.uiSchema), "text");
    expect(path).toEqual(["field2"]);
    expect(writeForm(model).schema.properties).not.toHaveProperty("field1");
  });

  it("a $ref field lists the referenced object's fields read-only; their order and ui are its own", () => {
    const form = fixture("references");
    const model = readForm(form.schema, form.uiSchema);
    const shipping = fieldAt(model, ["shipping_address"])!;
    expect(shipping.kind).toBe("ref");
    expect(shipping.children.map((c) => c.key)).toEqual(["city", "street_address", "state"]);
    expect(shipping.children.every((c) => c.declaredIn === "引用 #/definitions/address")).toBe(true);
    const moved = writeForm(moveField(model, ["shipping_address"], 2, 0));
    expect(moved.uiSchema.shipping_address).toEqual({ "ui:order": ["state", "city", "street_address", "*"], city: { "ui:help": "Where it goes" } });
    expect(moved.schema).toStrictEqual(form.schema);
  });
});

describe("a top-level object without \"type\": \"object\"", () => {
  it("is read, and passes the lint as rjsf reads it (properties, or a $ref)", () => {
    const form = fixture("a top-level object without a type");
    expect(keys(readForm(form.schema, form.uiSchema))).toEqual(["name", "email"]);
    const definition = serviceDefinition.parse(structuredClone(example));
    definition.forms[0] = { ...definition.forms[0], schema: form.schema, uiSchema: form.uiSchema };
    definition.forms.push({ ...definition.forms[0], id: "recursive", schema: fixture("a top-level $ref without a type (recursive)").schema, uiSchema: {} });
    const codes = lintDefinition(definition).map((p) => p.code);
    expect(codes).not.toContain("FORM_NOT_OBJECT");
    expect(codes).not.toContain("FORM_SCHEMA_INVALID");
  });
});

describe("field types of forms from elsewhere", () => {
  it("recognises lists of plain text, $ref fields, enums without a type and labelled choices", () => {
    const arrays = readForm(fixture("arrays of plain text, numbers and enums").schema, {});
    expect(fieldAt(arrays, ["listOfStrings"])!.kind).toBe("textList");
    const refs = readForm(fixture("references").schema, {});
    expect(fieldAt(refs, ["tree"])!.kind).toBe("ref");
    const enums = readForm(fixture("enums without a type").schema, {});
    expect(fieldAt(enums, ["color"])!.kind).toBe("choice");
    expect(fieldAt(enums, ["size"])!.kind).toBe("choice");
    const labelled = readForm(fixture("labelled choices as oneOf + const + title").schema, {});
    expect(labelled.fields.map((f) => f.kind)).toEqual(["choice", "choice", "choice", "multiChoice"]);
  });

  it("changing a field's type keeps the settings that are not about the type", () => {
    const form = fixture("alternatives behind $ref");
    const model = readForm(form.schema, form.uiSchema);
    const field = { ...fieldAt(model, ["currentColor"])!, schema: { ...fieldAt(model, ["currentColor"])!.schema, description: "笔刷", readOnly: true }, ui: { "ui:help": "选一个", "ui:disabled": true } };
    const changed = changeKind(field, "text");
    expect(changed.schema).toMatchObject({ type: "string", title: "Brush color", description: "笔刷", readOnly: true });
    expect(changed.schema).not.toHaveProperty("$ref");
    expect(changed.ui).toEqual({ "ui:help": "选一个", "ui:disabled": true });
  });
});

describe("labelled choices", () => {
  it("reads oneOf/anyOf const + title and ui:enumNames as value/label pairs", () => {
    const model = readForm(fixture("labelled choices as oneOf + const + title").schema, {});
    expect(choiceOptions(fieldAt(model, ["level"])!)).toEqual([{ value: "1", label: "一级" }, { value: "2", label: "二级" }, { value: "3", label: "三级" }]);
    expect(choiceOptions(fieldAt(model, ["rating"])!)).toEqual([{ value: 1, label: "Poor" }, { value: 5, label: "Great" }]);
    expect(choiceOptions(fieldAt(model, ["tags"])!)).toEqual([{ value: "a", label: "Alpha" }, { value: "b", label: "Beta" }]);
    const names = fixture("ui:enumNames as a list and as a map");
    const named = readForm(names.schema, names.uiSchema);
    expect(choiceOptions(fieldAt(named, ["gender"])!)).toEqual([{ value: "m", label: "男" }, { value: "f", label: "女" }]);
    expect(choiceOptions(fieldAt(named, ["status"])!)).toEqual([{ value: "on", label: "启用" }, { value: "off", label: "停用" }]);
  });

  it("relabels in the style the form uses, keeping each option's other keywords", () => {
    const form = fixture("labelled choices as oneOf + const + title");
    const model = readForm(form.schema, form.uiSchema);
    const level = fieldAt(model, ["level"])!;
    const relabelled = withChoiceOptions(level, choiceOptions(level).map((o) => (o.value === "3" ? { ...o, label: "三级（高）" } : o)));
    const written = writeForm(updateField(model, ["level"], () => relabelled));
    expect((written.schema.properties as Record<string, { oneOf: unknown }>).level.oneOf).toEqual([{ const: "1", title: "一级" }, { const: "2", title: "二级" }, { const: "3", title: "三级（高）", description: "最高" }]);
    const names = fixture("ui:enumNames as a list and as a map");
    const named = readForm(names.schema, names.uiSchema);
    const status = fieldAt(named, ["status"])!;
    expect(withChoiceOptions(status, [...choiceOptions(status), { value: "paused", label: "暂停" }]).ui["ui:enumNames"]).toEqual({ on: "启用", off: "停用", paused: "暂停" });
  });
});

describe("settings the inspector has no control for", () => {
  it("are listed (kept, shown read-only); read-only, help, disabled, const, format and ui:enumNames have controls", () => {
    const widgets = fixture("widgets with formats, read-only and disabled fields");
    const model = readForm(widgets.schema, widgets.uiSchema);
    expect(extraSettings(fieldAt(model, ["widgetOptions"])!)).toEqual([{ where: "uiSchema", key: "ui:options", value: { backgroundColor: "yellow" } }]);
    expect(extraSettings(fieldAt(model, ["readonly2"])!)).toEqual([]);
    expect(extraSettings(fieldAt(model, ["disabled"])!)).toEqual([]);
    expect(extraSettings(fieldAt(model, ["selectWidgetOptions2"])!)).toEqual([]);
    const formats = readForm(fixture("const and several formats").schema, {});
    for (const key of ["country", "website", "email", "at", "time", "ip"]) expect(extraSettings(fieldAt(formats, [key])!), key).toEqual([]);
    const examples = readForm(fixture("examples and defaults").schema, {});
    expect(extraSettings(fieldAt(examples, ["browser"])!)).toEqual([{ where: "schema", key: "examples", value: ["Firefox", "Chrome", "Opera"] }]);
  });
});

describe("importing a form (pasted JSON Schema + uiSchema)", () => {
  it("says in Chinese what is wrong: bad JSON, not an object, an unknown dialect, an invalid schema", () => {
    expect(importFormText('{"type": "object",', "")).toMatchObject({ ok: false, part: "schema", message: expect.stringMatching(/^JSON Schema：JSON 格式不正确/) });
    expect(importFormText('{"type": "object"}', "{ ui: 1 }")).toMatchObject({ ok: false, part: "uiSchema", message: expect.stringMatching(/^uiSchema：JSON 格式不正确/) });
    expect(importFormText("[]", "")).toMatchObject({ ok: false, message: "JSON Schema 应为 JSON 对象（以 { 开头）" });
    expect(importFormText('{"type": "string"}', "")).toMatchObject({ ok: false, message: expect.stringContaining("顶层应为对象") });
    expect(importFormText('{"$schema": "http://json-schema.org/draft-04/schema#", "type": "object"}', "")).toMatchObject({ ok: false, message: expect.stringContaining("不支持的 JSON Schema 版本") });
    expect(importFormText('{"type": "object", "properties": {"a": {"type": "text"}}}', "")).toMatchObject({ ok: false, message: expect.stringMatching(/JSON Schema 无效（draft-07）：“\/properties\/a\/type”处/) });
    expect(importFormText('{"type": "object", "properties": {"a": {"$ref": "#/definitions/nope"}}}', "")).toMatchObject({ ok: false, message: expect.stringContaining("引用 #/definitions/nope 找不到对应的定义") });
  });

  it("accepts draft-07 and 2020-12, $schema deciding which ajv class checks it", () => {
    for (const form of externalForms) {
      const result = importFormText(JSON.stringify(form.schema), JSON.stringify(form.uiSchema));
      expect(result, form.name).toMatchObject({ ok: true, schema: form.schema, uiSchema: form.uiSchema });
    }
    const twenty = fixture("draft 2020-12 with prefixItems");
    expect(importFormText(JSON.stringify(twenty.schema), "")).toMatchObject({ ok: true, dialect: "2020-12", uiSchema: {} });
    // a 2020-12 keyword means what 2020-12 says: prefixItems + items:false bounds the tuple
    const validate = createAjvFor("2020-12").compile(twenty.schema);
    expect(validate({ point: [1, 2] })).toBe(true);
    expect(validate({ point: [1, 2, 3] })).toBe(false);
    // and a draft-07 schema using `items: false` with 2020-12's prefixItems is not read as 2020-12
    expect(importFormText(JSON.stringify({ ...twenty.schema, $schema: "http://json-schema.org/draft-07/schema#" }), "")).toMatchObject({ ok: true, dialect: "draft-07" });
  });

  it("the lint compiles a 2020-12 form with Ajv2020", () => {
    const definition = serviceDefinition.parse(structuredClone(example));
    definition.forms[0] = { ...definition.forms[0], schema: fixture("draft 2020-12 with $defs and $ref").schema };
    expect(lintDefinition(definition).map((p) => p.code)).not.toContain("FORM_SCHEMA_INVALID");
  });
});
