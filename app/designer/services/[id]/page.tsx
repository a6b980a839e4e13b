import type { Metadata } from "next";
import { requireArea } from "@/app/_lib/session";
import { Forbidden } from "@/app/_components/EmptyState";
import { ServiceEditor } from "./ServiceEditor";
import { RebaseBanner } from "./RebaseBanner";

export const metadata: Metadata = { title: "编辑服务事项 · 设计器" };
export const dynamic = "force-dynamic";

export default async function ServiceEditorPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { allowed } = await requireArea("designer", `/designer/services/${id}`);
  if (!allowed) return <Forbidden />;
  // 有新版本 under the service's heading, not above the page's breadcrumb
  return <ServiceEditor serviceId={id} notice={<RebaseBanner serviceId={id} />} />;
}
