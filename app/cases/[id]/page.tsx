import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/EmptyState";
import { requireApplicant } from "../_parts/guard";
import { CaseDetail } from "../_parts/CaseDetail";

export const metadata: Metadata = { title: "办件详情" };
export const dynamic = "force-dynamic";

export default async function CasePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ corrected?: string }> }) {
  const { id } = await params;
  const { corrected } = await searchParams;
  const { allowed } = await requireApplicant(`/cases/${id}`);
  if (!allowed) return <Forbidden />;
  return <CaseDetail id={id} corrected={corrected === "1"} />;
}
