import type { Metadata } from "next";
import { Forbidden } from "../_components/EmptyState";
import { requireApplicant } from "./_parts/guard";
import { MyCases } from "./_parts/MyCases";

export const metadata: Metadata = { title: "我的办件" };
export const dynamic = "force-dynamic";

export default async function CasesPage() {
  const { allowed } = await requireApplicant("/cases");
  if (!allowed) return <Forbidden />;
  return (
    <div>
      <h1 className="text-2xl font-semibold">我的办件</h1>
      <MyCases />
    </div>
  );
}
