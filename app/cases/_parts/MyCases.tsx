"use client";
import { useState } from "react";
import Link from "next/link";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { EmptyState } from "@/app/_components/EmptyState";
import { StatusBadge } from "@/app/_components/StatusBadge";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { ToggleGroup } from "@/app/_components/ToggleGroup";
import { formatChineseDate, formatDateTime, isClosedStatus, isOverdue, todayInChina } from "@/app/_components/format";

const filters = [
  { key: "all", label: "全部", match: () => true },
  { key: "open", label: "办理中", match: (s: string) => ["submitted", "in_progress", "paused"].includes(s) },
  { key: "waiting", label: "待补正", match: (s: string) => s === "waiting_applicant" },
  { key: "draft", label: "草稿", match: (s: string) => s === "draft" },
  { key: "closed", label: "已办结", match: (s: string) => isClosedStatus(s) },
] as const;

export function MyCases() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const mine = useQuery(trpc.applications.mine.queryOptions());
  const [filter, setFilter] = useState<(typeof filters)[number]["key"]>("all");
  const discard = useMutation(
    trpc.applications.withdraw.mutationOptions({
      onSuccess: () => queryClient.invalidateQueries({ queryKey: trpc.applications.mine.queryKey() }),
    }),
  );
  const today = todayInChina();
  if (mine.isPending) return <Loading />;
  if (mine.isError) return <ErrorNotice message={errorMessage(mine.error)} onReload={() => void mine.refetch()} />;
  const active = filters.find((f) => f.key === filter) ?? filters[0];
  const rows = mine.data.filter((r) => active.match(r.status));
  return (
    <div className="mt-4 space-y-4">
      <ToggleGroup
        label="按状态筛选"
        options={filters.map((f) => ({ value: f.key, label: `${f.label}（${mine.data.filter((r) => f.match(r.status)).length}）` }))}
        value={filter}
        onChange={setFilter}
      />
      {discard.isError && <ErrorNotice message={errorMessage(discard.error)} />}
      {rows.length === 0 ? (
        <EmptyState title={mine.data.length ? "没有符合条件的办件" : "您还没有办件"}>
          <Link href="/hall" className="text-primary underline">去办事大厅查找服务事项</Link>
        </EmptyState>
      ) : (
        <ul className="space-y-3" aria-label="办件列表">
          {rows.map((r) => {
            const overdue = !isClosedStatus(r.status) && r.status !== "draft" && isOverdue(r, today);
            return (
              <li key={r.id} className="rounded-lg border bg-background p-4" data-testid="case-row">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <h2 className="font-medium">
                    <Link href={r.status === "draft" ? `/cases/${r.id}/edit` : `/cases/${r.id}`} className="text-primary hover:underline">
                      {r.serviceTitle}
                    </Link>
                  </h2>
                  <StatusBadge status={r.status} />
                </div>
                <dl className="mt-2 grid grid-cols-[6em_1fr] gap-x-2 gap-y-1 text-sm sm:grid-cols-[6em_1fr_6em_1fr]">
                  <dt className="text-muted-foreground">办件编号</dt>
                  <dd className="font-mono">{r.caseNumber ?? "（提交后生成）"}</dd>
                  <dt className="text-muted-foreground">办理机构</dt>
                  <dd>{r.officeName}</dd>
                  <dt className="text-muted-foreground">提交时间</dt>
                  <dd>{r.submittedAt ? formatDateTime(r.submittedAt) : "未提交"}</dd>
                  <dt className="text-muted-foreground">办理期限</dt>
                  <dd>
                    {r.dueDate ? formatChineseDate(r.dueDate) : "—"}
                    {overdue && <span className="ml-2 rounded bg-destructive px-1.5 py-0.5 text-xs text-white">已超期</span>}
                  </dd>
                  <dt className="text-muted-foreground">最近更新</dt>
                  <dd>{formatDateTime(r.updatedAt)}</dd>
                </dl>
                <div className="mt-3 flex flex-wrap gap-2 text-sm">
                  {r.status === "draft" ? (
                    <>
                      <Link href={`/cases/${r.id}/edit`} className="rounded-md bg-primary px-3 py-1.5 text-primary-foreground hover:opacity-90">继续填写</Link>
                      <button
                        type="button"
                        disabled={discard.isPending}
                        onClick={() => {
                          if (window.confirm("确定删除这份草稿吗？删除后不能恢复。")) discard.mutate({ id: r.id });
                        }}
                        className="rounded-md border px-3 py-1.5 hover:bg-muted disabled:opacity-60"
                      >
                        删除草稿<span className="sr-only">：{r.serviceTitle}</span>
                      </button>
                    </>
                  ) : (
                    <>
                      <Link href={`/cases/${r.id}`} className="rounded-md border px-3 py-1.5 hover:bg-muted">查看详情<span className="sr-only">：{r.caseNumber}</span></Link>
                      {r.status === "waiting_applicant" && (
                        <Link href={`/cases/${r.id}/correct`} className="rounded-md bg-amber-700 px-3 py-1.5 text-white hover:opacity-90">去补正<span className="sr-only">：{r.caseNumber}</span></Link>
                      )}
                    </>
                  )}
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
