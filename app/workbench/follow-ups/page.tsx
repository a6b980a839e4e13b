import type { Metadata } from "next";
import { requireArea } from "@/app/_lib/session";
import { Forbidden } from "@/app/_components/EmptyState";
import { hasRole } from "@/runtime/auth/roles";
import { WorkbenchTabs } from "../WorkbenchTabs";
import { FollowUps } from "./FollowUps";

export const metadata: Metadata = { title: "事后核查" };
export const dynamic = "force-dynamic";

export default async function FollowUpsPage() {
  const { user, allowed } = await requireArea("workbench", "/workbench/follow-ups");
  if (!allowed || !hasRole(user, ["caseworker", "reviewer"])) return <Forbidden />;
  return (
    <div>
      <h1 className="text-2xl font-semibold">工作台</h1>
      <WorkbenchTabs current="followUps" showInbox user={user} />
      <h2 className="mt-4 text-xl font-semibold">事后核查</h2>
      <p className="mt-1 text-sm text-muted-foreground">申请人以告知承诺代替提交证明材料的办件。核查后请标记“核查属实”或“承诺不实”，结果记入审计日志。</p>
      <FollowUps />
    </div>
  );
}
