import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/runtime/db";
import { getPublishedService } from "@/runtime/features/catalogue/service";
import { currentUser } from "@/app/_lib/session";
import { EmptyState } from "@/app/_components/EmptyState";
import { currentPlace } from "@/app/_lib/place";
import { OfficePicker } from "./OfficePicker";

export const metadata: Metadata = { title: "在线办理 · 选择办理机构" };
export const dynamic = "force-dynamic";

export default async function ApplyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/hall/services/${code}/apply`)}`);
  const { place } = await currentPlace();
  const placeId = place.level === "region" ? null : place.id;
  const service = await getPublishedService(getDb(), code, placeId).catch(() => null);
  if (!service) notFound();
  const def = service.definition;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <nav aria-label="面包屑" className="text-sm text-muted-foreground">
        <Link href="/hall" className="text-primary hover:underline">办事大厅</Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/hall/services/${def.code}`} className="text-primary hover:underline">{def.title}</Link>
        <span aria-hidden="true"> / </span>
        <span>在线办理</span>
      </nav>
      <h1 className="text-2xl font-semibold">在线办理：{def.title}</h1>
      {user.kind === "staff" ? (
        <EmptyState title="工作人员账号不能在线申请">请使用个人或单位账号登录后办理。</EmptyState>
      ) : (
        <OfficePicker code={def.code} placeId={placeId} />
      )}
    </div>
  );
}
