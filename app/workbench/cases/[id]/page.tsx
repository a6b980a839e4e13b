import type { Metadata } from "next";
import { requireArea } from "@/app/_lib/session";
import { Forbidden } from "@/app/_components/EmptyState";
import { StaffCaseView } from "./StaffCaseView";

export const metadata: Metadata = { title: "办件办理" };
export const dynamic = "force-dynamic";

export default async function WorkbenchCasePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { allowed } = await requireArea("workbench", `/workbench/cases/${id}`);
  if (!allowed) return <Forbidden />;
  return <StaffCaseView id={id} />;
}
