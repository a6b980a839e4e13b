import type { Metadata } from "next";
import { Forbidden } from "@/app/_components/EmptyState";
import { requireApplicant } from "@/app/cases/_parts/guard";
import { Submitted } from "./Submitted";

export const metadata: Metadata = { title: "提交成功" };
export const dynamic = "force-dynamic";

export default async function SubmittedPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { allowed } = await requireApplicant(`/cases/${id}/submitted`);
  if (!allowed) return <Forbidden />;
  return <Submitted id={id} />;
}
