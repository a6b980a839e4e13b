"use client";
import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";
import { ErrorNotice, Loading } from "@/app/_components/Notice";
import { formatChineseDate, formatDateTime } from "@/app/_components/format";
import { StatusBadge } from "@/app/_components/StatusBadge";

export function Submitted({ id }: { id: string }) {
  const trpc = useTRPC();
  const detail = useQuery(trpc.applications.get.queryOptions({ id }));
  if (detail.isPending) return <Loading />;
  if (detail.isError) return <ErrorNotice message={errorMessage(detail.error)} />;
  const a = detail.data.application;
  if (!a.caseNumber) {
    return (
      <div className="space-y-3">
        <ErrorNotice message="该办件尚未提交。" />
        <Link href={`/cases/${id}/edit`} className="text-primary underline">继续填写</Link>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl space-y-4">
      <section aria-labelledby="ok-title" className="rounded-lg border border-emerald-700/30 bg-background p-5 text-center">
        <p aria-hidden="true" className="mx-auto flex size-12 items-center justify-center rounded-full bg-emerald-50 text-2xl text-emerald-800">✓</p>
        <h1 id="ok-title" className="mt-3 text-2xl font-semibold">申请已提交</h1>
        <p className="mt-1 text-muted-foreground">{a.serviceTitle}</p>
        <dl className="mx-auto mt-4 grid max-w-sm grid-cols-[6em_1fr] gap-x-3 gap-y-2 text-left text-sm">
          <dt className="text-muted-foreground">办件编号</dt>
          <dd className="font-mono text-base font-semibold" data-testid="case-number">{a.caseNumber}</dd>
          <dt className="text-muted-foreground">当前状态</dt>
          <dd><StatusBadge status={a.status} /></dd>
          <dt className="text-muted-foreground">办理机构</dt>
          <dd>{a.officeName}</dd>
          <dt className="text-muted-foreground">提交时间</dt>
          <dd>{formatDateTime(a.submittedAt)}</dd>
          {/* a guide without a promised limit promises nothing: its case runs under the legal limit (办理期限) */}
          {a.promisedDate || !a.dueDate ? (
            <>
              <dt className="text-muted-foreground">承诺办结</dt>
              <dd data-testid="promised-date">{a.promisedDate ? `${formatChineseDate(a.promisedDate)}前` : "以受理后告知为准"}</dd>
            </>
          ) : (
            <>
              <dt className="text-muted-foreground">办理期限</dt>
              <dd data-testid="due-date">{formatChineseDate(a.dueDate)}前</dd>
            </>
          )}
        </dl>
        <p className="mt-4 text-sm text-muted-foreground">请记下办件编号，可在“我的办件”中随时查看办理进度。</p>
        <div className="mt-5 flex flex-wrap justify-center gap-3">
          <Link href={`/documents/${a.id}/receipt`} className="rounded-md bg-primary px-4 py-2 font-medium text-primary-foreground hover:opacity-90">
            查看并打印受理回执
          </Link>
          <Link href={`/cases/${a.id}`} className="rounded-md border bg-background px-4 py-2 hover:bg-muted">查看办件详情</Link>
          <Link href="/cases" className="rounded-md border bg-background px-4 py-2 hover:bg-muted">我的办件</Link>
        </div>
      </section>
    </div>
  );
}
