/**
 * A form's uiSchema as the applicant's form renders it: the office's entries hidden (经办人签字,
 * 以下由经办机构填写 …, `officeUse.ts`) and, on a person's form, what only an organisation attests
 * (单位盖章 …, `organisationOnly.ts`). The one reading for the form (app/_components/ServiceForm) and
 * for the summary of what was filled (app/_components/FormSummary, through `summaryFields`, which
 * leaves out what a uiSchema hides): the summary lists exactly the fields the form shows. Pure, browser-safe.
 */
import { isObject } from "@/runtime/definition/json";
import { hideOfficeUse } from "./officeUse";
import { hideOrganisationOnly } from "./organisationOnly";

type Json = Record<string, unknown>;

export interface ApplicantView {
  /** The applicant's form: leave out what the office fills. */
  hideOfficeUse?: boolean;
  /** A person's form: leave out what only an organisation attests. */
  hideOrganisationOnly?: boolean;
}

/** A copy of `uiSchema` with what `view` leaves out rendered as nothing. */
export function applicantUiSchema(uiSchema: unknown, view: ApplicantView): Json {
  const shown = view.hideOrganisationOnly ? hideOrganisationOnly(uiSchema) : uiSchema;
  if (view.hideOfficeUse) return hideOfficeUse(shown);
  return isObject(shown) ? shown : {};
}
