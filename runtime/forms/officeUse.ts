/**
 * Office-use fields: what the paper form leaves to the office (经办人签字, 审核人签字,
 * `以下由社保经办机构填写` …). The seed marks them in the uiSchema with
 * `ui:options.officeUse: true`; they are never required, and the applicant's form leaves them out
 * (staff see them when they read the case). Pure.
 */
import { isObject } from "@/runtime/definition/json";
import { hideMarked, stripMarked } from "./uiMarks";

export const OFFICE_USE_OPTION = "officeUse";

/** The rjsf field the applicant's form renders an office-use entry with: nothing. */
export { OFFICE_USE_FIELD } from "./uiMarks";

type Json = Record<string, unknown>;

/** Whether one uiSchema entry marks its field as the office's. */
export function isOfficeUseUi(uiSchema: unknown): boolean {
  return isObject(uiSchema) && isObject(uiSchema["ui:options"]) && uiSchema["ui:options"][OFFICE_USE_OPTION] === true;
}

/** A copy of `uiSchema` in which every office-use entry renders with `OFFICE_USE_FIELD` (nothing). */
export function hideOfficeUse(uiSchema: unknown): Json {
  return hideMarked(uiSchema, isOfficeUseUi);
}

/** Whether `uiSchema` marks anything as office-use. */
export function hasOfficeUse(uiSchema: unknown): boolean {
  if (!isObject(uiSchema)) return false;
  if (isOfficeUseUi(uiSchema)) return true;
  return Object.entries(uiSchema).some(([key, value]) => !key.startsWith("ui:") && hasOfficeUse(value));
}

/**
 * `data` without what `uiSchema` marks as the office's: the server keeps what an applicant sends
 * for office-use entries (经办人, 审核人 …) out of the case, whatever the browser showed.
 */
export function stripOfficeUse(uiSchema: unknown, data: unknown): unknown {
  return stripMarked(uiSchema, data, isOfficeUseUi);
}

/** Every form's data without its office-use entries (forms the definition does not know are left to the caller to refuse). */
export function stripOfficeUseForms(
  forms: readonly { id: string; uiSchema?: unknown }[],
  formsData: Record<string, Record<string, unknown>>,
): Record<string, Record<string, unknown>> {
  const byId = new Map(forms.map((f) => [f.id, f]));
  return Object.fromEntries(
    Object.entries(formsData).map(([id, data]) => [id, (byId.has(id) ? stripOfficeUse(byId.get(id)!.uiSchema, data) : data) as Record<string, unknown>]),
  );
}
