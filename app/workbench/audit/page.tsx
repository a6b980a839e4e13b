import type { Metadata } from "next";
import { requireArea } from "@/app/_lib/session";
import { Forbidden } from "@/app/_components/EmptyState";
import { auditedOrganisations, hasRole } from "@/runtime/auth/roles";
import { WorkbenchTabs } from "../WorkbenchTabs";
import { InternalAudit } from "./InternalAudit";

export const metadata: Metadata = { title: "内控稽核" };
export const dynamic = "force-dynamic";

export default async function InternalAuditPage() {
  const { user, allowed } = await requireArea("workbench", "/workbench/audit");
  if (!allowed || auditedOrganisations(user).length === 0) return <Forbidden />;
  return (
    <div>
      <h1 className="text-2xl font-semibold">工作台</h1>
      <WorkbenchTabs current="audit" showInbox={hasRole(user, ["caseworker", "reviewer"])} user={user} />
      <h2 className="mt-4 text-xl font-semibold">内控稽核</h2>
      <p className="mt-1 text-sm text-muted-foreground">
        按经办机构和期间随机抽取已办结的办件进行稽核。抽样使用随机种子并记录在案，可据种子复核抽样结果；稽核人员只能查看办件，不能办理。
      </p>
      <InternalAudit />
    </div>
  );
}
