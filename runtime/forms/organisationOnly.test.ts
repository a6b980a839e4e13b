/**
 * A person applicant is never asked for an organisation's seal or its 经办人's signature; an
 * organisation still gives the required ones (s081 工伤医疗费用申请: 单位经办人 and 单位意见（盖章）).
 */
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { applicantForms } from "@/runtime/definition/requirements";
import { audienceOf } from "@/seed/forms/generated";
import { isOrganisationAttestation } from "@/seed/forms/organisationOnly";
import { attestationModeOf } from "./attestation";
import { hideOrganisationOnly, organisationOnlyMark } from "./organisationOnly";
import { sampleFormData } from "./sample";
import { submissionProblems } from "./submissionCheck";
import { isOfficeUseUi } from "./officeUse";

const dir = path.join(import.meta.dirname, "../../seed/templates");
const templates: ServiceDefinition[] = readdirSync(dir)
  .filter((f) => f.endsWith(".json") && f !== "index.json")
  .map((f) => serviceDefinition.parse(JSON.parse(readFileSync(path.join(dir, f), "utf8"))));
const s081 = templates.find((t) => t.code === "s081")!;
const [form] = applicantForms(s081);

type Json = Record<string, unknown>;
/** `data` without the attestations a person is not shown. */
function withoutOrganisationParts(schema: Json, uiSchema: Json, data: Json): Json {
  const out: Json = {};
  const properties = (schema.properties ?? {}) as Record<string, Json>;
  for (const [key, value] of Object.entries(data)) {
    const ui = (uiSchema[key] ?? {}) as Json;
    if (organisationOnlyMark(ui)) continue;
    out[key] = properties[key]?.type === "object" && value && typeof value === "object" ? withoutOrganisationParts(properties[key], ui, value as Json) : value;
  }
  return out;
}

describe("organisation-only attestations", () => {
  const sample = sampleFormData(form.schema);
  const asPerson = withoutOrganisationParts(form.schema, form.uiSchema, sample);
  const uploaded = new Set(s081.materials.map((m) => m.id));

  it("are not asked of a person: the form without them is accepted, and they render as nothing", () => {
    expect(JSON.stringify(asPerson)).not.toContain("单位意见");
    expect(submissionProblems(s081, { formData: { [form.id]: asPerson }, uploadedMaterialIds: uploaded, applicantKind: "person" })).toEqual([]);
    const hidden = JSON.stringify(hideOrganisationOnly(form.uiSchema));
    expect(hidden).toContain("officeUseHidden");
  });

  it("are still required of an organisation, each named", () => {
    const messages = submissionProblems(s081, { formData: { [form.id]: asPerson }, uploadedMaterialIds: uploaded, applicantKind: "organisation" }).map((p) => p.message);
    expect(messages.length).toBeGreaterThanOrEqual(2);
    expect(messages.some((m) => m.includes("单位经办人") && m.includes("确认签字"))).toBe(true);
    expect(messages.some((m) => m.includes("单位意见（盖章）") && m.includes("加盖公章"))).toBe(true);
    expect(submissionProblems(s081, { formData: { [form.id]: sample }, uploadedMaterialIds: uploaded, applicantKind: "organisation" })).toEqual([]);
  });

  it("covers every seal and organisation signature on the forms of services people apply for", () => {
    for (const service of templates.filter((t) => audienceOf(t) !== "organisation")) {
      for (const f of applicantForms(service)) {
        const walk = (schema: Json, ui: Json, at: string) => {
          for (const [key, property] of Object.entries((schema.properties ?? {}) as Record<string, Json>)) {
            const entry = (ui[key] ?? {}) as Json;
            if (isOrganisationAttestation(property) && !isOfficeUseUi(entry)) {
              expect(organisationOnlyMark(entry), `${service.code} ${f.id} ${at}/${key}`).not.toBe(false);
              expect((schema.required as string[] | undefined) ?? []).not.toContain(key);
            } else if (property.type === "object" && !attestationModeOf(property)) walk(property, entry, `${at}/${key}`);
          }
        };
        walk(f.schema, f.uiSchema, "");
      }
    }
  });
});
