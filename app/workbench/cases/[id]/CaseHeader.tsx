/** The case at a glance: number, service, status, applicant, office, dates and limits, its documents. */
import Link from "next/link";
import type { StaffCase } from "@/app/_components/types";
import { StatusBadge } from "@/app/_components/StatusBadge";
import { formatChineseDate, formatDateTime, isClosedStatus, isOverdue, todayInChina } from "@/app/_components/format";

export function CaseHeader({ application: a }: { application: StaffCase["application"] }) {
  const closed = isClosedStatus(a.status);
  const today = todayInChina();
  return (
    <header className="rounded-lg border bg-background p-4 sm:p-5">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <p className="font-mono text-sm text-muted-foreground" data-testid="case-number">{a.caseNumber}</p>
          <h1 className="text-2xl font-semibold">{a.serviceTitle}</h1>
        </div>
        <StatusBadge status={a.status} />
      </div>
      <dl className="mt-3 grid grid-cols-[7em_1fr] gap-x-3 gap-y-1.5 text-sm md:grid-cols-[7em_1fr_7em_1fr_7em_1fr]">
        <dt className="text-muted-foreground">申请人</dt>
        <dd>{a.applicantName}</dd>
        <dt className="text-muted-foreground">办理机构</dt>
        <dd>{a.officeName}</dd>
        <dt className="text-muted-foreground">提交时间</dt>
        <dd>{formatDateTime(a.submittedAt)}</dd>
        <dt className="text-muted-foreground">承诺办结</dt>
        <dd>{a.promisedDate ? formatChineseDate(a.promisedDate) : "—"}</dd>
        <dt className="text-muted-foreground">办结期限</dt>
        <dd data-testid="case-due-date">
          {a.dueDate ? formatChineseDate(a.dueDate) : a.status === "paused" || a.status === "waiting_applicant" ? "暂停计时" : "—"}
          {!closed && isOverdue(a, today) && <span className="ml-2 rounded bg-destructive px-1.5 py-0.5 text-xs text-white">已超期</span>}
        </dd>
        <dt className="text-muted-foreground">事项版本</dt>
        <dd data-testid="case-version">{a.versionOwner} 第 {a.version} 版</dd>
      </dl>
      {closed && a.outcomeReason && <p className="mt-3 text-sm">办理结果说明：{a.outcomeReason}</p>}
      <div className="mt-3 flex flex-wrap gap-2 text-sm">
        <Link href={`/documents/${a.id}/receipt`} className="rounded-md border px-3 py-1.5 hover:bg-muted">受理回执</Link>
        {closed && <Link href={`/documents/${a.id}/decision`} className="rounded-md border px-3 py-1.5 hover:bg-muted">办理结果文书</Link>}
      </div>
    </header>
  );
}
