"use client";
/**
 * Filling an application: one step per form (rjsf), the materials, and a review that submits
 * once. Drafts are saved as the person types (debounced `saveDraft`), with a local copy so a
 * reload in the middle of typing loses nothing. In `correction` mode the same editor answers
 * a 一次性告知 correction request and resubmits.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type RjsfForm from "@rjsf/core";
import type { RJSFSchema } from "@rjsf/utils";
import { useTRPC, useTRPCClient, errorMessage } from "@/app/_trpc/client";
import { applicantForms, requiredUploads } from "@/runtime/features/applications/requirements";
import { createTransformErrors } from "@/runtime/forms/rjsfValidator";
import type { FormDefinition, Material } from "@/runtime/definition/schema";
import type { ApplicationDetail } from "@/app/_components/types";
import { ServiceForm } from "@/app/_components/ServiceForm";
import { FormSummary } from "@/app/_components/FormSummary";
import { Stepper, type StepView } from "@/app/_components/Stepper";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { formatDateTime, formatFileSize, formatTime, newIdempotencyKey } from "@/app/_components/format";
import { MaterialsStep } from "./MaterialsStep";
import { useFormValidators, type FormValidators } from "./useFormValidators";

type FormsData = Record<string, Record<string, unknown>>;
type Mode = "draft" | "correction";
type SaveState = { kind: "idle" } | { kind: "dirty" } | { kind: "saving" } | { kind: "saved"; at: string } | { kind: "error"; message: string };

interface Problem {
  message: string;
  step: number | null;
}

const SAVE_DELAY_MS = 700;
const backupKey = (id: string) => `hrss:draft:${id}`;

interface Backup {
  rowVersion: number;
  formData: FormsData;
}

function readBackup(id: string, rowVersion: number): FormsData | null {
  if (typeof window === "undefined") return null;
  try {
    const raw = window.localStorage.getItem(backupKey(id));
    if (!raw) return null;
    const backup = JSON.parse(raw) as Backup;
    // Only edits made on top of what the server holds now; a newer server copy wins.
    return backup.rowVersion === rowVersion ? backup.formData : null;
  } catch {
    return null;
  }
}

function writeBackup(id: string, backup: Backup | null) {
  try {
    if (backup) window.localStorage.setItem(backupKey(id), JSON.stringify(backup));
    else window.localStorage.removeItem(backupKey(id));
  } catch {
    /* storage full or disabled: the server copy still holds the last save */
  }
}

interface TrpcLikeError {
  message?: string;
  data?: { code?: string; fieldErrors?: { path: string; message: string }[] } | null;
}

export function CaseEditor({ id, mode }: { id: string; mode: Mode }) {
  const trpc = useTRPC();
  const detail = useQuery({ ...trpc.applications.get.queryOptions({ id }), refetchOnWindowFocus: false });
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorNotice message={errorMessage(detail.error)} onReload={() => window.location.reload()} />;
  const { application } = detail.data;
  if (mode === "draft" && application.status !== "draft") {
    return (
      <div className="space-y-3">
        <ErrorNotice message="该办件已提交，不能再修改。" />
        <Link href={`/cases/${id}`} className="text-primary underline">查看办件详情</Link>
      </div>
    );
  }
  if (mode === "correction" && application.status !== "waiting_applicant") {
    return (
      <div className="space-y-3">
        <ErrorNotice message="该办件当前不需要补正。" />
        <Link href={`/cases/${id}`} className="text-primary underline">查看办件详情</Link>
      </div>
    );
  }
  return <ValidatedEditor detail={detail.data} mode={mode} refetch={detail.refetch} />;
}

/** The editor once its forms' precompiled validators are loaded. */
function ValidatedEditor({ detail, mode, refetch }: { detail: ApplicationDetail; mode: Mode; refetch: () => Promise<unknown> }) {
  const forms = useMemo(() => applicantForms(detail.definition), [detail.definition]);
  const validators = useFormValidators(detail.application.versionId, forms);
  if (validators.isPending) return <Loading />;
  if (validators.isError) return <ErrorNotice message={errorMessage(validators.error)} onReload={() => window.location.reload()} />;
  return <EditorBody detail={detail} mode={mode} refetch={refetch} validators={validators.data} />;
}

function correctionForms(detail: ApplicationDetail, all: FormDefinition[]): FormDefinition[] {
  const task = detail.activeTasks.find((t) => t.role === "applicant");
  const node = detail.definition.flow.nodes.find((n) => n.id === task?.nodeId);
  const editable = node?.type === "task" ? node.forms.filter((f) => f.mode === "edit").map((f) => f.formId) : [];
  const chosen = all.filter((f) => editable.includes(f.id));
  return chosen.length ? chosen : all;
}

function EditorBody({
  detail,
  mode,
  refetch,
  validators,
}: {
  detail: ApplicationDetail;
  mode: Mode;
  refetch: () => Promise<unknown>;
  validators: FormValidators;
}) {
  const { application, definition } = detail;
  const id = application.id;
  const client = useTRPCClient();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();

  const forms = useMemo(() => {
    const all = applicantForms(definition);
    return mode === "correction" ? correctionForms(detail, all) : all;
  }, [definition, detail, mode]);
  const uploads = useMemo<Material[]>(() => definition.materials.filter((m) => !m.formId), [definition]);
  const requiredIds = useMemo(() => new Set(requiredUploads(definition).map((m) => m.id)), [definition]);
  const highlight = useMemo(() => {
    const items = detail.correction?.items ?? [];
    return new Set(uploads.filter((m) => items.some((item) => item.includes(m.name))).map((m) => m.id));
  }, [detail.correction, uploads]);

  // --- form data and saving -------------------------------------------------------------
  const [restored] = useState(() => readBackup(id, application.rowVersion));
  const [formData, setFormData] = useState<FormsData>(() => restored ?? (application.formData as FormsData));
  const rowVersion = useRef(application.rowVersion);
  const pending = useRef<FormsData | null>(restored);
  const inFlight = useRef<Promise<boolean> | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const [save, setSave] = useState<SaveState>(restored ? { kind: "dirty" } : { kind: "idle" });
  const [conflict, setConflict] = useState<string | null>(null);

  /** Saves what is pending, one request at a time; true when nothing is left unsaved. */
  const flush = useCallback(async (): Promise<boolean> => {
    if (timer.current) {
      clearTimeout(timer.current);
      timer.current = null;
    }
    for (;;) {
      if (inFlight.current) {
        if (!(await inFlight.current)) return false;
        continue;
      }
      const data = pending.current;
      if (!data) return true;
      pending.current = null;
      setSave({ kind: "saving" });
      const request = client.applications.saveDraft
        .mutate({ id, formData: data, rowVersion: rowVersion.current })
        .then((result) => {
          rowVersion.current = result.rowVersion;
          if (pending.current) writeBackup(id, { rowVersion: result.rowVersion, formData: pending.current });
          else {
            writeBackup(id, null);
            setSave({ kind: "saved", at: formatTime(result.savedAt) });
          }
          return true;
        })
        .catch((error: TrpcLikeError) => {
          pending.current = pending.current ?? data;
          const message = errorMessage(error);
          setSave({ kind: "error", message });
          if (error.data?.code === "CONFLICT") setConflict(message);
          return false;
        })
        .finally(() => {
          inFlight.current = null;
        });
      inFlight.current = request;
      if (!(await request)) return false;
    }
  }, [client, id]);

  const schedule = useCallback(
    (next: FormsData) => {
      pending.current = next;
      writeBackup(id, { rowVersion: rowVersion.current, formData: next });
      setSave({ kind: "dirty" });
      if (timer.current) clearTimeout(timer.current);
      timer.current = setTimeout(() => void flush(), SAVE_DELAY_MS);
    },
    [flush, id],
  );

  // A copy restored from this browser is saved straight away.
  useEffect(() => {
    if (restored) void flush();
  }, [restored, flush]);

  // Save when the page is hidden (tab switch, navigation) — the local copy covers a reload.
  useEffect(() => {
    const onHide = () => {
      if (document.visibilityState === "hidden") void flush();
    };
    document.addEventListener("visibilitychange", onHide);
    return () => document.removeEventListener("visibilitychange", onHide);
  }, [flush]);

  const latest = useRef(formData);
  const setForm = useCallback(
    (formId: string, data: Record<string, unknown>) => {
      const prev = latest.current;
      if (JSON.stringify(prev[formId] ?? {}) === JSON.stringify(data)) return;
      const next = { ...prev, [formId]: data };
      latest.current = next;
      setFormData(next);
      schedule(next);
    },
    [schedule],
  );

  // --- steps -----------------------------------------------------------------------------
  const steps: (StepView & { kind: "form" | "materials" | "review"; form?: FormDefinition })[] = useMemo(
    () => [
      ...forms.map((f) => ({ key: `form:${f.id}`, label: f.title, kind: "form" as const, form: f })),
      ...(uploads.length ? [{ key: "materials", label: mode === "correction" ? "补充材料" : "上传材料", kind: "materials" as const }] : []),
      { key: "review", label: mode === "correction" ? "确认补正" : "确认提交", kind: "review" as const },
    ],
    [forms, uploads, mode],
  );
  const [stepIndex, setStepIndex] = useState(() => {
    if (typeof window === "undefined") return 0;
    const n = Number(new URLSearchParams(window.location.search).get("step"));
    return Number.isInteger(n) && n >= 1 ? n - 1 : 0;
  });
  const current = Math.min(stepIndex, steps.length - 1);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const goTo = useCallback(
    (index: number) => {
      void flush();
      setStepIndex(index);
      const url = new URL(window.location.href);
      url.searchParams.set("step", String(index + 1));
      window.history.replaceState(window.history.state, "", url);
      requestAnimationFrame(() => {
        headingRef.current?.focus();
        headingRef.current?.scrollIntoView({ block: "start" });
      });
    },
    [flush],
  );
  const [tried, setTried] = useState<Set<string>>(() => new Set());
  const formRef = useRef<RjsfForm>(null);

  // --- problems (same rules as the server) --------------------------------------------------
  const problems = useMemo<Problem[]>(() => {
    const out: Problem[] = [];
    steps.forEach((s, index) => {
      if (s.kind !== "form" || !s.form) return;
      const schema = s.form.schema as RJSFSchema;
      const result = validators[s.form.id].validateFormData(formData[s.form.id] ?? {}, schema, undefined, createTransformErrors(schema) as never);
      for (const e of result.errors) out.push({ message: `《${s.form.title}》${e.message ?? e.stack}`, step: index });
    });
    const materialsStep = steps.findIndex((s) => s.kind === "materials");
    for (const m of uploads) {
      if (requiredIds.has(m.id) && !detail.attachments.some((a) => a.materialId === m.id)) {
        out.push({ message: `缺少必要材料：${m.name}`, step: materialsStep >= 0 ? materialsStep : null });
      }
    }
    return out;
  }, [steps, formData, uploads, requiredIds, detail.attachments, validators]);

  const step = steps[current];
  const reviewIndex = steps.length - 1;
  const next = () => {
    if (step.kind === "form") {
      setTried((t) => new Set(t).add(step.key));
      if (formRef.current && !formRef.current.validateForm()) return;
    }
    goTo(Math.min(current + 1, reviewIndex));
  };

  const refreshAttachments = useCallback(async () => {
    await refetch();
  }, [refetch]);

  return (
    <div className="space-y-4">
      <header className="space-y-1">
        <p className="text-sm text-muted-foreground">
          {application.officeName} · 版本 {application.version}
          {application.caseNumber && <> · 办件编号 {application.caseNumber}</>}
        </p>
        <h1 className="text-2xl font-semibold">
          {mode === "correction" ? "补正材料：" : "在线申请："}
          {application.serviceTitle}
        </h1>
        <SaveStatus state={save} onRetry={() => void flush()} />
      </header>

      {conflict && (
        <ErrorNotice
          focus
          message={conflict}
          details={<p className="mt-1">刷新后将载入最新保存的内容。</p>}
          onReload={() => {
            writeBackup(id, null);
            window.location.reload();
          }}
        />
      )}

      {mode === "correction" && detail.correction && <CorrectionRequest items={detail.correction.items} requestedAt={detail.correction.requestedAt} />}

      <Stepper
        steps={steps.map((s, i) => ({ ...s, invalid: (tried.has(s.key) || current === reviewIndex) && problems.some((p) => p.step === i) }))}
        current={current}
        onSelect={goTo}
      />

      <section aria-labelledby="step-title" className="rounded-lg border bg-background p-4 sm:p-5">
        <h2 id="step-title" ref={headingRef} tabIndex={-1} className="mb-4 text-lg font-semibold outline-none">
          第{current + 1}步：{step.label}
        </h2>
        {step.kind === "form" && step.form && (
          <ServiceForm
            key={step.form.id}
            ref={formRef}
            formId={step.form.id}
            validator={validators[step.form.id]}
            schema={step.form.schema}
            uiSchema={step.form.uiSchema}
            formData={formData[step.form.id] ?? {}}
            onChange={(data) => setForm(step.form!.id, data)}
            onSubmit={() => next()}
            onError={() => setTried((t) => new Set(t).add(step.key))}
            liveValidate={tried.has(step.key)}
            hideOfficeUse
          >
            <StepButtons current={current} onBack={() => goTo(current - 1)} nextLabel={current + 1 === reviewIndex ? "下一步：确认" : "下一步"} submit />
          </ServiceForm>
        )}
        {step.kind === "materials" && (
          <>
            <MaterialsStep
              applicationId={id}
              materials={uploads}
              requiredIds={requiredIds}
              attachments={detail.attachments}
              highlight={highlight}
              onChanged={refreshAttachments}
            />
            <StepButtons current={current} onBack={() => goTo(current - 1)} onNext={next} nextLabel="下一步：确认" />
          </>
        )}
        {step.kind === "review" && (
          <Review
            key={mode}
            mode={mode}
            detail={detail}
            forms={forms}
            uploads={uploads}
            formData={formData}
            problems={problems}
            steps={steps}
            onEdit={goTo}
            onBack={current > 0 ? () => goTo(current - 1) : undefined}
            beforeSubmit={flush}
            rowVersion={() => rowVersion.current}
            onSubmitted={async (target) => {
              writeBackup(id, null);
              await queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
              router.push(target);
            }}
            onConflict={setConflict}
          />
        )}
      </section>
    </div>
  );
}

function SaveStatus({ state, onRetry }: { state: SaveState; onRetry: () => void }) {
  return (
    <p role="status" aria-live="polite" className="flex min-h-6 items-center gap-2 text-sm" data-testid="save-status">
      {state.kind === "dirty" && <span className="text-muted-foreground">有未保存的修改…</span>}
      {state.kind === "saving" && <span className="text-muted-foreground">正在保存…</span>}
      {state.kind === "saved" && <span className="text-emerald-800">已保存（{state.at}）</span>}
      {state.kind === "error" && (
        <>
          <span className="text-destructive">保存失败：{state.message}</span>
          <button type="button" onClick={onRetry} className="rounded border px-2 py-0.5 text-xs hover:bg-muted">重试</button>
        </>
      )}
      {state.kind === "idle" && <span className="text-muted-foreground">草稿会自动保存</span>}
    </p>
  );
}

function CorrectionRequest({ items, requestedAt }: { items: string[]; requestedAt: string }) {
  return (
    <section aria-labelledby="correction-title" className="rounded-lg border border-amber-600/50 bg-amber-50 p-4 text-amber-950">
      <h2 id="correction-title" className="font-semibold">一次性告知：请补正以下内容</h2>
      <p className="text-xs">告知时间：{formatDateTime(requestedAt)}</p>
      <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm" data-testid="correction-items">
        {items.map((item, i) => <li key={i}>{item}</li>)}
      </ol>
    </section>
  );
}

function StepButtons({ current, onBack, onNext, nextLabel, submit }: { current: number; onBack: () => void; onNext?: () => void; nextLabel: string; submit?: boolean }) {
  return (
    <div className="mt-6 flex flex-wrap gap-3">
      {current > 0 && (
        <button type="button" onClick={onBack} className="rounded-md border bg-background px-4 py-2 hover:bg-muted">
          上一步
        </button>
      )}
      <button type={submit ? "submit" : "button"} onClick={submit ? undefined : onNext} className="rounded-md bg-primary px-5 py-2 font-medium text-primary-foreground hover:opacity-90">
        {nextLabel}
      </button>
    </div>
  );
}

function Review({
  mode,
  detail,
  forms,
  uploads,
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
  mode: Mode;
  detail: ApplicationDetail;
  forms: FormDefinition[];
  uploads: Material[];
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

  const stepOfPath = (path: string): number | null => {
    const form = /^forms\/([^/]+)/.exec(path)?.[1];
    if (form) {
      const i = steps.findIndex((s) => s.key === `form:${form}`);
      return i >= 0 ? i : null;
    }
    if (path.startsWith("materials")) {
      const i = steps.findIndex((s) => s.key === "materials");
      return i >= 0 ? i : null;
    }
    return null;
  };

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
        await client.applications.answerCorrection.mutate({ id: application.id, formData, rowVersion: rowVersion() });
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
              <button type="button" onClick={() => onEdit(index)} className="text-sm text-primary underline">修改<span className="sr-only">{f.title}</span></button>
            </div>
            <FormSummary schema={f.schema} uiSchema={f.uiSchema} data={formData[f.id]} hideOfficeUse />
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
                  {files.length ? files.map((f) => `${f.fileName}（${formatFileSize(f.size)}）`).join("、") : <span className="text-muted-foreground">未上传</span>}
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
                const s = stepOfPath(f.path);
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
