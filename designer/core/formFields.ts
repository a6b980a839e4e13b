/**
 * The field types of the form builder: what each is as JSON Schema (draft-07) + uiSchema, and
 * how a schema is recognised as one of them (also as forms written for react-jsonschema-form
 * elsewhere write them: enums without a `type`, labelled choices as `oneOf`/`anyOf` of
 * `const` + `title`, objects without `"type": "object"`, lists of plain text, `$ref` fields).
 * Schemas the builder does not know stay "other": shown, moved and relabelled like any field,
 * edited in full as JSON text.
 */
import { FORMAT } from "@/runtime/forms/formats";
import { FIELD_BOUNDS } from "@/runtime/forms/schemaBounds";
import { attestationModeOf, attestationSchema, attestationUiSchema } from "@/runtime/forms/attestation";
import { isObject } from "@/runtime/definition/json";

export type JsonSchema = Record<string, unknown>;
export type UiSchema = Record<string, unknown>;

export const fieldKinds = [
  "text",
  "textarea",
  "number",
  "amount",
  "date",
  "yearMonth",
  "choice",
  "multiChoice",
  "yesNo",
  "residentId",
  "creditCode",
  "phone",
  "address",
  "textList",
  "table",
  "section",
  "file",
  "attestation",
] as const;
export type PaletteKind = (typeof fieldKinds)[number];
export type FieldKind = PaletteKind | "ref" | "other";

export const fieldKindLabels: Record<FieldKind, string> = {
  text: "单行文本",
  textarea: "多行文本",
  number: "数字",
  amount: "金额",
  date: "日期",
  yearMonth: "年月",
  choice: "单选",
  multiChoice: "多选",
  yesNo: "是/否",
  residentId: "身份证号",
  creditCode: "统一社会信用代码",
  phone: "电话",
  address: "地址",
  textList: "文本列表",
  table: "表格（多行）",
  section: "分组",
  file: "附件",
  attestation: "承诺/签名",
  ref: "引用",
  other: "其他",
};

/** Marks a plain string field as an address (a `$comment`, ignored by validators). */
export const ADDRESS_COMMENT = "address";

/** The schema and uiSchema of a new field of `kind`. */
export function fieldTemplate(kind: PaletteKind, title: string): { schema: JsonSchema; ui: UiSchema } {
  switch (kind) {
    case "text":
      return { schema: { type: "string", title, maxLength: FIELD_BOUNDS.text }, ui: {} };
    case "textarea":
      return { schema: { type: "string", title, maxLength: FIELD_BOUNDS.textarea }, ui: { "ui:widget": "textarea" } };
    case "number":
      return { schema: { type: "number", title }, ui: {} };
    case "amount":
      return { schema: { type: "number", title, minimum: 0, format: FORMAT.amount }, ui: { "ui:placeholder": "单位：元" } };
    case "date":
      return { schema: { type: "string", title, format: "date" }, ui: {} };
    case "yearMonth":
      return { schema: { type: "string", title, format: FORMAT.yearMonth }, ui: { "ui:options": { inputType: "month" }, "ui:placeholder": "YYYY-MM" } };
    case "choice":
      return { schema: { type: "string", title, enum: ["选项一", "选项二"] }, ui: { "ui:widget": "radio", "ui:options": { inline: true } } };
    case "multiChoice":
      return {
        schema: { type: "array", title, items: { type: "string", enum: ["选项一", "选项二"] }, uniqueItems: true, maxItems: FIELD_BOUNDS.rows },
        ui: { "ui:widget": "checkboxes", "ui:options": { inline: true } },
      };
    case "yesNo":
      return { schema: { type: "boolean", title }, ui: { "ui:widget": "radio", "ui:options": { inline: true } } };
    case "residentId":
      return { schema: { type: "string", title, format: FORMAT.residentId }, ui: { "ui:placeholder": "18位公民身份号码" } };
    case "creditCode":
      return { schema: { type: "string", title, format: FORMAT.creditCode }, ui: { "ui:placeholder": "18位统一社会信用代码" } };
    case "phone":
      return { schema: { type: "string", title, format: FORMAT.phone }, ui: { "ui:options": { inputType: "tel" } } };
    case "address":
      return { schema: { type: "string", title, maxLength: FIELD_BOUNDS.textarea, $comment: ADDRESS_COMMENT }, ui: { "ui:widget": "textarea", "ui:options": { rows: 2 }, "ui:placeholder": "省（区）、市、县（区）、街道及门牌号" } };
    case "textList":
      return { schema: { type: "array", title, items: { type: "string", maxLength: FIELD_BOUNDS.text }, maxItems: FIELD_BOUNDS.rows }, ui: {} };
    case "table":
      return { schema: { type: "array", title, items: { type: "object" }, maxItems: FIELD_BOUNDS.rows }, ui: {} };
    case "section":
      return { schema: { type: "object", title }, ui: {} };
    case "file":
      return { schema: { type: "string", title, format: "data-url" }, ui: { "ui:options": { accept: ".pdf,.jpg,.jpeg,.png" } } };
    case "attestation":
      return { schema: attestationSchema(title, "signature", { required: true, dated: true }), ui: attestationUiSchema("signature") };
  }
}

const stringFormats: Record<string, FieldKind> = {
  date: "date",
  [FORMAT.yearMonth]: "yearMonth",
  [FORMAT.residentId]: "residentId",
  [FORMAT.creditCode]: "creditCode",
  [FORMAT.phone]: "phone",
  "data-url": "file",
};

/** `oneOf`/`anyOf` entries that are each a labelled value (`const`, with `title`/`description`): the keyword, or null. */
export function labelledChoiceKeyword(schema: JsonSchema): "oneOf" | "anyOf" | null {
  for (const keyword of ["oneOf", "anyOf"] as const) {
    const entries = schema[keyword];
    if (
      Array.isArray(entries) &&
      entries.length > 0 &&
      entries.every((e) => isObject(e) && "const" in e && Object.keys(e).every((k) => k === "const" || k === "title" || k === "description"))
    )
      return keyword;
  }
  return null;
}

/** Whether `schema` offers a fixed list of values: an `enum` or labelled `oneOf`/`anyOf`. */
function isChoiceList(schema: JsonSchema): boolean {
  return Array.isArray(schema.enum) || labelledChoiceKeyword(schema) !== null;
}

/** Which builder field a (sub)schema is. */
export function detectKind(schema: JsonSchema, ui: UiSchema): FieldKind {
  if (typeof schema.$ref === "string") return "ref";
  if (attestationModeOf(schema)) return "attestation";
  switch (schema.type) {
    case "object":
      return "section";
    case "array": {
      const items = isObject(schema.items) ? schema.items : null;
      if (items?.type === "object") return "table";
      if (items && isChoiceList(items)) return "multiChoice";
      if (items?.type === "string") return "textList";
      return "other";
    }
    case "boolean":
      return "yesNo";
    case "number":
    case "integer":
      if (isChoiceList(schema)) return "choice";
      return schema.format === FORMAT.amount ? "amount" : "number";
    case "string": {
      if (isChoiceList(schema)) return "choice";
      if (typeof schema.format === "string") return stringFormats[schema.format] ?? "text";
      if (schema.$comment === ADDRESS_COMMENT) return "address";
      return ui["ui:widget"] === "textarea" ? "textarea" : "text";
    }
    case undefined:
      // rjsf reads a schema without `type` by what it holds.
      if (isChoiceList(schema)) return "choice";
      if (isObject(schema.properties)) return "section";
      return "other";
    default:
      return "other";
  }
}

/** Kinds whose value is a string typed by the person (length, pattern and placeholder apply). */
export const typedTextKinds: ReadonlySet<FieldKind> = new Set(["text", "textarea", "address"]);
/** Kinds with a numeric range. */
export const numericKinds: ReadonlySet<FieldKind> = new Set(["number", "amount"]);
/** Kinds with a list of options. */
export const optionKinds: ReadonlySet<FieldKind> = new Set(["choice", "multiChoice"]);
/** Kinds holding other fields. */
export const containerKinds: ReadonlySet<FieldKind> = new Set(["section", "table"]);
