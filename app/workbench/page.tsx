import type { Metadata } from "next";
import { requireArea } from "../_lib/session";
import { Forbidden } from "../_components/EmptyState";
import { Inbox } from "./Inbox";

export const metadata: Metadata = { title: "工作台" };
export const dynamic = "force-dynamic";

export default async function WorkbenchPage() {
  const { user, allowed } = await requireArea("workbench", "/workbench");
  if (!allowed) return <Forbidden />;
  const offices = [...new Set(user.memberships.map((m) => m.organisationName))].join("、");
  return (
    <div>
      <h1 className="text-2xl font-semibold">工作台</h1>
      <p className="mt-1 text-sm text-muted-foreground">{offices} 的待办任务</p>
      <Inbox />
    </div>
  );
}
