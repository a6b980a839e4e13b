import type { Metadata } from "next";
import Link from "next/link";
import { requireArea } from "@/app/_lib/session";
import { EmptyState, Forbidden } from "@/app/_components/EmptyState";
import { hasRole } from "@/runtime/auth/roles";
import { getDb } from "@/runtime/db";
import { AppError } from "@/runtime/errors";
import { dashboardFigures, DUE_SOON_WORKDAYS, type DashboardFigures } from "@/runtime/features/dashboard/figures";
import { percent, ratesOf } from "@/runtime/features/dashboard/rates";
import { caseListHref, dashboardTables } from "@/runtime/features/dashboard/tables";
import { WorkbenchTabs } from "../WorkbenchTabs";
import { ChartPanel } from "./ChartPanel";
import { CaseLink, cardCell } from "../_parts/CaseCells";

export const metadata: Metadata = { title: "统计分析" };
export const dynamic = "force-dynamic";

const urgencyLabels = { overdue: "已超期", today: "今日到期", soon: "即将到期" } as const;
const urgencyStyles = {
  overdue: "bg-destructive text-white",
  today: "bg-amber-200 text-amber-950",
  soon: "bg-muted text-foreground",
} as const;

export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { user, allowed } = await requireArea("dashboard", "/workbench/dashboard");
  if (!allowed) return <Forbidden />;
  const raw = (await searchParams).officeId;
  const officeId = (Array.isArray(raw) ? raw[0] : raw)?.slice(0, 12) || undefined;
  let figures: DashboardFigures;
  try {
    figures = await dashboardFigures(getDb(), user, { officeId });
  } catch (error) {
    if (error instanceof AppError && error.code === "NOT_FOUND") return <EmptyState title="经办机构不存在或您无权查看" />;
    throw error;
  }
  const tables = dashboardTables(figures);
  const total = figures.total;
  const rates = ratesOf(total);
  const cards = [
    { label: "受理", value: total.received, href: caseListHref({ officeId }) },
    { label: "办结", value: total.completed, href: caseListHref({ officeId, status: "closed" }) },
    { label: "不予办理", value: total.refused },
    { label: "撤回", value: total.withdrawn },
    { label: "承诺时限内办结率", value: percent(rates.onTimePromised), note: `${total.onTimePromised} / ${total.decidedPromised} 件` },
    { label: "法定时限内办结率", value: percent(rates.onTimeLegal), note: `${total.onTimeLegal} / ${total.decidedLegal} 件` },
    { label: "当前超期", value: total.overdue, href: caseListHref({ officeId, status: "open" }), alert: total.overdue > 0 },
    { label: `${DUE_SOON_WORKDAYS}个工作日内到期`, value: total.dueSoon, href: caseListHref({ officeId, status: "open" }) },
    { label: "一次性告知率", value: percent(rates.correction), note: `${total.corrected} / ${total.received} 件` },
  ];
  return (
    <div>
      <h1 className="text-2xl font-semibold">工作台</h1>
      <WorkbenchTabs current="dashboard" showInbox={hasRole(user, ["caseworker", "reviewer"])} user={user} />
      <h2 className="mt-4 text-xl font-semibold">统计分析</h2>
      <p className="mt-1 text-sm text-muted-foreground">
        统计日期 {figures.today}（北京时间）。按时办结率只计已办结和不予办理的办件，以办结日期对比承诺办结日期和法定办结期限；当前超期和即将到期只计经办机构正在办理（未等待申请人补正、未中止）的办件。
      </p>
      <form method="get" className="mt-3 flex flex-wrap items-center gap-2">
        <label htmlFor="dashboard-office" className="text-sm">
          经办机构
        </label>
        <select id="dashboard-office" name="officeId" defaultValue={officeId ?? ""} className="rounded-md border border-input bg-background px-3 py-1.5 text-sm">
          <option value="">全部（本单位及下级）</option>
          {figures.offices.map((o) => (
            <option key={o.id} value={o.id}>
              {"　".repeat(o.depth)}
              {o.name}
            </option>
          ))}
        </select>
        <button type="submit" className="rounded-md border bg-background px-3 py-1.5 text-sm hover:bg-muted">
          查看
        </button>
      </form>

      <section aria-labelledby="summary-heading" className="mt-4">
        <h3 id="summary-heading" className="sr-only">
          总体情况
        </h3>
        <ul className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-5">
          {cards.map((c) => (
            <li key={c.label} className={`rounded-lg border bg-background p-3 ${c.alert ? "border-destructive" : ""}`}>
              <p className="text-sm text-muted-foreground">{c.label}</p>
              <p className="mt-1 text-2xl font-semibold" data-testid={`figure-${c.label}`}>
                {c.href ? (
                  <Link href={c.href} className="text-primary underline-offset-2 hover:underline">
                    {c.value}
                  </Link>
                ) : (
                  c.value
                )}
              </p>
              {c.note && <p className="text-xs text-muted-foreground">{c.note}</p>}
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="warnings-heading" className="mt-6">
        <h3 id="warnings-heading" className="text-lg font-semibold">
          期限预警
        </h3>
        <p className="text-sm text-muted-foreground">已超期、今日到期和 {DUE_SOON_WORKDAYS} 个工作日内（至 {figures.dueSoonUntil}）到期的办理环节，最紧急的在前。</p>
        {figures.warnings.length === 0 ? (
          <p className="mt-2 text-sm">没有即将到期或已超期的环节。</p>
        ) : (
          <table className="mt-2 w-full border-collapse rounded-lg bg-background text-sm max-sm:block">
            <caption className="sr-only">期限预警</caption>
            <thead className="max-sm:sr-only">
              <tr className="border-b text-left">
                <th scope="col" className="px-3 py-2">办件编号</th>
                <th scope="col" className="px-3 py-2">事项</th>
                <th scope="col" className="px-3 py-2">环节</th>
                <th scope="col" className="px-3 py-2">经办机构</th>
                <th scope="col" className="px-3 py-2">办理期限</th>
              </tr>
            </thead>
            <tbody className="max-sm:block">
              {figures.warnings.map((w) => (
                <tr key={w.taskId} className="border-b last:border-0 max-sm:block max-sm:py-2">
                  <td data-label="办件编号" className={cardCell}>
                    <CaseLink applicationId={w.applicationId} caseNumber={w.caseNumber} />
                  </td>
                  <td data-label="事项" className={cardCell}>{w.serviceTitle}</td>
                  <td data-label="环节" className={cardCell}>{w.label}</td>
                  <td data-label="经办机构" className={cardCell}>{w.officeName}</td>
                  <td data-label="办理期限" className={cardCell}>
                    {w.dueDate}
                    <span className={`ml-2 rounded px-1.5 py-0.5 text-xs ${urgencyStyles[w.urgency]}`}>{urgencyLabels[w.urgency]}</span>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {figures.warningsTruncated && <p className="mt-1 text-sm text-muted-foreground">只列出最紧急的 {figures.warnings.length} 项。</p>}
      </section>

      {tables.map((table) => (
        <ChartPanel key={table.id} table={table} officeId={officeId ?? null} />
      ))}
    </div>
  );
}
