/** The views of the workbench: one's tasks (待办任务), the cases one may read (办件查询) and their figures (统计分析); 事后核查 for caseworkers and reviewers, 内控稽核 for auditors. */
import Link from "next/link";
import { auditedOrganisations, hasRole, type SessionUser } from "@/runtime/auth/roles";

type Tab = "inbox" | "cases" | "dashboard" | "followUps" | "audit";

export function WorkbenchTabs({ current, showInbox, user }: { current: Tab; showInbox: boolean; user?: SessionUser }) {
  const tab = (href: string, label: string, active: boolean) => (
    <Link href={href} aria-current={active ? "page" : undefined} className={`rounded-md border px-3 py-1.5 text-sm ${active ? "border-primary bg-accent font-medium" : "bg-background hover:bg-muted"}`}>
      {label}
    </Link>
  );
  const works = !!user && hasRole(user, ["caseworker", "reviewer"]);
  const audits = !!user && auditedOrganisations(user).length > 0;
  return (
    <nav aria-label="工作台" className="mt-3 flex flex-wrap gap-2">
      {showInbox && tab("/workbench", "待办任务", current === "inbox")}
      {tab("/workbench/cases", "办件查询", current === "cases")}
      {works && tab("/workbench/follow-ups", "事后核查", current === "followUps")}
      {audits && tab("/workbench/audit", "内控稽核", current === "audit")}
      {tab("/workbench/dashboard", "统计分析", current === "dashboard")}
    </nav>
  );
}
