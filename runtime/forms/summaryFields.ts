/**
 * The fields a filled form's summary lists (确认提交, 确认补正, the case page), per object of the
 * form: its own properties, then the fields it declares elsewhere that hold data — in a condition
 * (`allOf` → `if`/`then`, as the generated forms' identity blocks declare 公民身份号码 and 统一社会信用代码),
 * a branch (`anyOf`/`oneOf`, `dependencies`) or behind a `$ref` — each by its title, in the order the
 * form shows them (`ui:order`); data the schema does not declare comes last, by its key. What the
 * uiSchema renders as nothing is not listed (a hidden widget; for the applicant, the office's fields
 * and a person's organisation-only ones: read the uiSchema through `applicantUiSchema`, as the form
 * does). Pure, browser-safe.
 */
import { isObject } from "@/runtime/definition/json";
import { placedFields, resolveRef } from "@/runtime/definition/schemaPlaces";
import { shownOrder } from "./uiOrder";
import { isHiddenUi } from "./uiMarks";

type Json = Record<string, unknown>;

export interface SummaryField {
  key: string;
  /** The field's title, or its key when it has none. */
  title: string;
  /** Its schema, read through a `$ref`. */
  schema: Json;
}

/** `schema` read through its `$ref`s (local ones), the keywords written beside a `$ref` (its title) winning. */
export function throughRef(schema: Json, root: Json): Json {
  let node = schema;
  const seen = new Set<string>();
  while (typeof node.$ref === "string" && !seen.has(node.$ref)) {
    seen.add(node.$ref);
    const target = resolveRef(root, node.$ref);
    if (!target) break;
    const own: Json = { ...node };
    delete own.$ref;
    node = { ...target, ...own };
  }
  return node;
}

/** The fields of the object `schema` (inside the form schema `root`) to list for its `data`, with the object's uiSchema `ui`. */
export function summaryFields(schema: Json, data: Json, ui?: unknown, root: Json = schema): SummaryField[] {
  const node = throughRef(schema, root);
  const declared = new Map<string, Json>();
  if (isObject(node.properties)) {
    for (const [key, sub] of Object.entries(node.properties)) declared.set(key, isObject(sub) ? throughRef(sub, root) : {});
  }
  for (const placed of placedFields(node, root, new Set(declared.keys()))) {
    if (placed.key in data) declared.set(placed.key, throughRef(placed.schema, root));
  }
  const uiOf = isObject(ui) ? ui : {};
  const ordered = shownOrder(Object.fromEntries(declared), uiOf);
  const extra = Object.keys(data).filter((key) => !declared.has(key));
  return [...ordered, ...extra].filter((key) => !isHiddenUi(uiOf[key])).map((key) => {
    const sub = declared.get(key) ?? {};
    return { key, title: typeof sub.title === "string" && sub.title ? sub.title : key, schema: sub };
  });
}
