/**
 * The form builder's model of a form, and the round trip with JSON Schema (draft-07) + rjsf
 * uiSchema: `readForm(schema, ui)` → fields in display order, `writeForm(model)` → schema and
 * uiSchema again. Nothing is lost on the way: keywords the builder does not edit stay in each
 * field's own schema and uiSchema.
 *
 * Conditional visibility is JSON Schema, so that the server validates exactly what the person
 * saw: a field shown only when a sibling has a value lives in an `allOf` entry
 *   { if: { properties: { <dep>: <test> }, required: [<dep>] },
 *     then: { properties: { <key>: <field> }, required?: [<key>] } }
 * with <test> one of { const }, { not: { const } }, { enum }, { contains: { const } }.
 */
import { detectKind, type FieldKind, type JsonSchema, type UiSchema } from "./formFields";

export type VisibilityOp = "eq" | "neq" | "in" | "contains";

export interface VisibilityRule {
  /** A sibling field's key. */
  field: string;
  op: VisibilityOp;
  /** The value compared with (a list for `in`). */
  value: unknown;
}

export interface FieldModel {
  key: string;
  kind: FieldKind;
  required: boolean;
  /** The field's own schema; for a section without `properties`/`required`/conditions, for a table the same inside `items`. */
  schema: JsonSchema;
  /** The field's own uiSchema, without its children's entries and order. */
  ui: UiSchema;
  /** A section's fields, or a table's columns. */
  children: FieldModel[];
  /** Whether the children's order is written as `ui:order`. */
  ordered: boolean;
  visibleWhen: VisibilityRule | null;
}

export interface FormModel {
  /** The root schema without `properties`/`required`/conditions. */
  schema: JsonSchema;
  ui: UiSchema;
  fields: FieldModel[];
  ordered: boolean;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function only(record: Record<string, unknown>, ...keys: string[]): boolean {
  const present = Object.keys(record);
  return present.every((k) => keys.includes(k)) && keys.some((k) => k in record);
}

function testToRule(field: string, test: unknown): VisibilityRule | null {
  if (!isObject(test)) return null;
  if (only(test, "const")) return { field, op: "eq", value: test.const };
  if (only(test, "enum") && Array.isArray(test.enum)) return { field, op: "in", value: test.enum };
  if (only(test, "not") && isObject(test.not) && only(test.not, "const")) return { field, op: "neq", value: test.not.const };
  if (only(test, "contains") && isObject(test.contains) && only(test.contains, "const")) return { field, op: "contains", value: test.contains.const };
  return null;
}

export function ruleToTest(rule: VisibilityRule): JsonSchema {
  switch (rule.op) {
    case "eq":
      return { const: rule.value };
    case "neq":
      return { not: { const: rule.value } };
    case "in":
      return { enum: Array.isArray(rule.value) ? rule.value : [rule.value] };
    case "contains":
      return { contains: { const: rule.value } };
  }
}

interface Conditional {
  key: string;
  schema: JsonSchema;
  required: boolean;
  rule: VisibilityRule;
}

/** An `allOf` entry that shows one field on a sibling's value, or null when it is anything else. */
function readConditional(entry: unknown, base: Record<string, unknown>): Conditional | null {
  if (!isObject(entry) || !only(entry, "if", "then") || !isObject(entry.if) || !isObject(entry.then)) return null;
  const { if: test, then } = entry;
  if (!only(test, "properties", "required") || !isObject(test.properties) || !Array.isArray(test.required)) return null;
  const deps = Object.keys(test.properties);
  if (deps.length !== 1 || test.required.length !== 1 || test.required[0] !== deps[0]) return null;
  if (!only(then, "properties", "required") || !isObject(then.properties)) return null;
  const keys = Object.keys(then.properties);
  if (keys.length !== 1 || keys[0] in base || keys[0] === deps[0]) return null;
  const required = Array.isArray(then.required) ? then.required : [];
  if (required.length > 1 || (required.length === 1 && required[0] !== keys[0])) return null;
  const schema = then.properties[keys[0]];
  const rule = testToRule(deps[0], test.properties[deps[0]]);
  if (!isObject(schema) || !rule) return null;
  return { key: keys[0], schema, required: required.length === 1, rule };
}

interface ObjectParts {
  fields: FieldModel[];
  schema: JsonSchema;
  ui: UiSchema;
  ordered: boolean;
}

function readObject(schema: JsonSchema, ui: UiSchema): ObjectParts {
  const { properties: rawProperties, required: rawRequired, allOf: rawAllOf, ...schemaRest } = schema;
  const properties = isObject(rawProperties) ? rawProperties : {};
  const required = new Set(Array.isArray(rawRequired) ? rawRequired.filter((k): k is string => typeof k === "string") : []);
  const conditionals: Conditional[] = [];
  const otherAllOf: unknown[] = [];
  for (const entry of Array.isArray(rawAllOf) ? rawAllOf : []) {
    const conditional = readConditional(entry, properties);
    if (conditional && !conditionals.some((c) => c.key === conditional.key)) conditionals.push(conditional);
    else otherAllOf.push(entry);
  }
  const rest: JsonSchema = { ...schemaRest };
  if (otherAllOf.length > 0) rest.allOf = otherAllOf;
  // `required` naming keys that are not properties is kept as it is (nothing to attach it to).
  const orphans = [...required].filter((k) => !(k in properties));
  if (orphans.length > 0) rest.required = orphans;

  const { "ui:order": rawOrder, ...uiRestAll } = ui;
  const declared = [...Object.keys(properties), ...conditionals.map((c) => c.key)];
  const order = Array.isArray(rawOrder) ? rawOrder.filter((k): k is string => typeof k === "string" && declared.includes(k)) : [];
  const keys = [...new Set([...order, ...declared])];
  const uiRest: UiSchema = {};
  for (const [k, v] of Object.entries(uiRestAll)) if (!declared.includes(k)) uiRest[k] = v;

  const fields = keys.map((key) => {
    const conditional = conditionals.find((c) => c.key === key);
    const fieldSchema = conditional ? conditional.schema : (properties[key] as JsonSchema);
    const fieldUi = isObject(ui[key]) ? (ui[key] as UiSchema) : {};
    return readField(key, isObject(fieldSchema) ? fieldSchema : {}, fieldUi, conditional ? conditional.required : required.has(key), conditional?.rule ?? null);
  });
  return { fields, schema: rest, ui: uiRest, ordered: Array.isArray(rawOrder) };
}

function readField(key: string, schema: JsonSchema, ui: UiSchema, required: boolean, visibleWhen: VisibilityRule | null): FieldModel {
  const kind = detectKind(schema, ui);
  if (kind === "section") {
    const parts = readObject(schema, ui);
    return { key, kind, required, schema: parts.schema, ui: parts.ui, children: parts.fields, ordered: parts.ordered, visibleWhen };
  }
  if (kind === "table") {
    const items = schema.items as JsonSchema;
    const { items: rawItemsUi, ...uiRest } = ui;
    const parts = readObject(items, isObject(rawItemsUi) ? rawItemsUi : {});
    const fieldUi: UiSchema = Object.keys(parts.ui).length > 0 ? { ...uiRest, items: parts.ui } : uiRest;
    return { key, kind, required, schema: { ...schema, items: parts.schema }, ui: fieldUi, children: parts.fields, ordered: parts.ordered, visibleWhen };
  }
  return { key, kind, required, schema, ui, children: [], ordered: false, visibleWhen };
}

function writeObject(fields: FieldModel[], schema: JsonSchema, ui: UiSchema, ordered: boolean): { schema: JsonSchema; ui: UiSchema } {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = Array.isArray(schema.required) ? [...(schema.required as string[])] : [];
  const conditions: JsonSchema[] = [];
  const uiOut: UiSchema = { ...ui };
  for (const field of fields) {
    const written = writeField(field);
    if (Object.keys(written.ui).length > 0) uiOut[field.key] = written.ui;
    if (field.visibleWhen) {
      conditions.push({
        if: { properties: { [field.visibleWhen.field]: ruleToTest(field.visibleWhen) }, required: [field.visibleWhen.field] },
        then: { properties: { [field.key]: written.schema }, ...(field.required ? { required: [field.key] } : {}) },
      });
    } else {
      properties[field.key] = written.schema;
      if (field.required) required.push(field.key);
    }
  }
  const out: JsonSchema = { ...schema, properties };
  delete out.required;
  if (required.length > 0) out.required = required;
  const allOf = [...(Array.isArray(schema.allOf) ? schema.allOf : []), ...conditions];
  delete out.allOf;
  if (allOf.length > 0) out.allOf = allOf;
  if (ordered || conditions.length > 0) uiOut["ui:order"] = fields.map((f) => f.key);
  return { schema: out, ui: uiOut };
}

function writeField(field: FieldModel): { schema: JsonSchema; ui: UiSchema } {
  if (field.kind === "section") return writeObject(field.children, field.schema, field.ui, field.ordered);
  if (field.kind === "table") {
    const { items: itemsUi, ...uiRest } = field.ui;
    const items = writeObject(field.children, field.schema.items as JsonSchema, isObject(itemsUi) ? itemsUi : {}, field.ordered);
    const ui: UiSchema = Object.keys(items.ui).length > 0 ? { ...uiRest, items: items.ui } : uiRest;
    return { schema: { ...field.schema, items: items.schema }, ui };
  }
  return { schema: field.schema, ui: field.ui };
}

export function readForm(schema: JsonSchema, ui: UiSchema): FormModel {
  const parts = readObject(schema, ui);
  return { schema: parts.schema, ui: parts.ui, fields: parts.fields, ordered: parts.ordered };
}

export function writeForm(model: FormModel): { schema: JsonSchema; uiSchema: UiSchema } {
  const written = writeObject(model.fields, model.schema, model.ui, model.ordered);
  return { schema: written.schema, uiSchema: written.ui };
}
