/**
 * Attestations only an organisation gives: a seal (单位盖章, 单位意见（盖章）…) or the signature of
 * its 经办人 / 负责人 / 法定代表人, on a form that people fill too. The seed marks them in the
 * uiSchema with `ui:options.organisationOnly` (`"required"` when the paper form requires them) and
 * leaves them out of the schema's `required`: a person applicant never sees them and what a person
 * sends for them is dropped; an organisation applicant must still give the required ones
 * (`organisationOnlyProblems`, part of the submission check in the browser and on the server). Pure.
 */
import { hideMarked, stripMarked } from "./uiMarks";
import { describePath, schemaAt } from "./messages";
import { attestationModeOf } from "./attestation";
import { isObject } from "@/runtime/definition/json";
import { valueAtPointer } from "@/runtime/definition/jsonPointer";

export const ORGANISATION_ONLY_OPTION = "organisationOnly";

type Json = Record<string, unknown>;

/** The mark of one uiSchema entry: false, true (optional for organisations) or "required". */
export function organisationOnlyMark(uiSchema: unknown): boolean | "required" {
  if (!isObject(uiSchema) || !isObject(uiSchema["ui:options"])) return false;
  const mark = uiSchema["ui:options"][ORGANISATION_ONLY_OPTION];
  return mark === "required" ? "required" : mark === true;
}

/** A copy of `uiSchema` in which organisation-only entries render as nothing (a person's form). */
export function hideOrganisationOnly(uiSchema: unknown): Json {
  return hideMarked(uiSchema, organisationOnlyMark);
}

/** `data` without organisation-only entries (what a person sends for them is not kept). */
export function stripOrganisationOnly(uiSchema: unknown, data: unknown): unknown {
  return stripMarked(uiSchema, data, organisationOnlyMark);
}

/** The pointers of the required organisation-only entries of a form. */
function requiredEntries(uiSchema: unknown, at = ""): string[] {
  if (!isObject(uiSchema)) return [];
  return Object.entries(uiSchema).flatMap(([key, value]) => {
    if (key.startsWith("ui:") || !isObject(value)) return [];
    if (organisationOnlyMark(value) === "required") return [`${at}/${key}`];
    return requiredEntries(value, `${at}/${key}`);
  });
}

/** What an organisation applicant still owes: each required seal or signature not given (ticked and named). */
export function organisationOnlyProblems(form: { schema: unknown; uiSchema?: unknown }, data: unknown): { path: string; message: string }[] {
  return requiredEntries(form.uiSchema).flatMap((pointer) => {
    const value = valueAtPointer(data, pointer);
    const given = isObject(value) && value.signed === true && typeof value.name === "string" && value.name.trim() !== "";
    if (given) return [];
    const seal = attestationModeOf(schemaAt(form.schema, pointer)) === "seal";
    return [{ path: pointer, message: `${describePath(form.schema, pointer)}：单位申请须${seal ? "确认加盖公章并填写盖章单位名称" : "确认签字并填写签字人姓名"}` }];
  });
}
