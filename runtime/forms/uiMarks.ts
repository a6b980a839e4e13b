/**
 * Entries a uiSchema marks in its `ui:options` (the office's entries, an organisation's only
 * attestations): hidden from a form, and dropped from what is sent for it. Pure.
 */
import { isObject, type JsonObject } from "@/runtime/definition/json";

/** The rjsf field a marked entry renders with: nothing (registered by the service form). */
export const OFFICE_USE_FIELD = "officeUseHidden";

export type Marked = (uiEntry: unknown) => unknown;

/** Whether a uiSchema entry renders as nothing: a marked entry hidden by `hideMarked`, or a hidden widget. */
export function isHiddenUi(uiEntry: unknown): boolean {
  return isObject(uiEntry) && (uiEntry["ui:field"] === OFFICE_USE_FIELD || uiEntry["ui:widget"] === "hidden");
}

/** A copy of `uiSchema` in which every `marked` entry renders as nothing, inside rjsf's hidden field wrapper (no empty gap is left). */
export function hideMarked(uiSchema: unknown, marked: Marked): JsonObject {
  if (!isObject(uiSchema)) return {};
  if (marked(uiSchema)) return { ...uiSchema, "ui:field": OFFICE_USE_FIELD, "ui:widget": "hidden" };
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(uiSchema)) out[key] = !key.startsWith("ui:") && isObject(value) ? hideMarked(value, marked) : value;
  return out;
}

/** `data` without what `uiSchema` marks (in objects and in the items of lists). */
export function stripMarked(uiSchema: unknown, data: unknown, marked: Marked): unknown {
  if (!isObject(uiSchema)) return data;
  if (Array.isArray(data)) return data.map((item) => stripMarked(uiSchema.items, item, marked));
  if (!isObject(data)) return data;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(data)) {
    const entry = uiSchema[key];
    if (marked(entry)) continue;
    out[key] = isObject(entry) ? stripMarked(entry, value, marked) : value;
  }
  return out;
}
