/**
 * What an applicant must provide for a service version: which forms they fill, which
 * materials they must upload. Pure, and light enough for the browser.
 */
import type { FormDefinition, Material, ServiceDefinition } from "@/runtime/definition/schema";

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
 * in their scenario and are offered, not enforced); and those the applicant's answers make
 * required (`requiredWhen`: 代他人申请 → 授权委托书) when `formData` is given.
 */
export function requiredUploads(definition: ServiceDefinition, formData?: Record<string, unknown>): Material[] {
  return definition.materials.filter(
    (m) =>
      !m.formId &&
      m.obtainableBySharing !== true &&
      ((m.required && m.scenario === null) || (formData !== undefined && requiredByAnswer(m, formData))),
  );
}

/** Whether the applicant's answers make `material` required (its `requiredWhen` holds). */
export function requiredByAnswer(material: Material, formData: Record<string, unknown>): boolean {
  const when = material.requiredWhen;
  if (!when) return false;
  let value: unknown = formData[when.form];
  for (const segment of when.path.split("/").slice(1)) {
    value = value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[segment] : undefined;
  }
  return value === when.equals;
}

