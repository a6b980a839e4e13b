import type { Metadata } from "next";
import { requireArea } from "../_lib/session";
import { Forbidden } from "../_components/EmptyState";
import { CalendarAdmin } from "./CalendarAdmin";

export const metadata: Metadata = { title: "工作日历" };
export const dynamic = "force-dynamic";

export default async function CalendarPage() {
  const { allowed } = await requireArea("calendar", "/calendar");
  if (!allowed) return <Forbidden />;
  return (
    <div>
      <h1 className="text-2xl font-semibold">工作日历</h1>
      <p className="mt-1 text-sm text-muted-foreground">
        办理期限按国家法定节假日与调休安排计算。新一年的安排公布后、或个别日期需要更正时，在这里添加调整；调整立即对新的期限计算生效。
      </p>
      <CalendarAdmin />
    </div>
  );
}
