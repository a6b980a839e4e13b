import type { Metadata } from "next";
import Link from "next/link";
import { notFound, redirect } from "next/navigation";
import { getDb } from "@/runtime/db";
import { getPublishedService } from "@/runtime/features/catalogue/service";
import { currentUser } from "@/app/_lib/session";
import { EmptyState } from "@/app/_components/EmptyState";
import { currentPlace } from "@/app/_lib/place";
import { openDrafts } from "@/runtime/features/applications/openDrafts";
import { formatDateTime } from "@/app/_components/format";
import { OfficePicker } from "./OfficePicker";

export const metadata: Metadata = { title: "在线办理 · 选择办理机构" };
export const dynamic = "force-dynamic";

export default async function ApplyPage({ params }: { params: Promise<{ code: string }> }) {
  const { code } = await params;
  const user = await currentUser();
  if (!user) redirect(`/login?next=${encodeURIComponent(`/hall/services/${code}/apply`)}`);
  const { place, leagueId } = await currentPlace();
  const placeId = place.level === "region" ? null : place.id;
  const service = await getPublishedService(getDb(), code, placeId).catch(() => null);
  if (!service) notFound();
  const def = service.definition;
  const drafts = user.kind === "staff" ? [] : await openDrafts(getDb(), user, code);
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
        <>
          {drafts.length > 0 && (
            <section aria-labelledby="open-drafts" className="rounded-lg border border-amber-300 bg-amber-50 p-4 sm:p-5">
              <h2 id="open-drafts" className="font-medium">您有{drafts.length}份未提交的草稿</h2>
              <p className="mt-1 text-sm text-muted-foreground">可以继续填写，不必重新开始；如需另行申请，请在下方选择办理机构后点“开始填写”。</p>
              <ul className="mt-3 space-y-2">
                {drafts.map((draft) => (
                  <li key={draft.id} className="flex flex-wrap items-center justify-between gap-2 text-sm">
                    <span>
                      {draft.officeName}
                      <span className="ml-2 text-muted-foreground">最后保存于 {formatDateTime(draft.updatedAt)}</span>
                    </span>
                    <Link href={`/cases/${draft.id}/edit`} className="rounded-md bg-primary px-3 py-1.5 font-medium text-primary-foreground hover:opacity-90">
                      继续填写<span className="sr-only">（{draft.officeName}，{formatDateTime(draft.updatedAt)}）</span>
                    </Link>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <OfficePicker code={def.code} placeId={placeId} placeLeagueId={leagueId} />
        </>
      )}
    </div>
  );
}
