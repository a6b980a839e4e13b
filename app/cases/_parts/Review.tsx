"use client";
/**
 * The last step: everything filled in and uploaded, what still stands in the way, and the one
 * button that submits (a new case, or the answer to a correction request) exactly once.
 */
import { useRef, useState } from "react";
import { useTRPCClient, errorMessage } from "@/app/_trpc/client";
import type { FormDefinition, Material } from "@/runtime/definition/schema";
import type { ApplicationDetail } from "@/app/_components/types";
import type { StepView } from "@/app/_components/Stepper";
import { FormSummary } from "@/app/_components/FormSummary";
import { formatFileSize, newIdempotencyKey } from "@/app/_components/format";
import { stepOfPath, type EditorMode, type FormsData, type Problem } from "./editorSteps";
import type { TrpcLikeError } from "./useAutosave";

export function Review({
  mode,
  detail,
  forms,
  readOnly,
  uploads,
  committedIds,
  formData,
  problems,
  steps,
  onEdit,
  onBack,
  beforeSubmit,
  rowVersion,
  onSubmitted,
  onConflict,
}: {
  mode: EditorMode;
  detail: ApplicationDetail;
  forms: FormDefinition[];
  /** In a 补正: the forms it did not open (shown, not changed, not sent). */
  readOnly: ReadonlySet<string>;
  uploads: Material[];
  /** Materials the applicant committed to instead (告知承诺). */
  committedIds?: ReadonlySet<string>;
  formData: FormsData;
  problems: Problem[];
  steps: StepView[];
  onEdit: (step: number) => void;
  /** Absent when the review is the only step (nothing to go back to). */
  onBack?: () => void;
  beforeSubmit: () => Promise<boolean>;
  rowVersion: () => number;
  onSubmitted: (target: string) => Promise<void>;
  onConflict: (message: string) => void;
}) {
  const client = useTRPCClient();
  const { application } = detail;
  // One key per review page: a double click or a retry never makes two cases.
  const [idempotencyKey] = useState(newIdempotencyKey);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<{ message: string; fieldErrors: { path: string; message: string }[] } | null>(null);
  const errorRef = useRef<HTMLDivElement>(null);

  const submit = async () => {
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await beforeSubmit();
      if (!saved) throw new Error("草稿保存失败，请重试后再提交");
      if (mode === "draft") {
        await client.applications.submit.mutate({ id: application.id, idempotencyKey });
        await onSubmitted(`/cases/${application.id}/submitted`);
      } else {
        // Only the forms the correction opened: the others are not the applicant's to change any more.
        const opened = Object.fromEntries(forms.filter((f) => !readOnly.has(f.id) && f.id in formData).map((f) => [f.id, formData[f.id]]));
        await client.applications.answerCorrection.mutate({ id: application.id, formData: opened, rowVersion: rowVersion() });
        await onSubmitted(`/cases/${application.id}?corrected=1`);
      }
    } catch (e) {
      const err = e as TrpcLikeError;
      const fieldErrors = err.data?.fieldErrors ?? [];
      const message = fieldErrors.length ? "提交未通过校验，请修改以下内容：" : e instanceof Error && !err.data ? e.message : errorMessage(e);
      setError({ message, fieldErrors });
      if (err.data?.code === "CONFLICT") onConflict(message);
      setBusy(false);
      requestAnimationFrame(() => errorRef.current?.focus());
    }
  };

  return (
    <div className="space-y-5">
      <dl className="grid gap-x-3 gap-y-1 text-sm sm:grid-cols-[8em_1fr]">
        <dt className="text-muted-foreground">服务事项</dt>
        <dd>{application.serviceTitle}</dd>
        <dt className="text-muted-foreground">办理机构</dt>
        <dd>{application.officeName}</dd>
      </dl>

      {problems.length > 0 && (
        <div className="rounded-md border border-amber-600/50 bg-amber-50 p-3 text-sm text-amber-950">
          <p className="font-medium">提交前请完成以下内容：</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5">
            {problems.map((p, i) => (
              <li key={i}>
                {p.message}
                {p.step !== null && (
                  <button type="button" onClick={() => onEdit(p.step!)} className="ml-2 text-primary underline">去修改</button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}

      {forms.map((f) => {
        const index = steps.findIndex((s) => s.key === `form:${f.id}`);
        return (
          <section key={f.id} aria-labelledby={`review-${f.id}`} className="rounded-md border p-3">
            <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
              <h3 id={`review-${f.id}`} className="font-medium">{f.title}</h3>
              {readOnly.has(f.id) ? (
                <span className="rounded bg-muted px-1.5 py-0.5 text-xs text-muted-foreground">无需补正</span>
              ) : (
                <button type="button" onClick={() => onEdit(index)} className="text-sm text-primary underline">修改<span className="sr-only">{f.title}</span></button>
              )}
            </div>
            <FormSummary schema={f.schema} uiSchema={f.uiSchema} data={formData[f.id]} hideOfficeUse hideOrganisationOnly={detail.account.kind === "person"} />
          </section>
        );
      })}

      {uploads.length > 0 && (
        <section aria-labelledby="review-materials" className="rounded-md border p-3">
          <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
            <h3 id="review-materials" className="font-medium">申请材料</h3>
            <button type="button" onClick={() => onEdit(steps.findIndex((s) => s.key === "materials"))} className="text-sm text-primary underline">修改<span className="sr-only">申请材料</span></button>
          </div>
          <ul className="space-y-1 text-sm">
            {uploads.map((m) => {
              const files = detail.attachments.filter((a) => a.materialId === m.id);
              return (
                <li key={m.id}>
                  <span className="font-medium">{m.name}</span>：
                  {files.length ? (
                    files.map((f) => `${f.fileName}（${formatFileSize(f.size)}）`).join("、")
                  ) : committedIds?.has(m.id) ? (
                    <span>以告知承诺代替</span>
                  ) : (
                    <span className="text-muted-foreground">未上传</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      )}

      {error && (
        <div ref={errorRef} tabIndex={-1} role="alert" className="rounded-md border border-destructive/40 bg-red-50 px-4 py-3 text-sm text-red-900 outline-none">
          <p className="font-medium">{error.message}</p>
          {error.fieldErrors.length > 0 && (
            <ul className="mt-1 list-disc space-y-0.5 pl-5">
              {error.fieldErrors.map((f, i) => {
                const s = stepOfPath(steps, f.path);
                return (
                  <li key={i}>
                    {f.message}
                    {s !== null && <button type="button" onClick={() => onEdit(s)} className="ml-2 underline">去修改</button>}
                  </li>
                );
              })}
            </ul>
          )}
        </div>
      )}

      <p className="text-sm text-muted-foreground">
        {mode === "draft"
          ? "提交后将生成办件编号，不能再修改申请内容；如需更正，可在受理前撤回申请。"
          : "提交补正后，办件将回到经办人员继续办理。"}
      </p>
      <div className="flex flex-wrap gap-3">
        {onBack && <button type="button" onClick={onBack} className="rounded-md border bg-background px-4 py-2 hover:bg-muted">上一步</button>}
        <button
          type="button"
          onClick={() => void submit()}
          disabled={busy}
          aria-disabled={busy}
          className="rounded-md bg-primary px-6 py-2 font-medium text-primary-foreground hover:opacity-90 disabled:opacity-60"
        >
          {busy ? "正在提交…" : mode === "draft" ? "提交申请" : "提交补正"}
        </button>
      </div>
    </div>
  );
}
