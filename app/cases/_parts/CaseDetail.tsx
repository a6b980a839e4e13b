"use client";
import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { applicantForms } from "@/runtime/definition/requirements";
import { StatusBadge } from "@/app/_components/StatusBadge";
import { Timeline } from "@/app/_components/Timeline";
import { CaseDocuments } from "@/app/documents/_parts/CaseDocuments";
import { FormSummary } from "@/app/_components/FormSummary";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { formatChineseDate, formatDateTime, formatFileSize, isClosedStatus, isOverdue, todayInChina } from "@/app/_components/format";

const outcomeText: Record<string, string> = {
  completed: "您的申请已办结。",
  refused: "您的申请未通过（不予受理）。",
  terminated: "您的申请已终止办理。",
  withdrawn: "您已撤回该申请。",
};

export function CaseDetail({ id, corrected }: { id: string; corrected: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const detail = useQuery(trpc.applications.get.queryOptions({ id }));
  const [withdrawOpen, setWithdrawOpen] = useState(false);
  const [reason, setReason] = useState("");
  const withdraw = useMutation(
    trpc.applications.withdraw.mutationOptions({
      onSuccess: async () => {
        setWithdrawOpen(false);
        await queryClient.invalidateQueries({ queryKey: trpc.applications.pathKey() });
      },
    }),
  );
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorNotice message={errorMessage(detail.error)} onReload={() => void detail.refetch()} />;
  const { application: a, definition, attachments, correction, timeline, activeTasks, pause } = detail.data;
  const closed = isClosedStatus(a.status);
  const overdue = !closed && isOverdue(a, todayInChina());
  const forms = applicantForms(definition);
  const materialName = (materialId: string) => definition.materials.find((m) => m.id === materialId)?.name ?? materialId;
  return (
    <div className="space-y-4">
      <nav aria-label="面包屑" className="text-sm text-muted-foreground">
        <Link href="/cases" className="text-primary hover:underline">我的办件</Link>
        <span aria-hidden="true"> / </span>
        <span>办件详情</span>
      </nav>

      {corrected && a.status !== "waiting_applicant" && (
        <p role="status" className="rounded-md border border-emerald-700/30 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          补正材料已提交，经办人员将继续办理。
        </p>
      )}

      <header className="rounded-lg border bg-background p-4 sm:p-5">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <h1 className="text-2xl font-semibold">{a.serviceTitle}</h1>
          <StatusBadge status={a.status} />
        </div>
        <dl className="mt-3 grid grid-cols-[7em_1fr] gap-x-3 gap-y-1.5 text-sm sm:grid-cols-[7em_1fr_7em_1fr]">
          <dt className="text-muted-foreground">办件编号</dt>
          <dd className="font-mono" data-testid="case-number">{a.caseNumber ?? "（提交后生成）"}</dd>
          <dt className="text-muted-foreground">办理机构</dt>
          <dd>{a.officeName}</dd>
          <dt className="text-muted-foreground">办理依据</dt>
          <dd data-testid="case-version">{a.versionOwner} 第 {a.version} 版</dd>
          <dt className="text-muted-foreground">提交时间</dt>
          <dd>{formatDateTime(a.submittedAt)}</dd>
          <dt className="text-muted-foreground">承诺办结日期</dt>
          <dd data-testid="promised-date">{a.promisedDate ? formatChineseDate(a.promisedDate) : "—"}</dd>
          <dt className="text-muted-foreground">办理期限</dt>
          <dd data-testid="due-date">
            {a.dueDate ? formatChineseDate(a.dueDate) : a.status === "paused" || a.status === "waiting_applicant" ? "暂停计时" : "—"}
            {overdue && <span className="ml-2 rounded bg-destructive px-1.5 py-0.5 text-xs text-white">已超期</span>}
            {a.status === "waiting_applicant" && <span className="ml-2 text-xs text-muted-foreground">（补正期间暂停计时）</span>}
            {a.status === "paused" && <span className="ml-2 text-xs text-muted-foreground">（中止期间暂停计时）</span>}
          </dd>
          {a.closedAt && (
            <>
              <dt className="text-muted-foreground">办结时间</dt>
              <dd>{formatDateTime(a.closedAt)}</dd>
            </>
          )}
          {!closed && activeTasks.length > 0 && (
            <>
              <dt className="text-muted-foreground">当前环节</dt>
              <dd>{activeTasks.map((t) => t.label).join("、")}</dd>
            </>
          )}
        </dl>
        <div className="mt-4 flex flex-wrap gap-2 text-sm">
          {a.status === "draft" && (
            <Link href={`/cases/${a.id}/edit`} className="rounded-md bg-primary px-3 py-1.5 text-primary-foreground hover:opacity-90">继续填写</Link>
          )}
          {a.caseNumber && (
            <Link href={`/documents/${a.id}/receipt`} className="rounded-md border px-3 py-1.5 hover:bg-muted">受理回执</Link>
          )}
          {closed && a.caseNumber && (
            <Link href={`/documents/${a.id}/decision`} className="rounded-md border px-3 py-1.5 hover:bg-muted">办理结果文书</Link>
          )}
          {/* The server says whether 撤回 is still open (only before 受理); it refuses it otherwise. */}
          {detail.data.canWithdraw && !withdrawOpen && (
            <button type="button" onClick={() => setWithdrawOpen(true)} className="rounded-md border px-3 py-1.5 hover:bg-muted">撤回申请</button>
          )}
        </div>
        {withdrawOpen && detail.data.canWithdraw && (
          <form
            className="mt-3 space-y-2 rounded-md border p-3"
            onSubmit={(e) => {
              e.preventDefault();
              withdraw.mutate({ id: a.id, reason: reason.trim() || undefined });
            }}
          >
            <label htmlFor="withdraw-reason" className="block text-sm font-medium">撤回原因（选填）</label>
            <textarea id="withdraw-reason" value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={500} className="w-full rounded-md border border-input bg-background px-3 py-2 text-sm" />
            {withdraw.isError && <p role="alert" className="text-sm text-destructive">{errorMessage(withdraw.error)}</p>}
            <div className="flex gap-2">
              <button type="submit" disabled={withdraw.isPending} className="rounded-md bg-destructive px-3 py-1.5 text-sm text-white disabled:opacity-60">确认撤回</button>
              <button type="button" onClick={() => setWithdrawOpen(false)} className="rounded-md border px-3 py-1.5 text-sm hover:bg-muted">取消</button>
            </div>
          </form>
        )}
      </header>

      {a.status === "waiting_applicant" && correction && (
        <section aria-labelledby="correction-title" className="rounded-lg border border-amber-600/50 bg-amber-50 p-4 text-amber-950">
          <h2 id="correction-title" className="font-semibold">请补正材料（一次性告知）</h2>
          <p className="text-xs">告知时间：{formatDateTime(correction.requestedAt)}</p>
          <ol className="mt-2 list-decimal space-y-1 pl-5 text-sm" data-testid="correction-items">
            {correction.items.map((item, i) => <li key={i}>{item}</li>)}
          </ol>
          <Link href={`/cases/${a.id}/correct`} className="mt-3 inline-block rounded-md bg-amber-800 px-4 py-2 text-sm font-medium text-white hover:opacity-90">
            去补正
          </Link>
        </section>
      )}

      {a.status === "paused" && pause && (
        <section className="rounded-lg border border-amber-600/50 bg-amber-50 p-4 text-sm text-amber-950">
          <h2 className="font-semibold">办件已中止</h2>
          <p>中止时间：{formatDateTime(pause.since)}</p>
          <p>中止原因：{pause.reason}</p>
        </section>
      )}

      {closed && a.outcome && (
        <section aria-labelledby="outcome-title" className={`rounded-lg border p-4 text-sm ${a.outcome === "completed" ? "border-emerald-700/30 bg-emerald-50 text-emerald-950" : "border-destructive/40 bg-red-50 text-red-950"}`}>
          <h2 id="outcome-title" className="font-semibold">办理结果</h2>
          <p data-testid="outcome">{outcomeText[a.outcome] ?? "办件已结束。"}</p>
          {a.outcomeReason && <p className="mt-1" data-testid="outcome-reason">原因：{a.outcomeReason}</p>}
        </section>
      )}

      <CaseDocuments decision={detail.data.decision} documents={detail.data.documents} />

      <Timeline entries={timeline} />

      <details className="rounded-lg border bg-background p-4">
        <summary className="cursor-pointer font-semibold">申请内容与材料</summary>
        <div className="mt-3 space-y-4">
          {forms.map((f) => (
            <section key={f.id} aria-label={f.title}>
              <h3 className="mb-2 font-medium">{f.title}</h3>
              <FormSummary schema={f.schema} uiSchema={f.uiSchema} data={a.formData[f.id]} hideOfficeUse hideOrganisationOnly={detail.data.account.kind === "person"} />
            </section>
          ))}
          <section aria-label="已上传材料">
            <h3 className="mb-2 font-medium">已上传材料</h3>
            {attachments.length === 0 ? (
              <p className="text-sm text-muted-foreground">未上传材料。</p>
            ) : (
              <ul className="space-y-1 text-sm">
                {attachments.map((f) => (
                  <li key={f.id}>
                    <span className="text-muted-foreground">{materialName(f.materialId)}：</span>
                    <a href={`/api/files/${f.id}`} className="break-all text-primary underline">{f.fileName}</a>
                    <span className="text-muted-foreground">（{formatFileSize(f.size)}）</span>
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      </details>
    </div>
  );
}
