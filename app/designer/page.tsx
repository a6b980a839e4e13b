import type { Metadata } from "next";
import { requireArea } from "../_lib/session";
import { Forbidden } from "../_components/EmptyState";
import Link from "next/link";
import { ServiceList } from "./ServiceList";

export const metadata: Metadata = { title: "设计器" };
export const dynamic = "force-dynamic";

export default async function DesignerPage() {
  const { allowed } = await requireArea("designer", "/designer");
  if (!allowed) return <Forbidden />;
  return (
    <div>
      <h1 className="text-2xl font-semibold">设计器</h1>
      <p className="mt-1 text-sm text-muted-foreground">
        设计服务事项的办事指南、材料、流程与表单，发布不可变的版本。
        <Link href="/designer/variants" className="ml-2 text-primary underline">本地版本概览</Link>
      </p>
      <ServiceList />
    </div>
  );
}
