import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/EmptyState";
import { requireApplicant } from "@/app/cases/_parts/guard";
import { CaseEditor } from "@/app/cases/_parts/CaseEditor";

export const metadata: Metadata = { title: "补正材料" };
export const dynamic = "force-dynamic";

export default async function CorrectPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { allowed } = await requireApplicant(`/cases/${id}/correct`);
  if (!allowed) return <Forbidden />;
  return <CaseEditor id={id} mode="correction" />;
}
