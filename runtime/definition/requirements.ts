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
 * in their scenario and are offered, not enforced).
 */
export function requiredUploads(definition: ServiceDefinition): Material[] {
  return definition.materials.filter((m) => m.required && !m.formId && m.obtainableBySharing !== true && m.scenario === null);
}

