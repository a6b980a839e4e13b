/** Whether a submission meets what its pinned version asks: every problem at once, in Chinese. */
import type { FormDefinition, ServiceDefinition } from "@/runtime/definition/schema";
import { validateFormData } from "@/runtime/forms/validate";
import type { FieldError } from "@/runtime/errors";
import { applicantForms, requiredUploads } from "@/runtime/definition/requirements";
import { organisationOnlyProblems, stripOrganisationOnly } from "@/runtime/forms/organisationOnly";
import type { IsoDate } from "@/runtime/calendar/isoDate";

/** A form's problems as `{ path, message }` (JSON-pointer-like path inside the form). */
export type FormCheck = (form: FormDefinition, data: unknown) => { path: string; message: string }[];

export interface SubmissionCheck {
  formData: Record<string, unknown>;
  uploadedMaterialIds: ReadonlySet<string>;
  versionId?: string;
  /**
   * How a form's data is checked: by default the server's compiled validator. The applicant's
   * browser passes its precompiled validators (no eval under the page's CSP): same schema, same rules.
   */
  checkForm?: FormCheck;
  /**
   * Who files: a person is never held to an organisation's seal or its 经办人's signature (the
   * entries marked organisation-only are left out of their data); an organisation must give the
   * required ones. Unknown (the designer's test run): neither.
   */
  applicantKind?: "person" | "organisation";
  /**
   * Today in China for dates that may not lie after it (`x-notAfterToday`): the server passes its
   * case clock's date; without it (the browser), the China date of the clock the check runs on.
   */
  today?: IsoDate;
}

function serverCheck(form: FormDefinition, data: unknown, versionId: string | undefined, today: IsoDate | undefined) {
  const result = validateFormData(form, data as Record<string, unknown>, { versionId, today });
  return result.ok ? [] : result.errors;
}

/** Every problem of a submission at once (一次性告知 starts at the applicant's own form). */
export function submissionProblems(definition: ServiceDefinition, check: SubmissionCheck): FieldError[] {
  const problems: FieldError[] = [];
  for (const form of applicantForms(definition)) {
    const given = check.formData[form.id] ?? {};
    const data = check.applicantKind === "person" ? stripOrganisationOnly(form.uiSchema, given) : given;
    const errors = [...(check.checkForm ? check.checkForm(form, data) : serverCheck(form, data, check.versionId, check.today))];
    if (check.applicantKind === "organisation") errors.push(...organisationOnlyProblems(form, data));
    for (const error of errors) problems.push({ path: `forms/${form.id}${error.path}`, message: `《${form.title}》${error.message}` });
  }
  for (const material of requiredUploads(definition, check.formData)) {
    if (!check.uploadedMaterialIds.has(material.id)) {
      problems.push({ path: `materials.${material.id}`, message: `缺少必要材料：${material.name}` });
    }
  }
  return problems;
}
