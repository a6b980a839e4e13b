/** The views of the workbench: one's tasks (待办任务), the cases one may read (办件查询) and their figures (统计分析). */
import Link from "next/link";

export function WorkbenchTabs({ current, showInbox }: { current: "inbox" | "cases" | "dashboard"; showInbox: boolean }) {
  const tab = (href: string, label: string, active: boolean) => (
    <Link href={href} aria-current={active ? "page" : undefined} className={`rounded-md border px-3 py-1.5 text-sm ${active ? "border-primary bg-accent font-medium" : "bg-background hover:bg-muted"}`}>
      {label}
    </Link>
  );
  return (
    <nav aria-label="工作台" className="mt-3 flex gap-2">
      {showInbox && tab("/workbench", "待办任务", current === "inbox")}
      {tab("/workbench/cases", "办件查询", current === "cases")}
      {tab("/workbench/dashboard", "统计分析", current === "dashboard")}
    </nav>
  );
}
