import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireArea } from "../_lib/session";
import { Forbidden } from "../_components/EmptyState";
import { hasRole } from "@/runtime/auth/roles";
import { Inbox } from "./Inbox";
import { WorkbenchTabs } from "./WorkbenchTabs";

export const metadata: Metadata = { title: "工作台" };
export const dynamic = "force-dynamic";

export default async function WorkbenchPage() {
  const { user, allowed } = await requireArea("workbench", "/workbench");
  if (!allowed) return <Forbidden />;
  // Region and league staff who work no cases themselves supervise: their view is the case list.
  if (!hasRole(user, ["caseworker", "reviewer"])) redirect("/workbench/cases");
  const offices = [...new Set(user.memberships.map((m) => m.organisationName))].join("、");
  return (
    <div>
      <h1 className="text-2xl font-semibold">工作台</h1>
      <WorkbenchTabs current="inbox" showInbox user={user} />
      <p className="mt-3 text-sm text-muted-foreground">{offices} 的待办任务</p>
      <Inbox />
    </div>
  );
}
