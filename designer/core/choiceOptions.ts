/**
 * The options of a single or multiple choice, however the form writes them: a plain `enum`,
 * an `enum` with labels in `ui:enumNames` (a list, or a map from value to label), or labelled
 * values as `oneOf`/`anyOf` entries of `const` + `title` (rjsf's way of giving each value a
 * label). Read as value/label pairs and written back in the same style. Pure.
 */
import { labelledChoiceKeyword, type JsonSchema } from "./formFields";
import type { FieldModel } from "./formModel";
import { isObject } from "@/runtime/definition/json";

export interface ChoiceOption {
  value: unknown;
  /** The label shown for the value; "" when the value itself is shown. */
  label: string;
}

export type ChoiceStyle = "enum" | "enumNames" | "oneOf" | "anyOf";

/** The schema holding the options: the field's own, or its `items` for a multiple choice. */
function optionSchema(field: FieldModel): JsonSchema {
  if (field.kind === "multiChoice" && isObject(field.schema.items)) return field.schema.items;
  return field.schema;
}

export function choiceStyle(field: FieldModel): ChoiceStyle {
  const keyword = labelledChoiceKeyword(optionSchema(field));
  if (keyword && !Array.isArray(optionSchema(field).enum)) return keyword;
  return field.ui["ui:enumNames"] !== undefined ? "enumNames" : "enum";
}

export function choiceOptions(field: FieldModel): ChoiceOption[] {
  const schema = optionSchema(field);
  const style = choiceStyle(field);
  if (style === "oneOf" || style === "anyOf") {
    return (schema[style] as Record<string, unknown>[]).map((entry) => ({ value: entry.const, label: typeof entry.title === "string" ? entry.title : "" }));
  }
  const values = Array.isArray(schema.enum) ? schema.enum : [];
  const names = field.ui["ui:enumNames"];
  return values.map((value, i) => {
    const label = Array.isArray(names) ? names[i] : isObject(names) ? names[String(value)] : undefined;
    return { value, label: typeof label === "string" ? label : "" };
  });
}

/** The value typed for an option, as the field's type wants it (a number for a number field). */
export function parseOptionValue(field: FieldModel, text: string): unknown {
  const schema = optionSchema(field);
  const numeric = schema.type === "number" || schema.type === "integer" || (!schema.type && choiceOptions(field).length > 0 && choiceOptions(field).every((o) => typeof o.value === "number"));
  if (numeric && text.trim() !== "" && Number.isFinite(Number(text))) return Number(text);
  if (schema.type === "boolean" && (text === "true" || text === "false")) return text === "true";
  return text;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** The field with `options`, written in the style it had (labels added to a plain `enum` go to `ui:enumNames`). */
export function withChoiceOptions(field: FieldModel, options: readonly ChoiceOption[]): FieldModel {
  const schema = optionSchema(field);
  const style = choiceStyle(field);
  let nextOptionSchema: JsonSchema;
  let ui = field.ui;
  if (style === "oneOf" || style === "anyOf") {
    const old = schema[style] as Record<string, unknown>[];
    const entries = options.map((option) => {
      const base = old.find((e) => same(e.const, option.value)) ?? {};
      const entry: Record<string, unknown> = { ...base, const: option.value };
      if (option.label) entry.title = option.label;
      else delete entry.title;
      return entry;
    });
    nextOptionSchema = { ...schema, [style]: entries };
  } else {
    nextOptionSchema = { ...schema, enum: options.map((o) => o.value) };
    const labelled = options.some((o) => o.label !== "");
    const { "ui:enumNames": oldNames, ...uiRest } = field.ui;
    if (!labelled && style === "enum") ui = uiRest;
    else if (isObject(oldNames)) ui = { ...uiRest, "ui:enumNames": Object.fromEntries(options.filter((o) => o.label).map((o) => [String(o.value), o.label])) };
    else ui = { ...uiRest, "ui:enumNames": options.map((o) => o.label || String(o.value)) };
  }
  const nextSchema = field.kind === "multiChoice" && isObject(field.schema.items) ? { ...field.schema, items: nextOptionSchema } : nextOptionSchema;
  return { ...field, schema: nextSchema, ui };
}
