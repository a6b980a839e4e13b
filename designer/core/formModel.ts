/**
 * The form builder's model of a form, and the round trip with JSON Schema (draft-07 or 2020-12) +
 * rjsf uiSchema: `readForm(schema, ui)` → fields in display order, `writeForm(model)` → schema and
 * uiSchema again. Nothing is lost on the way: keywords the builder does not edit stay in each
 * field's own schema and uiSchema, and a form read and written back unchanged is deep-equal to
 * what was read (forms written for react-jsonschema-form elsewhere included):
 * - `ui:order` keeps its `"*"` wildcard (rjsf: "all the other fields, in schema order") and
 *   entries naming no field; the fields are listed in the order rjsf shows them;
 * - fields declared outside `properties` (in `allOf`/`anyOf`/`oneOf`, `if`/`then`/`else`,
 *   `dependencies`, behind a `$ref`) are listed with `declaredIn` saying where: their place in
 *   the order and their uiSchema (label via `ui:title`, help …) can be edited, their schema stays
 *   where it is declared;
 * - `required` and `allOf` keep their order.
 *
 * Conditional visibility is JSON Schema, so that the server validates exactly what the person
 * saw: a field shown only when a sibling has a value lives in an `allOf` entry
 *   { if: { properties: { <dep>: <test> }, required: [<dep>] },
 *     then: { properties: { <key>: <field> }, required?: [<key>] } }
 * with <test> one of { const }, { not: { const } }, { enum }, { contains: { const } }.
 */
import { detectKind, type FieldKind, type JsonSchema, type UiSchema } from "./formFields";
import { placedFields } from "@/runtime/definition/schemaPlaces";
import { isObject } from "@/runtime/definition/json";
import { expandOrder } from "@/runtime/forms/uiOrder";

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
  /**
   * Set for a field declared outside its container's `properties` (a branch, a condition, a
   * `$ref`): where, in Chinese. Its schema is shown, not written; its uiSchema is written.
   */
  declaredIn?: string | null;
  /** What was read for the children's container (order, required, allOf as they were). */
  source?: ContainerSource;
}

/** A container's `ui:order`, `required` and `allOf` as read, so that they are written back alike. */
export interface ContainerSource {
  /** `ui:order` as read, or null. */
  order: unknown[] | null;
  /** Entries of `ui:order` that named no field when read (rjsf ignores them); kept. */
  orderExtras: unknown[];
  /** The keys in the order rjsf lists them without a `ui:order` (properties, then conditions and branches). */
  declared: string[];
  /** `required` as read, or null when absent. */
  required: unknown[] | null;
  /** `required` entries that named no property when read; kept. */
  orphans: unknown[];
  /** Whether `properties` was there. */
  hadProperties: boolean;
  /** `allOf` as read: entries kept as they are, and the places of the builder's conditions (by field key). */
  allOf: ({ keep: unknown } | { field: string })[] | null;
  /** Properties whose schema is not an object (`true`/`false`), kept as they are. */
  otherProperties: Record<string, unknown>;
  /** Fields whose uiSchema entry was `{}`. */
  emptyUi: string[];
}

export interface FormModel {
  /** The root schema without `properties`/`required`/conditions. */
  schema: JsonSchema;
  ui: UiSchema;
  fields: FieldModel[];
  ordered: boolean;
  source?: ContainerSource;
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
  source: ContainerSource;
}

const sameList = (a: readonly unknown[], b: readonly unknown[]) => a.length === b.length && a.every((v, i) => v === b[i]);

function readObject(schema: JsonSchema, ui: UiSchema, root: JsonSchema): ObjectParts {
  const { properties: rawProperties, required: rawRequired, allOf: rawAllOf, ...schemaRest } = schema;
  const allProperties = isObject(rawProperties) ? rawProperties : {};
  // A property whose schema is not an object (`true`, `false`) is kept as it is, not listed.
  const properties: Record<string, JsonSchema> = {};
  const otherProperties: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(allProperties)) {
    if (isObject(value)) properties[key] = value;
    else otherProperties[key] = value;
  }
  const requiredList = Array.isArray(rawRequired) ? rawRequired : null;
  const required = new Set((requiredList ?? []).filter((k): k is string => typeof k === "string"));
  const conditionals: Conditional[] = [];
  const allOf: ContainerSource["allOf"] = Array.isArray(rawAllOf) ? [] : null;
  const own = new Set<number>();
  (Array.isArray(rawAllOf) ? rawAllOf : []).forEach((entry, i) => {
    const conditional = readConditional(entry, allProperties);
    if (conditional && !conditionals.some((c) => c.key === conditional.key)) {
      conditionals.push(conditional);
      allOf!.push({ field: conditional.key });
      own.add(i);
    } else allOf!.push({ keep: entry });
  });
  const rest: JsonSchema = { ...schemaRest };
  const orphans = (requiredList ?? []).filter((k) => typeof k !== "string" || !(k in allProperties));

  const listed = new Set([...Object.keys(allProperties), ...conditionals.map((c) => c.key)]);
  const placed = placedFields(schema, root, listed, own);
  const declared = [...Object.keys(properties), ...conditionals.map((c) => c.key), ...placed.map((p) => p.key)];

  const { "ui:order": rawOrder, ...uiRestAll } = ui;
  const order = Array.isArray(rawOrder) ? rawOrder : null;
  const keys = order ? expandOrder(order, declared) : declared;
  const uiRest: UiSchema = {};
  for (const [k, v] of Object.entries(uiRestAll)) if (!declared.includes(k) || !isObject(v)) uiRest[k] = v;
  const emptyUi = declared.filter((k) => isObject(ui[k]) && Object.keys(ui[k] as object).length === 0);

  const fields = keys.map((key) => {
    const fieldUi = isObject(ui[key]) ? (ui[key] as UiSchema) : {};
    const conditional = conditionals.find((c) => c.key === key);
    if (conditional) return readField(key, conditional.schema, fieldUi, conditional.required, conditional.rule, root);
    const place = placed.find((p) => p.key === key);
    if (place) return readPlaced(key, place.schema, fieldUi, place.required || required.has(key), place.places.join("；"));
    return readField(key, properties[key], fieldUi, required.has(key), null, root);
  });
  const source: ContainerSource = {
    order,
    orderExtras: (order ?? []).filter((k) => k !== "*" && !(typeof k === "string" && declared.includes(k))),
    declared,
    required: requiredList,
    orphans,
    hadProperties: isObject(rawProperties),
    allOf,
    otherProperties,
    emptyUi,
  };
  return { fields, schema: rest, ui: uiRest, ordered: order !== null, source };
}

/** A field declared outside `properties`: shown with where it is declared; its schema is not written from here. */
function readPlaced(key: string, schema: JsonSchema, ui: UiSchema, required: boolean, declaredIn: string): FieldModel {
  return { key, kind: detectKind(schema, ui), required, schema, ui, children: [], ordered: false, visibleWhen: null, declaredIn };
}

function readField(key: string, schema: JsonSchema, ui: UiSchema, required: boolean, visibleWhen: VisibilityRule | null, root: JsonSchema): FieldModel {
  const kind = detectKind(schema, ui);
  if (kind === "section") {
    const parts = readObject(schema, ui, root);
    return { key, kind, required, schema: parts.schema, ui: parts.ui, children: parts.fields, ordered: parts.ordered, visibleWhen, source: parts.source };
  }
  if (kind === "table") {
    const items = schema.items as JsonSchema;
    const { items: rawItemsUi, ...uiRest } = ui;
    const parts = readObject(items, isObject(rawItemsUi) ? rawItemsUi : {}, root);
    const fieldUi: UiSchema = isObject(rawItemsUi) || Object.keys(parts.ui).length > 0 ? { ...uiRest, items: parts.ui } : uiRest;
    return { key, kind, required, schema: { ...schema, items: parts.schema }, ui: fieldUi, children: parts.fields, ordered: parts.ordered, visibleWhen, source: parts.source };
  }
  if (kind === "ref") {
    // The referenced object's fields, read-only: their order and uiSchema are this field's.
    const parts = readObject({ $ref: schema.$ref }, ui, root);
    return { key, kind, required, schema, ui: parts.ui, children: parts.fields, ordered: parts.ordered, visibleWhen, source: parts.source };
  }
  return { key, kind, required, schema, ui, children: [], ordered: false, visibleWhen };
}

/** The order of `fields` rjsf shows without a `ui:order`: properties as written, then conditional and branch fields as they were read. */
function naturalOrder(fields: readonly FieldModel[], source: ContainerSource | undefined): string[] {
  const plain = fields.filter((f) => !f.visibleWhen && !f.declaredIn).map((f) => f.key);
  const others = fields.filter((f) => f.visibleWhen || f.declaredIn).map((f) => f.key);
  const declared = source?.declared ?? [];
  const rank = (key: string) => (declared.includes(key) ? declared.indexOf(key) : declared.length + others.indexOf(key));
  return [...plain, ...[...others].sort((a, b) => rank(a) - rank(b))];
}

/** `ui:order` for `keys`: the one read when it still gives this order, else one keeping its `"*"` where it can. */
function writeOrder(source: ContainerSource, keys: string[], natural: string[]): unknown[] {
  const read = source.order ?? [];
  const extras = source.orderExtras;
  const kept = read.filter((k) => k === "*" || (typeof k === "string" && keys.includes(k)) || extras.includes(k));
  // Without "*", rjsf refuses a list that leaves a field out (a field just added, say): it must name every one.
  const complete = kept.includes("*") || keys.every((k) => kept.includes(k));
  if (complete && sameList(expandOrder(kept, natural), keys)) return kept;
  const extrasOut = read.filter((k) => extras.includes(k));
  if (!read.includes("*")) return [...keys, ...extrasOut];
  const named = new Set(read.filter((k) => k !== "*"));
  const rest = keys.filter((k) => !named.has(k));
  const start = rest.length > 0 ? keys.indexOf(rest[0]) : -1;
  if (start >= 0 && sameList(keys.slice(start, start + rest.length), natural.filter((k) => rest.includes(k)))) {
    return [...keys.slice(0, start), "*", ...keys.slice(start + rest.length), ...extrasOut];
  }
  return [...keys, "*", ...extrasOut];
}

function writeObject(fields: FieldModel[], schema: JsonSchema, ui: UiSchema, ordered: boolean, source?: ContainerSource): { schema: JsonSchema; ui: UiSchema } {
  const properties: Record<string, unknown> = { ...(source?.otherProperties ?? {}) };
  const wanted: string[] = [];
  const conditions = new Map<string, JsonSchema>();
  const uiOut: UiSchema = { ...ui };
  for (const field of fields) {
    const written = writeField(field);
    if (Object.keys(written.ui).length > 0 || source?.emptyUi.includes(field.key)) uiOut[field.key] = written.ui;
    if (field.declaredIn) continue;
    if (field.visibleWhen) {
      conditions.set(field.key, {
        if: { properties: { [field.visibleWhen.field]: ruleToTest(field.visibleWhen) }, required: [field.visibleWhen.field] },
        then: { properties: { [field.key]: written.schema }, ...(field.required ? { required: [field.key] } : {}) },
      });
    } else {
      properties[field.key] = written.schema;
      if (field.required) wanted.push(field.key);
    }
  }
  const out: JsonSchema = { ...schema };
  delete out.properties;
  delete out.required;
  delete out.allOf;
  if (Object.keys(properties).length > 0 || source?.hadProperties !== false) out.properties = properties;

  // `required` in the order read: kept entries, then newly required fields.
  const legacy = !source && Array.isArray(schema.required) ? (schema.required as unknown[]) : [];
  const base = source ? (source.required ?? []) : legacy;
  const orphans = source ? source.orphans : legacy;
  const required = [...base.filter((k) => orphans.includes(k) || wanted.includes(k as string)), ...wanted].filter((k, i, all) => all.indexOf(k) === i);
  if (required.length > 0 || (source?.required && source.required.length === 0)) out.required = required;

  // `allOf` in the order read: kept entries, the builder's conditions in their places, new ones last.
  const slots = source ? (source.allOf ?? []) : (Array.isArray(schema.allOf) ? schema.allOf : []).map((keep) => ({ keep }));
  // A new condition writes the order in full (the builder's forms always carry one with conditions).
  const newCondition = [...conditions.keys()].some((key) => !slots.some((slot) => "field" in slot && slot.field === key));
  const allOf: unknown[] = [];
  for (const slot of slots) {
    if ("keep" in slot) allOf.push(slot.keep);
    else if (conditions.has(slot.field)) {
      allOf.push(conditions.get(slot.field));
      conditions.delete(slot.field);
    }
  }
  allOf.push(...conditions.values());
  if (allOf.length > 0 || (source?.allOf && source.allOf.length === 0)) out.allOf = allOf;

  const keys = fields.map((f) => f.key);
  const natural = naturalOrder(fields, source);
  if (source?.order) uiOut["ui:order"] = writeOrder(source, keys, natural);
  else if (ordered || newCondition || !sameList(keys, natural)) uiOut["ui:order"] = keys;
  return { schema: out, ui: uiOut };
}

function writeField(field: FieldModel): { schema: JsonSchema; ui: UiSchema } {
  if (field.declaredIn) return { schema: field.schema, ui: field.ui };
  if (field.kind === "section") return writeObject(field.children, field.schema, field.ui, field.ordered, field.source);
  if (field.kind === "table") {
    const { items: itemsUi, ...uiRest } = field.ui;
    const items = writeObject(field.children, field.schema.items as JsonSchema, isObject(itemsUi) ? itemsUi : {}, field.ordered, field.source);
    const ui: UiSchema = Object.keys(items.ui).length > 0 || isObject(itemsUi) ? { ...uiRest, items: items.ui } : uiRest;
    return { schema: { ...field.schema, items: items.schema }, ui };
  }
  if (field.kind === "ref") {
    const written = writeObject(field.children, {}, field.ui, field.ordered, field.source);
    return { schema: field.schema, ui: written.ui };
  }
  return { schema: field.schema, ui: field.ui };
}

export function readForm(schema: JsonSchema, ui: UiSchema): FormModel {
  const parts = readObject(schema, ui, schema);
  return { schema: parts.schema, ui: parts.ui, fields: parts.fields, ordered: parts.ordered, source: parts.source };
}

export function writeForm(model: FormModel): { schema: JsonSchema; uiSchema: UiSchema } {
  const written = writeObject(model.fields, model.schema, model.ui, model.ordered, model.source);
  return { schema: written.schema, uiSchema: written.ui };
}
