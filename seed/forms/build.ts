/**
 * `Field[]` → JSON Schema draft-07 + rjsf uiSchema. Keys are stable ASCII ids (`f01_name`), titles
 * are the Chinese labels, made unique among siblings. Pure.
 */
import { FORMAT } from "@/runtime/forms/formats";
import { FIELD_BOUNDS } from "@/runtime/forms/schemaBounds";
import { attestationSchema, attestationUiSchema } from "@/runtime/forms/attestation";
import { OFFICE_USE_OPTION } from "@/runtime/forms/officeUse";
import type { Field, ScalarField } from "./fields";
import { hasRequired } from "./fields";
import { keyFor, uniqueTitles } from "./keys";
import { markPastDate } from "./pastDates";

export type JsonSchema = Record<string, unknown>;
export type UiSchema = Record<string, unknown>;

export interface BuiltSchema {
  schema: JsonSchema;
  uiSchema: UiSchema;
}

export const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

/** Options with at most this many entries are shown as radio buttons, more as a select. */
const RADIO_LIMIT = 6;

function scalarSchema(field: ScalarField): BuiltSchema {
  const title = field.label;
  const ui: UiSchema = {};
  let schema: JsonSchema;
  switch (field.type) {
    case "textarea":
      schema = { type: "string", title };
      ui["ui:widget"] = "textarea";
      break;
    case "date":
      schema = markPastDate({ type: "string", title, format: "date" });
      break;
    case "yearMonth":
      schema = markPastDate({ type: "string", title, format: FORMAT.yearMonth });
      ui["ui:options"] = { inputType: "month" };
      ui["ui:placeholder"] = "YYYY-MM";
      break;
    case "year":
      schema = { type: "integer", title, minimum: 1900, maximum: 2100 };
      break;
    case "integer":
      schema = { type: "integer", title, minimum: 0 };
      break;
    case "number":
      schema = { type: "number", title, minimum: 0 };
      break;
    case "amount":
      schema = { type: "number", title, minimum: 0, format: FORMAT.amount };
      break;
    case "residentId":
      schema = { type: "string", title, format: FORMAT.residentId };
      ui["ui:placeholder"] = "18位公民身份号码";
      break;
    case "creditCode":
      schema = { type: "string", title, format: FORMAT.creditCode };
      ui["ui:placeholder"] = "18位统一社会信用代码";
      break;
    case "phone":
      schema = { type: "string", title, format: FORMAT.phone };
      ui["ui:options"] = { inputType: "tel" };
      break;
    case "email":
      schema = { type: "string", title, format: "email" };
      break;
    case "postcode":
      schema = { type: "string", title, pattern: "^\\d{6}$" };
      ui["ui:placeholder"] = "6位数字";
      break;
    case "boolean":
      schema = { type: "boolean", title };
      break;
    default:
      schema = { type: "string", title };
  }
  if (field.required && (field.type === "text" || field.type === "textarea")) schema.minLength = 1;
  if (schema.type === "string") schema.maxLength = field.type === "textarea" ? FIELD_BOUNDS.textarea : FIELD_BOUNDS.text;
  if (field.help) schema.description = field.help;
  if (field.placeholder && !ui["ui:placeholder"]) ui["ui:placeholder"] = field.placeholder;
  if (field.readOnly) {
    ui["ui:readonly"] = true;
    ui["ui:help"] = "申请人不填写";
  }
  return { schema, uiSchema: ui };
}

function fieldSchema(field: Field): BuiltSchema {
  switch (field.kind) {
    case "scalar":
      return scalarSchema(field);
    case "choice": {
      const options = [...new Set(field.options)];
      if (field.multiple) {
        const schema: JsonSchema = {
          type: "array",
          title: field.label,
          items: { type: "string", enum: options },
          uniqueItems: true,
          maxItems: options.length,
        };
        if (field.required) schema.minItems = 1;
        if (field.help) schema.description = field.help;
        return { schema, uiSchema: { "ui:widget": "checkboxes", "ui:options": { inline: options.length <= RADIO_LIMIT } } };
      }
      const schema: JsonSchema = { type: "string", title: field.label, enum: options };
      if (field.help) schema.description = field.help;
      const uiSchema: UiSchema = options.length <= RADIO_LIMIT ? { "ui:widget": "radio", "ui:options": { inline: true } } : {};
      return { schema, uiSchema };
    }
    case "attestation": {
      const schema = attestationSchema(field.label, field.mode, { required: !!field.required, dated: field.dated });
      if (field.help) schema.description = field.help;
      return { schema, uiSchema: attestationUiSchema(field.mode) };
    }
    case "group": {
      const built = objectSchema(field.children, field.label);
      if (field.help) built.schema.description = field.help;
      return built;
    }
    case "list": {
      const item = objectSchema(field.columns, undefined);
      const schema: JsonSchema = { type: "array", title: field.label, items: item.schema };
      if (field.columns.some(hasRequired)) schema.minItems = 1;
      schema.maxItems = FIELD_BOUNDS.rows;
      if (field.help) schema.description = field.help;
      return {
        schema,
        uiSchema: { items: item.uiSchema, "ui:options": { orderable: false } },
      };
    }
  }
}

/** An object schema for sibling fields: unique titles, positional keys, `required` of what must be filled. */
export function objectSchema(fields: Field[], title: string | undefined): BuiltSchema {
  const titles = uniqueTitles(fields.map((f) => f.label));
  const properties: Record<string, JsonSchema> = {};
  const uiSchema: UiSchema = {};
  const required: string[] = [];
  const order: string[] = [];
  fields.forEach((field, index) => {
    const key = keyFor(index + 1, field.label);
    const built = fieldSchema({ ...field, label: titles[index] } as Field);
    if (isOfficeUse(field)) built.uiSchema = withOfficeUseOption(built.uiSchema);
    properties[key] = built.schema;
    if (Object.keys(built.uiSchema).length) uiSchema[key] = built.uiSchema;
    if (hasRequired(field)) required.push(key);
    order.push(key);
  });
  const schema: JsonSchema = { type: "object" };
  if (title) schema.title = title;
  schema.properties = properties;
  if (required.length) schema.required = required;
  if (order.length > 1) uiSchema["ui:order"] = order;
  return { schema, uiSchema };
}

/** A field the office fills: marked itself, or a group/list of nothing but such fields. */
function isOfficeUse(field: Field): boolean {
  if (field.officeUse) return true;
  if (field.kind === "group") return field.children.length > 0 && field.children.every(isOfficeUse);
  if (field.kind === "list") return field.columns.length > 0 && field.columns.every(isOfficeUse);
  return false;
}

/** `ui:options.officeUse`: the applicant's form leaves the field out (`app/_components/ServiceForm`). */
function withOfficeUseOption(uiSchema: UiSchema): UiSchema {
  const options = (uiSchema["ui:options"] ?? {}) as Record<string, unknown>;
  return { ...uiSchema, "ui:options": { ...options, [OFFICE_USE_OPTION]: true } };
}
