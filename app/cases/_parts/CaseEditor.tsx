"use client";
/**
 * Filling an application: one step per form (rjsf), the materials, and a review that submits
 * once. Drafts are saved as the person types (`useAutosave`). In `correction` mode the same
 * editor answers a 一次性告知 correction request and resubmits.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import type RjsfForm from "@rjsf/core";
import type { RJSFSchema } from "@rjsf/utils";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { applicantForms, materialsNamedIn, requiredUploads } from "@/runtime/definition/requirements";
import { createTransformErrors } from "@/runtime/forms/rjsfValidator";
import { hasIdentityBlocks, identityFlags, prefillIdentity } from "@/runtime/forms/identity";
import type { FormCheck } from "@/runtime/forms/submissionCheck";
import type { FormDefinition, Material } from "@/runtime/definition/schema";
import type { ApplicationDetail } from "@/app/_components/types";
import { ServiceForm } from "@/app/_components/ServiceForm";
import { FormSummary } from "@/app/_components/FormSummary";
import { Stepper } from "@/app/_components/Stepper";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { CorrectionRequest } from "./CorrectionRequest";
import { editorSteps, submitProblems, type EditorMode, type FormsData } from "./editorSteps";
import { MaterialsStep } from "./MaterialsStep";
import { Review } from "./Review";
import { SaveStatus } from "./SaveStatus";
import { StepButtons } from "./StepButtons";
import { discardBackup, useAutosave } from "./useAutosave";
import { useStepper } from "./useStepper";
import { useFormValidators, type FormValidators } from "./useFormValidators";
import { useCommitments } from "./useCommitments";

export function CaseEditor({ id, mode }: { id: string; mode: EditorMode }) {
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
function ValidatedEditor({ detail, mode, refetch }: { detail: ApplicationDetail; mode: EditorMode; refetch: () => Promise<unknown> }) {
  const forms = useMemo(() => applicantForms(detail.definition), [detail.definition]);
  const validators = useFormValidators(detail.application.versionId, forms);
  if (validators.isPending) return <Loading />;
  if (validators.isError) return <ErrorNotice message={errorMessage(validators.error)} onReload={() => window.location.reload()} />;
  return <EditorBody detail={detail} mode={mode} refetch={refetch} validators={validators.data} />;
}

/**
 * In a 补正, the forms the applicant may not change: every form but those the server says the
 * correction opened (named in the 一次性告知, or opened by the 补正 step). Empty for a draft.
 */
function readOnlyForms(detail: ApplicationDetail, forms: FormDefinition[], mode: EditorMode): ReadonlySet<string> {
  if (mode !== "correction") return new Set();
  const editable = new Set(detail.correction?.editableForms ?? []);
  return new Set(forms.filter((f) => !editable.has(f.id)).map((f) => f.id));
}

function EditorBody({
  detail,
  mode,
  refetch,
  validators,
}: {
  detail: ApplicationDetail;
  mode: EditorMode;
  refetch: () => Promise<unknown>;
  validators: FormValidators;
}) {
  const { application, definition } = detail;
  const id = application.id;
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();

  const forms = useMemo(() => applicantForms(definition), [definition]);
  const readOnly = useMemo(() => readOnlyForms(detail, forms, mode), [detail, forms, mode]);
  const uploads = useMemo<Material[]>(() => definition.materials.filter((m) => !m.formId), [definition]);
  // 告知承诺 is chosen on a draft; a material committed to counts as provided.
  const commitments = useCommitments(id, mode !== "correction");
  const provided = useMemo(() => [...detail.attachments, ...commitments.asProvided], [detail.attachments, commitments.asProvided]);
  const account = detail.account;
  const highlight = useMemo(() => new Set(materialsNamedIn(detail.correction?.items ?? [], uploads).map((m) => m.id)), [detail.correction, uploads]);

  const { formData, setForm, flush, save, conflict, setConflict, rowVersion } = useAutosave(
    id,
    { rowVersion: application.rowVersion, formData: application.formData as FormsData },
    { remote: mode !== "correction" },
  );

  // materials the answers make required (代他人申请 → 授权委托书) count as required
  const requiredIds = useMemo(() => new Set(requiredUploads(definition, formData).map((m) => m.id)), [definition, formData]);

  // The identity blocks start from the account (本人申请: the applicant; 代他人申请: the 代办人).
  const changeForm = useCallback(
    (form: FormDefinition, data: Record<string, unknown>) =>
      setForm(form.id, hasIdentityBlocks(form.schema) ? prefillIdentity(form.schema, data, account, formData[form.id]) : data),
    [setForm, account, formData],
  );
  const prefilled = useRef(false);
  useEffect(() => {
    if (prefilled.current || mode !== "draft") return;
    prefilled.current = true;
    for (const form of forms) {
      if (!hasIdentityBlocks(form.schema)) continue;
      const current = formData[form.id] ?? {};
      const next = prefillIdentity(form.schema, current, account);
      if (JSON.stringify(next) !== JSON.stringify(current)) setForm(form.id, next);
    }
  }, [forms, formData, account, mode, setForm]);
  // a typed ID that is not the account's is flagged (a warning: staff see it too)
  const flags = useMemo(
    // (not for a form a 补正 leaves as it is: nothing the applicant could change there)
    () => forms.filter((f) => !readOnly.has(f.id)).flatMap((f) => identityFlags(f.schema, formData[f.id], account).map((flag) => `《${f.title}》${flag.message}`)),
    [forms, readOnly, formData, account],
  );

  const steps = useMemo(() => editorSteps(forms, uploads, mode, readOnly), [forms, uploads, mode, readOnly]);
  const { current, goTo, headingRef } = useStepper(steps.length, flush);
  const [tried, setTried] = useState<Set<string>>(() => new Set());
  const formRef = useRef<RjsfForm>(null);

  // What a submission would be refused for now: the server's own check, with this page's
  // precompiled validators. Problems are shown for the steps already attempted and on the review
  // step, so a form nobody is shown the problems of is not validated again on every keystroke.
  const checkForm = useCallback<FormCheck>(
    (form, data) => {
      const schema = form.schema as RJSFSchema;
      const { errors } = validators[form.id].validateFormData(data, schema, undefined, createTransformErrors(schema) as never);
      return errors.map((e) => ({ path: (e.property ?? "").replace(/^\./, "/").replaceAll(".", "/"), message: e.message ?? e.stack }));
    },
    [validators],
  );
  const onReview = current === steps.length - 1;
  const problems = useMemo(() => {
    if (onReview) return submitProblems(definition, provided, formData, steps, checkForm, account.kind);
    const shown = new Set(steps.flatMap((s) => (s.form && tried.has(s.key) ? [s.form.id] : [])));
    if (shown.size === 0) return [];
    return submitProblems({ ...definition, forms: definition.forms.filter((f) => shown.has(f.id)) }, provided, formData, steps, checkForm, account.kind);
  }, [definition, provided, formData, steps, onReview, tried, checkForm, account.kind]);

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
            discardBackup(id);
            window.location.reload();
          }}
        />
      )}

      {flags.length > 0 && (
        <div role="status" className="rounded-md border border-amber-600/40 bg-amber-50 px-3 py-2 text-sm text-amber-950">
          <p className="font-medium">请核对身份信息</p>
          <ul className="mt-1 list-disc pl-5">
            {flags.map((flag) => <li key={flag}>{flag}</li>)}
          </ul>
        </div>
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
        {step.kind === "form" && step.form?.generated && (
          <p className="mb-4 rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground" data-testid="generated-form-note">
            {/* the document's line numbers mean nothing to applicants: the designer's form tab shows them */}
            本表由平台生成（办事指南未附样表）：{step.form.generated.basis}。
          </p>
        )}
        {step.kind === "form" && step.form && readOnly.has(step.form.id) && (
          <>
            <p className="mb-4 rounded-md border border-muted bg-muted px-3 py-2 text-sm text-muted-foreground" data-testid="form-not-for-correction">
              <span className="mr-2 rounded bg-background px-1.5 py-0.5 text-xs font-medium text-foreground">无需补正</span>
              本次补正未要求修改此表，内容保持原样，不能修改。
            </p>
            <FormSummary schema={step.form.schema} uiSchema={step.form.uiSchema} data={formData[step.form.id]} hideOfficeUse hideOrganisationOnly={account.kind === "person"} />
            <StepButtons current={current} onBack={() => goTo(current - 1)} onNext={next} nextLabel={current + 1 === reviewIndex ? "下一步：确认" : "下一步"} />
          </>
        )}
        {step.kind === "form" && step.form && mode === "correction" && !readOnly.has(step.form.id) && (
          <p className="mb-4 rounded-md border border-amber-600/40 bg-amber-50 px-3 py-2 text-sm text-amber-950" data-testid="form-for-correction">
            <span className="mr-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium">需补正</span>
            请按补正要求修改此表。
          </p>
        )}
        {step.kind === "form" && step.form && !readOnly.has(step.form.id) && (
          <ServiceForm
            key={step.form.id}
            ref={formRef}
            formId={step.form.id}
            validator={validators[step.form.id]}
            schema={step.form.schema}
            uiSchema={step.form.uiSchema}
            hideOrganisationOnly={account.kind === "person"}
            formData={formData[step.form.id] ?? {}}
            onChange={(data) => changeForm(step.form!, data)}
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
              commitments={mode !== "correction" ? { ids: commitments.ids, onChanged: commitments.refresh } : undefined}
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
            readOnly={readOnly}
            uploads={uploads}
            committedIds={commitments.ids}
            formData={formData}
            problems={problems}
            steps={steps}
            onEdit={goTo}
            onBack={current > 0 ? () => goTo(current - 1) : undefined}
            beforeSubmit={flush}
            rowVersion={rowVersion}
            onSubmitted={async (target) => {
              discardBackup(id);
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
