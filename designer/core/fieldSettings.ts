/**
 * Which of a field's settings the field inspector edits, and which it only shows: everything in
 * the field's schema and uiSchema is kept; what the inspector has no control for is listed
 * read-only ("其他设置"), so that no setting of a form written elsewhere is invisible. Pure.
 */
import { containerKinds, numericKinds, optionKinds, typedTextKinds, type FieldKind } from "./formFields";
import type { FieldModel } from "./formModel";
import { NOT_AFTER_TODAY } from "@/runtime/forms/notAfterToday";

/** String formats the inspector offers for a text field (the others are field types of their own). */
export const textFormats: Record<string, string> = {
  email: "电子邮箱",
  uri: "网址（URI）",
  "date-time": "日期时间",
  time: "时间",
  hostname: "主机名",
  ipv4: "IPv4 地址",
  ipv6: "IPv6 地址",
};

/** Settings every field (not a container) has a control for. */
const commonSchema = ["title", "description", "readOnly", "type"];
const commonUi = ["ui:help", "ui:disabled", "ui:title", "ui:placeholder"];

function schemaKeysFor(kind: FieldKind): string[] {
  const keys = [...commonSchema];
  if (!containerKinds.has(kind) && kind !== "attestation") keys.push("const");
  if (typedTextKinds.has(kind)) keys.push("minLength", "maxLength", "pattern", "errorMessage", "default", "format");
  if (kind === "address") keys.push("$comment");
  if (numericKinds.has(kind)) keys.push("minimum", "maximum", "default");
  if (kind === "amount") keys.push("format");
  if (["date", "yearMonth", "residentId", "creditCode", "phone", "file"].includes(kind)) keys.push("format");
  if (kind === "date" || kind === "yearMonth") keys.push(NOT_AFTER_TODAY);
  if (optionKinds.has(kind)) keys.push("enum", "oneOf", "anyOf", "items", "uniqueItems", "default");
  if (kind === "yesNo") keys.push("default");
  if (kind === "textList" || kind === "table") keys.push("items", "minItems", "maxItems");
  if (kind === "multiChoice") keys.push("maxItems");
  if (kind === "ref") keys.push("$ref");
  return keys;
}

function uiKeysFor(kind: FieldKind): string[] {
  const keys = [...commonUi];
  if (kind === "choice" || kind === "textarea") keys.push("ui:widget");
  if (optionKinds.has(kind)) keys.push("ui:enumNames");
  if (kind === "table") keys.push("items");
  return keys;
}

export interface ExtraSetting {
  where: "schema" | "uiSchema";
  key: string;
  value: unknown;
}

/**
 * The field's settings the inspector has no control for (kept as they are, shown read-only).
 * An attestation's schema is the builder's own and a section's or table's fields are its
 * children, so neither is listed.
 */
export function extraSettings(field: FieldModel): ExtraSetting[] {
  if (field.kind === "attestation") return [];
  const schemaKeys = field.declaredIn ? [] : schemaKeysFor(field.kind);
  const uiKeys = uiKeysFor(field.kind);
  const childKeys = new Set(field.children.map((c) => c.key));
  const out: ExtraSetting[] = [];
  if (!field.declaredIn) {
    for (const [key, value] of Object.entries(field.schema)) if (!schemaKeys.includes(key)) out.push({ where: "schema", key, value });
  }
  for (const [key, value] of Object.entries(field.ui)) if (!uiKeys.includes(key) && !childKeys.has(key)) out.push({ where: "uiSchema", key, value });
  return out;
}
