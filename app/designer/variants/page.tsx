import type { Metadata } from "next";
import Link from "next/link";
import { requireArea } from "@/app/_lib/session";
import { Forbidden } from "@/app/_components/EmptyState";
import { VariantOverview } from "./VariantOverview";

export const metadata: Metadata = { title: "本地版本概览 · 设计器" };
export const dynamic = "force-dynamic";

export default async function VariantOverviewPage() {
  const { allowed } = await requireArea("designer", "/designer/variants");
  if (!allowed) return <Forbidden />;
  return (
    <div>
      <nav aria-label="位置" className="text-sm">
        <Link href="/designer" className="text-primary underline">设计器</Link>
        <span aria-hidden="true"> / </span>
        <span>本地版本概览</span>
      </nav>
      <h1 className="mt-2 text-2xl font-semibold">本地版本概览</h1>
      <p className="mt-1 text-sm text-muted-foreground">
        哪些单位为哪些服务事项定制了本地版本、基于上级的哪一版、哪些有新版本待更新，以及各自与上级的差异：用于检查本地做法与全区标准的偏离。
      </p>
      <VariantOverview />
    </div>
  );
}
