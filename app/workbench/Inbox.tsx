"use client";
import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "../_trpc/client";
import { EmptyState } from "../_components/EmptyState";
import { ToggleGroup } from "../_components/ToggleGroup";
import { CaseLink, cardCell } from "./_parts/CaseCells";
import { isOverdue, todayInChina } from "../_components/format";
import { taskStatusLabels } from "@/runtime/definition/labels";

const filters = [
  { value: undefined, label: "全部待办" },
  { value: "open", label: taskStatusLabels.open },
  { value: "mine", label: "我已认领" },
] as const;

export function Inbox() {
  const trpc = useTRPC();
  const [status, setStatus] = useState<(typeof filters)[number]["value"]>(undefined);
  const [search, setSearch] = useState("");
  const inbox = useQuery(trpc.workbench.inbox.queryOptions({ status, search: search || undefined }));
  const today = todayInChina();
  return (
    <div className="mt-4">
      <div className="flex flex-wrap items-center gap-3">
        <ToggleGroup label="筛选" options={filters} value={status} onChange={setStatus} />
        <label className="flex items-center gap-2 text-sm">
          <span>搜索</span>
          <input
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="办件编号、事项或申请人"
            className="rounded-md border border-input bg-background px-3 py-1.5"
          />
        </label>
      </div>
      {inbox.isError && <p role="alert" className="mt-4 text-destructive">{errorMessage(inbox.error)}</p>}
      {inbox.isPending && <p className="mt-4 text-muted-foreground">正在加载…</p>}
      {inbox.data && inbox.data.length === 0 && (
        <div className="mt-4">
          <EmptyState title="暂无待办任务">申请人提交的办件到达本单位后，会出现在这里。</EmptyState>
        </div>
      )}
      {inbox.data && inbox.data.length > 0 && (
        <table className="mt-4 w-full border-collapse overflow-hidden rounded-lg bg-background text-sm max-sm:block">
          <caption className="sr-only">待办任务</caption>
          <thead className="max-sm:sr-only">
            <tr className="border-b text-left">
              <th scope="col" className="px-3 py-2">办件编号</th>
              <th scope="col" className="px-3 py-2">事项</th>
              <th scope="col" className="px-3 py-2">环节</th>
              <th scope="col" className="px-3 py-2">申请人</th>
              <th scope="col" className="px-3 py-2">办理期限</th>
              <th scope="col" className="px-3 py-2">状态</th>
            </tr>
          </thead>
          <tbody className="max-sm:block">
            {inbox.data.map((item) => {
              const overdue = isOverdue(item, today);
              return (
                <tr key={item.taskId} className="border-b last:border-0 max-sm:block max-sm:py-2">
                  <td data-label={"办件编号"} className={cardCell}>
                    <CaseLink applicationId={item.applicationId} caseNumber={item.caseNumber} />
                  </td>
                  <td data-label={"事项"} className={cardCell}>{item.serviceTitle}</td>
                  <td data-label={"环节"} className={cardCell}>{item.label}</td>
                  <td data-label={"申请人"} className={cardCell}>{item.applicantName}</td>
                  <td data-label={"办理期限"} className={cardCell}>
                    {item.dueDate ?? (item.caseDueDate ? `办结期限 ${item.caseDueDate}` : "—")}
                    {overdue && <span className="ml-2 rounded bg-destructive px-1.5 py-0.5 text-xs text-white">已超期</span>}
                    {!overdue && item.dueToday && <span className="ml-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs text-amber-950">今日到期</span>}
                  </td>
                  <td data-label={"状态"} className={cardCell}>
                    {item.status === "open" ? taskStatusLabels.open : item.claimedByMe ? `我${taskStatusLabels.claimed}` : `${item.claimedBy ?? "他人"}${taskStatusLabels.claimed}`}
                    {item.stuckReason && (
                      <p className="mt-1 max-w-xs text-xs text-destructive" data-testid="stuck-reason">
                        <span className="font-medium">无人可办：</span>
                        {item.stuckReason}
                      </p>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
