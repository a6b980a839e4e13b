import type { Metadata } from "next";
import { requireArea } from "@/app/_lib/session";
import { Forbidden } from "@/app/_components/EmptyState";
import { hasRole, supervisedOffices } from "@/runtime/auth/roles";
import { OfficeCases } from "../OfficeCases";
import { WorkbenchTabs } from "../WorkbenchTabs";

export const metadata: Metadata = { title: "办件查询" };
export const dynamic = "force-dynamic";

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.slice(0, 100);

export default async function OfficeCasesPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const status = first(params.status);
  const { user, allowed } = await requireArea("workbench", "/workbench/cases");
  if (!allowed) return <Forbidden />;
  const supervising = supervisedOffices(user).length > 0;
  return (
    <div>
      <h1 className="text-2xl font-semibold">工作台</h1>
      <WorkbenchTabs current="cases" showInbox={hasRole(user, ["caseworker", "reviewer"])} user={user} />
      <h2 className="mt-4 text-xl font-semibold">办件查询</h2>
      <p className="mt-1 text-sm text-muted-foreground">
        {supervising ? "本单位及下级经办机构的办件。标“只读”的办件由下级机构办理：您可以查看，不能办理。" : "本单位的办件。"}
      </p>
      <OfficeCases
        initial={{ officeId: first(params.officeId)?.slice(0, 12) || undefined, status: status === "open" || status === "closed" ? status : undefined, search: first(params.search) || undefined }}
      />
    </div>
  );
}
