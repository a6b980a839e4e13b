import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition } from "@/runtime/definition/schema";
import { applicantForms } from "@/runtime/definition/requirements";
import { submissionProblems } from "@/runtime/forms/submissionCheck";
import { sampleFormData } from "@/runtime/forms/sample";
import { editorSteps, stepOfPath, submitProblems } from "./editorSteps";

const definition = serviceDefinition.parse(structuredClone(example));
// The identity card is a material the applicant must upload (not obtained by data sharing).
definition.materials[0].obtainableBySharing = false;
const forms = applicantForms(definition);
const uploads = definition.materials.filter((m) => !m.formId);
const steps = editorSteps(forms, uploads, "draft");

describe("the application editor's steps", () => {
  it("are one per form, the materials, then the review", () => {
    expect(steps.map((s) => [s.key, s.label])).toEqual([
      ["form:registration", "失业登记表"],
      ["materials", "上传材料"],
      ["review", "确认提交"],
    ]);
    expect(editorSteps(forms, [], "correction").map((s) => s.label)).toEqual(["失业登记表", "确认补正"]);
  });

  it("mark the forms a correction did not open (无需补正), keeping their steps", () => {
    expect(editorSteps(forms, uploads, "correction", new Set(["registration"])).map((s) => [s.key, s.label])).toEqual([
      ["form:registration", "失业登记表（无需补正）"],
      ["materials", "补充材料"],
      ["review", "确认补正"],
    ]);
  });

  it("place a server field-error path in the step that holds it", () => {
    expect(stepOfPath(steps, "forms/registration/name")).toBe(0);
    expect(stepOfPath(steps, "materials.m1")).toBe(1);
    expect(stepOfPath(steps, "forms/other/name")).toBeNull();
    expect(stepOfPath(steps, "")).toBeNull();
  });
});

describe("what stands in the way of submitting", () => {
  it("is what the server refuses the submission for, each with the step to fix it in", () => {
    const problems = submitProblems(definition, [], {}, steps);
    const server = submissionProblems(definition, { formData: {}, uploadedMaterialIds: new Set() });
    expect(server.length).toBeGreaterThan(1);
    expect(problems.map((p) => p.message)).toEqual(server.map((p) => p.message));
    expect(problems).toContainEqual({ message: "缺少必要材料：居民身份证", step: 1 });
    expect(problems.filter((p) => p.step === 0).map((p) => p.message)).toContain("《失业登记表》姓名：必填");
  });

  it("is nothing once the form is filled in and the material uploaded", () => {
    const formData = { registration: sampleFormData(forms[0].schema) as Record<string, unknown> };
    expect(submitProblems(definition, [{ materialId: "m1" }], formData, steps)).toEqual([]);
  });
});
