"use client";
/**
 * 工作台 · 办件: the case at a glance, the current step (checkpoints, claim, actions), pausing,
 * what the applicant handed in, and the history.
 */
import { useState } from "react";
import Link from "next/link";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { Timeline } from "@/app/_components/Timeline";
import { CaseDocuments } from "@/app/documents/_parts/CaseDocuments";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { formatDateTime, isClosedStatus } from "@/app/_components/format";
import { CaseHeader } from "./CaseHeader";
import { CaseForms, CaseMaterials } from "./CaseRecord";
import { PauseResume } from "./PauseResume";
import { TaskPanel } from "./TaskPanel";
import { ChecksPanel } from "./ChecksPanel";
import { RiskConfirmations } from "./RiskConfirmations";
import { CaseCommitments } from "./CaseCommitments";
import { isConflict } from "./staffCase";

export function StaffCaseView({ id }: { id: string }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const query = useQuery(trpc.workbench.case.queryOptions({ id }));
  const [notice, setNotice] = useState<string | null>(null);
  const [conflict, setConflict] = useState<string | null>(null);

  const refresh = async () => {
    setConflict(null);
    await queryClient.invalidateQueries({ queryKey: trpc.workbench.pathKey() });
  };
  const onError = (e: unknown) => {
    if (isConflict(e)) setConflict(errorMessage(e));
  };

  if (query.isPending) return <Loading />;
  if (query.isError) return <ErrorNotice message={errorMessage(query.error)} onReload={() => void query.refetch()} />;
  const data = query.data;
  const a = data.application;
  const closed = isClosedStatus(a.status);
  return (
    <div className="space-y-4">
      <nav aria-label="面包屑" className="text-sm text-muted-foreground">
        <Link href="/workbench" className="text-primary hover:underline">工作台</Link>
        <span aria-hidden="true"> / </span>
        <span>办件 {a.caseNumber}</span>
      </nav>

      <CaseHeader application={a} />

      {data.readOnly && (
        <p data-testid="read-only" className="rounded-lg border border-sky-700/30 bg-sky-50 px-4 py-3 text-sm text-sky-950">
          <span className="mr-2 rounded bg-sky-800 px-1.5 py-0.5 text-xs font-semibold text-white">只读</span>
          本办件由{a.officeName}办理。您以上级机构身份查看（监督），不能认领或办理；查看已记入审计日志。
        </p>
      )}

      {conflict && <ErrorNotice focus message={conflict} details={<p className="mt-1">您看到的不是最新情况。请刷新，确认后再办理。</p>} onReload={() => void refresh()} />}
      {notice && (
        <p role="status" className="rounded-md border border-emerald-700/30 bg-emerald-50 px-4 py-3 text-sm text-emerald-900">
          {notice} <Link href="/workbench" className="ml-2 underline">返回待办</Link>
        </p>
      )}

      {data.pause && (
        <section className="rounded-lg border border-amber-600/50 bg-amber-50 p-4 text-sm text-amber-950">
          <h2 className="font-semibold">办件已中止</h2>
          <p>中止时间：{formatDateTime(data.pause.since)}；原因：{data.pause.reason}</p>
        </section>
      )}
      {a.status === "waiting_applicant" && data.correction && (
        <section className="rounded-lg border border-amber-600/50 bg-amber-50 p-4 text-sm text-amber-950">
          <h2 className="font-semibold">等待申请人补正（{formatDateTime(data.correction.requestedAt)} 一次性告知）</h2>
          <ol className="mt-1 list-decimal pl-5">{data.correction.items.map((item, i) => <li key={i}>{item}</li>)}</ol>
        </section>
      )}

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <div className="space-y-4">
          {data.currentTask ? (
            <TaskPanel key={`${data.currentTask.taskId}:${a.rowVersion}`} data={data} onDone={async (message) => { setNotice(message); await refresh(); }} onError={onError} refresh={refresh} />
          ) : (
            !closed && (
              <p className="rounded-lg border bg-background p-4 text-sm text-muted-foreground">当前没有需要工作人员办理的环节。</p>
            )
          )}
          <ChecksPanel data={data} refresh={refresh} />
          <PauseResume key={`pause:${a.rowVersion}`} data={data} onDone={async (message) => { setNotice(message); await refresh(); }} onError={onError} />
          <RiskConfirmations steps={data.riskConfirmations} />
          <CaseCommitments commitments={data.commitments} />
          <CaseForms data={data} />
          <CaseMaterials data={data} />
        </div>
        <aside className="space-y-4">
          <CaseDocuments decision={data.decision} documents={data.documents} />
          <Timeline entries={data.timeline} />
        </aside>
      </div>
    </div>
  );
}
