/** Whether a submission meets what its pinned version asks: every problem at once, in Chinese. */
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { validateFormData } from "@/runtime/forms/validate";
import type { FieldError } from "@/runtime/errors";
import { applicantForms, requiredUploads } from "@/runtime/definition/requirements";

export interface SubmissionCheck {
  formData: Record<string, unknown>;
  uploadedMaterialIds: ReadonlySet<string>;
  versionId?: string;
}

/** Every problem of a submission at once (一次性告知 starts at the applicant's own form). */
export function submissionProblems(definition: ServiceDefinition, check: SubmissionCheck): FieldError[] {
  const problems: FieldError[] = [];
  for (const form of applicantForms(definition)) {
    const data = check.formData[form.id] ?? {};
    const result = validateFormData(form, data, { versionId: check.versionId });
    if (!result.ok) {
      for (const error of result.errors) {
        problems.push({ path: `forms/${form.id}${error.path}`, message: `《${form.title}》${error.message}` });
      }
    }
  }
  for (const material of requiredUploads(definition)) {
    if (!check.uploadedMaterialIds.has(material.id)) {
      problems.push({ path: `materials.${material.id}`, message: `缺少必要材料：${material.name}` });
    }
  }
  return problems;
}
