/** An applicant sends data only for the forms of the service's version; any other form id is refused. */
import "server-only";
import { AppError } from "@/runtime/errors";
import type { FormsData } from "@/runtime/features/cases/caseStore";

export function requireKnownForms(forms: readonly { id: string }[], formData: FormsData): void {
  const known = new Set(forms.map((f) => f.id));
  const unknown = Object.keys(formData).filter((k) => !known.has(k));
  if (unknown.length) throw new AppError("BAD_REQUEST", `表单不存在：${unknown.slice(0, 5).join("、")}`);
}
