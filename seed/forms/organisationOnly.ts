/**
 * Marks, on the forms of services people apply for, the attestations only an organisation gives
 * (seals; signatures of a 单位 / 经办人 / 负责人 / 法定代表人 / 机构): `ui:options.organisationOnly`
 * (`"required"` where the paper form requires them), and takes them out of the schema's `required`,
 * so a person applicant is never asked for them (runtime/forms/organisationOnly.ts). Pure.
 */
import type { FormDefinition, ServiceDefinition } from "@/runtime/definition/schema";
import { applicantForms } from "@/runtime/definition/requirements";
import { attestationModeOf } from "@/runtime/forms/attestation";
import { isOfficeUseUi } from "@/runtime/forms/officeUse";
import { ORGANISATION_ONLY_OPTION } from "@/runtime/forms/organisationOnly";
import { audienceOf } from "./generated";
import { isObject } from "@/runtime/definition/json";

type Json = Record<string, unknown>;

const ORGANISATION_SIGNER = /单位|经办人|负责人|法定代表人|法人|机构|公司|企业|委会|社保/;

/** Whether an attestation is an organisation's: any seal, or a signature its title gives to an organisation. */
export function isOrganisationAttestation(schema: unknown): boolean {
  const mode = attestationModeOf(schema);
  if (!mode) return false;
  return mode === "seal" || ORGANISATION_SIGNER.test(String((schema as Json).title ?? ""));
}

function markObject(schema: Json, uiSchema: Json): { schema: Json; uiSchema: Json } {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
  const nextProps: Json = {};
  const nextUi: Json = { ...uiSchema };
  const nextRequired: string[] = [];
  for (const [key, property] of Object.entries(properties)) {
    const ui = isObject(uiSchema[key]) ? (uiSchema[key] as Json) : {};
    const isRequired = required.includes(key);
    if (isOrganisationAttestation(property) && !isOfficeUseUi(ui)) {
      const options = isObject(ui["ui:options"]) ? ui["ui:options"] : {};
      const wasRequired = isRequired || (Array.isArray((property as Json).required) && ((property as Json).required as unknown[]).length > 0);
      nextProps[key] = { ...(property as Json), required: [] };
      nextUi[key] = { ...ui, "ui:options": { ...options, [ORGANISATION_ONLY_OPTION]: wasRequired ? "required" : true } };
      continue;
    }
    if (isRequired) nextRequired.push(key);
    if (isObject(property) && property.type === "object" && !attestationModeOf(property)) {
      const inner = markObject(property, ui);
      nextProps[key] = inner.schema;
      if (Object.keys(inner.uiSchema).length) nextUi[key] = inner.uiSchema;
    } else {
      nextProps[key] = property;
    }
  }
  const out: Json = { ...schema, properties: nextProps };
  if (nextRequired.length) out.required = nextRequired;
  else delete out.required;
  return { schema: out, uiSchema: nextUi };
}

/** The service with its organisation-only attestations marked, when people apply for it. */
export function withOrganisationOnlyMarked(service: ServiceDefinition): ServiceDefinition {
  if (audienceOf(service) === "organisation") return service;
  const applicant = new Set(applicantForms(service).map((f) => f.id));
  const forms = service.forms.map((form): FormDefinition => {
    if (!applicant.has(form.id) || !isObject(form.schema.properties)) return form;
    const marked = markObject(form.schema, form.uiSchema);
    return { ...form, schema: marked.schema, uiSchema: marked.uiSchema };
  });
  return { ...service, forms };
}
