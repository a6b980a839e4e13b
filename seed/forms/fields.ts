/**
 * The intermediate field model between the raw lines of a form block and the JSON Schema:
 * parsers (table, template) produce `Field`s, `buildSchema` turns them into draft-07 + uiSchema.
 */

/** Value kinds of a single input. */
export type ScalarType =
  | "text"
  | "textarea"
  | "date"
  | "yearMonth"
  | "year"
  | "integer"
  | "number"
  | "amount"
  | "residentId"
  | "creditCode"
  | "phone"
  | "email"
  | "postcode"
  | "boolean";

interface FieldBase {
  /** The Chinese label shown to the person (schema `title`). */
  label: string;
  /** Refuse the form when this is missing. */
  required?: boolean;
  /** Explanatory text (schema `description`). */
  help?: string;
  /** Filled in by the office (经办人签字, 以下由经办机构填写 …): never required, not shown to the applicant. */
  officeUse?: boolean;
}

export interface ScalarField extends FieldBase {
  kind: "scalar";
  type: ScalarType;
  /** A sample value from the document, shown as a placeholder. */
  placeholder?: string;
  /** Filled in by the office, not by the applicant (`（不填写）`). */
  readOnly?: boolean;
}

export interface ChoiceField extends FieldBase {
  kind: "choice";
  options: string[];
  /** Several options may be ticked (array of enum, checkboxes). */
  multiple: boolean;
}

/** A signature (签字/签名) or a seal (盖章/公章/(章)) line: an attestation, never a text box. */
export interface AttestationField extends FieldBase {
  kind: "attestation";
  mode: "signature" | "seal";
  /** The document shows a date (年 月 日) beside the signature/seal. */
  dated: boolean;
}

/** Fields under a grouped header, a row-spanning label or a section heading: a nested object. */
export interface GroupField extends FieldBase {
  kind: "group";
  children: Field[];
}

/** Repeated rows (序号 1 2 3 … / 例： / header-only tables): an array of objects. */
export interface ListField extends FieldBase {
  kind: "list";
  columns: Field[];
}

export type Field = ScalarField | ChoiceField | AttestationField | GroupField | ListField;

/** Whether a field (or anything inside it) is required. */
export function hasRequired(field: Field): boolean {
  if (field.required) return true;
  if (field.kind === "group") return field.children.some(hasRequired);
  if (field.kind === "list") return field.columns.some(hasRequired);
  return false;
}

/** Marks every field in the tree as optional and the office's (office-use sections). */
export function makeOptional(fields: Field[]): Field[] {
  return fields.map(markOfficeUse);
}

/** A copy of `field` (and everything inside it) marked as the office's: optional, `officeUse`. */
export function markOfficeUse(field: Field): Field {
  const copy = { ...field, required: false, officeUse: true } as Field;
  if (copy.kind === "group") copy.children = makeOptional(copy.children);
  if (copy.kind === "list") copy.columns = makeOptional(copy.columns);
  return copy;
}

/** Marks every field in the tree as optional, in place (fields filled only in some case). */
export function makeNotRequired(fields: Field[]): void {
  for (const field of fields) {
    field.required = false;
    if (field.kind === "group") makeNotRequired(field.children);
    if (field.kind === "list") makeNotRequired(field.columns);
  }
}
