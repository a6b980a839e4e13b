/**
 * What an applicant must provide for a service version: which forms they fill, which
 * materials they must upload, and whether a submission meets it. Pure.
 */
import type { FormDefinition, Material, ServiceDefinition } from "../../definition/schema";
import { validateFormData } from "../../forms/validate";
import type { FieldError } from "../../errors";

/** Forms the applicant fills: all but those only staff steps edit. */
export function applicantForms(definition: ServiceDefinition): FormDefinition[] {
  const staffEdited = new Set<string>();
  const applicantUsed = new Set<string>(definition.materials.map((m) => m.formId).filter((id): id is string => !!id));
  for (const node of definition.flow.nodes) {
    if (node.type !== "task") continue;
    for (const ref of node.forms) {
      if (node.role === "applicant") applicantUsed.add(ref.formId);
      else if (ref.mode === "edit") staffEdited.add(ref.formId);
    }
  }
  return definition.forms.filter((f) => applicantUsed.has(f.id) || !staffEdited.has(f.id));
}

/**
 * Materials the applicant must upload: required ones, except those filled in as a form,
 * those the office obtains by data sharing, and scenario-specific ones (which apply only
 * in their scenario and are offered, not enforced).
 */
export function requiredUploads(definition: ServiceDefinition): Material[] {
  return definition.materials.filter((m) => m.required && !m.formId && m.obtainableBySharing !== true && m.scenario === null);
}

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
