"use client";
/** The current step: its checkpoints, claiming and releasing it, and (claimed) its actions. */
import { useMutation } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import type { StaffCase } from "@/app/_components/types";
import { formatChineseDate, isOverdue, todayInChina } from "@/app/_components/format";
import { ActionForm } from "./ActionForm";
import { roleLabels, type OnDone, type Task } from "./staffCase";

function Checklist({ title, items, tone }: { title: string; items: string[]; tone: string }) {
  return (
    <div>
      <h3 className="font-medium">{title}</h3>
      {items.length ? (
        <ul className={`mt-1 list-disc space-y-0.5 pl-5 text-sm ${tone}`}>{items.map((item, i) => <li key={i}>{item}</li>)}</ul>
      ) : (
        <p className="mt-1 text-sm text-muted-foreground">无</p>
      )}
    </div>
  );
}

export function TaskPanel({ data, onDone, onError, refresh }: { data: StaffCase; onDone: OnDone; onError: (e: unknown) => void; refresh: () => Promise<void> }) {
  const trpc = useTRPC();
  const task = data.currentTask as Task;
  const a = data.application;
  const overdue = isOverdue(task, todayInChina());
  const acting = task.claimedByMe && task.canWork;
  const risks = task.riskChecklist.map((r) => (r.control ? `${r.risk}（防控：${r.control}）` : r.risk));
  const claim = useMutation(trpc.workbench.claim.mutationOptions({ onSuccess: () => refresh(), onError }));
  const release = useMutation(trpc.workbench.release.mutationOptions({ onSuccess: () => refresh(), onError }));
  return (
    <section aria-labelledby="task-title" className="rounded-lg border bg-background p-4 sm:p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="task-title" className="text-lg font-semibold">当前环节：{task.label}</h2>
        <span className="text-sm text-muted-foreground">
          {roleLabels[task.role] ?? task.role}办理 · 期限 {task.dueDate ? formatChineseDate(task.dueDate) : "—"}
          {overdue && <span className="ml-2 rounded bg-destructive px-1.5 py-0.5 text-xs text-white">已超期</span>}
        </span>
      </div>

      <div className="mt-3 space-y-3 rounded-md bg-muted/60 p-3">
        <Checklist title="审核要点" items={task.checkpoints.reviewPoints} tone="" />
        <div className="grid gap-3 md:grid-cols-2">
          {acting && risks.length > 0 ? (
            // Listed once: as the boxes of 风险点确认 in the action form below.
            <div>
              <h3 className="font-medium">风险点</h3>
              <p className="mt-1 text-sm text-red-900">共 {risks.length} 项，请在下方“风险点确认”中逐项核对勾选。</p>
            </div>
          ) : (
            <Checklist title="风险点" items={risks} tone="text-red-900" />
          )}
          <Checklist title="前置校验" items={task.checkpoints.preChecks} tone="" />
        </div>
      </div>

      <div className="mt-4 flex flex-wrap items-center gap-3 text-sm">
        {task.claimedByMe ? (
          <>
            <span className="rounded bg-accent px-2 py-1">我已认领</span>
            <button type="button" onClick={() => release.mutate({ taskId: task.taskId })} disabled={release.isPending} className="rounded-md border px-3 py-1.5 hover:bg-muted disabled:opacity-60">
              释放任务
            </button>
          </>
        ) : task.claimedBy ? (
          <span className="rounded bg-muted px-2 py-1">{task.claimedBy} 已认领</span>
        ) : task.canWork ? (
          <button type="button" onClick={() => claim.mutate({ taskId: task.taskId })} disabled={claim.isPending} className="rounded-md bg-primary px-4 py-1.5 font-medium text-primary-foreground hover:opacity-90 disabled:opacity-60">
            认领任务
          </button>
        ) : task.barredReason ? (
          <span className="text-muted-foreground">{task.barredReason}。</span>
        ) : data.readOnly ? (
          <span className="text-muted-foreground">该环节由{a.officeName}的{roleLabels[task.role] ?? task.role}办理（只读）。</span>
        ) : (
          <span className="text-muted-foreground">该环节由{roleLabels[task.role] ?? task.role}办理，您可以查看。</span>
        )}
        {(claim.isError || release.isError) && <span role="alert" className="text-destructive">{errorMessage(claim.error ?? release.error)}</span>}
      </div>

      {acting && <ActionForm data={data} task={task} rowVersion={a.rowVersion} onDone={onDone} onError={onError} />}
      {!task.claimedByMe && task.canWork && !task.claimedBy && <p className="mt-2 text-sm text-muted-foreground">认领后即可办理本环节。</p>}
    </section>
  );
}
