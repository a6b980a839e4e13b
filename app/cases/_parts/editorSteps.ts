/**
 * The steps of the application editor (one per form, the materials, the review) and what still
 * stands in the way of submitting, by step. The problems are the server's own check
 * (`submissionProblems`), so the review lists exactly what a submission would be refused for.
 */
import type { StepView } from "@/app/_components/Stepper";
import type { FormDefinition, Material, ServiceDefinition } from "@/runtime/definition/schema";
import { submissionProblems, type FormCheck } from "@/runtime/forms/submissionCheck";

export type FormsData = Record<string, Record<string, unknown>>;
export type EditorMode = "draft" | "correction";

export type EditorStep = StepView & { kind: "form" | "materials" | "review"; form?: FormDefinition };

export interface Problem {
  message: string;
  /** The step to fix it in, or null when no step of this editor holds it. */
  step: number | null;
}

/** `readOnly`: in a 补正, the forms the correction request did not open (shown, marked 「无需补正」). */
export function editorSteps(forms: FormDefinition[], uploads: Material[], mode: EditorMode, readOnly: ReadonlySet<string> = new Set()): EditorStep[] {
  return [
    ...forms.map((f) => ({ key: `form:${f.id}`, label: readOnly.has(f.id) ? `${f.title}（无需补正）` : f.title, kind: "form" as const, form: f })),
    ...(uploads.length ? [{ key: "materials", label: mode === "correction" ? "补充材料" : "上传材料", kind: "materials" as const }] : []),
    { key: "review", label: mode === "correction" ? "确认补正" : "确认提交", kind: "review" as const },
  ];
}

/** The step holding a server field-error path (`forms/<formId>/…`, `materials.<id>`), or null. */
export function stepOfPath(steps: StepView[], path: string): number | null {
  const form = /^forms\/([^/]+)/.exec(path)?.[1];
  const key = form ? `form:${form}` : path.startsWith("materials") ? "materials" : null;
  if (!key) return null;
  const index = steps.findIndex((s) => s.key === key);
  return index >= 0 ? index : null;
}

/** Everything the server would refuse the submission for, each with the step to fix it in. */
export function submitProblems(
  definition: ServiceDefinition,
  attachments: { materialId: string }[],
  formData: FormsData,
  steps: StepView[],
  checkForm?: FormCheck,
  applicantKind?: "person" | "organisation",
): Problem[] {
  const problems = submissionProblems(definition, {
    formData,
    uploadedMaterialIds: new Set(attachments.map((a) => a.materialId)),
    checkForm,
    applicantKind,
  });
  return problems.map((p) => ({ message: p.message, step: stepOfPath(steps, p.path) }));
}
