import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/EmptyState";
import { requireApplicant } from "@/app/cases/_parts/guard";
import { CaseEditor } from "@/app/cases/_parts/CaseEditor";

export const metadata: Metadata = { title: "填写申请" };
export const dynamic = "force-dynamic";

export default async function EditPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { allowed } = await requireApplicant(`/cases/${id}/edit`);
  if (!allowed) return <Forbidden />;
  return <CaseEditor id={id} mode="draft" />;
}
