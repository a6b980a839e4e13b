import type { Metadata } from "next";
import Link from "next/link";
import { getDb } from "@/runtime/db";
import { listPublishedServices, type CatalogueEntry } from "@/runtime/features/catalogue/service";
import { EmptyState } from "../_components/EmptyState";
import { currentPlace } from "../_lib/place";
import { placeChoices } from "@/runtime/features/catalogue/places";
import { PlaceChooser } from "./_parts/PlaceChooser";
import { VersionBadge } from "./_parts/VersionBadge";

export const metadata: Metadata = { title: "办事大厅" };
export const dynamic = "force-dynamic";

function groupByPart(entries: CatalogueEntry[]) {
  const parts = new Map<string, Map<string, CatalogueEntry[]>>();
  for (const e of entries) {
    const categories = parts.get(e.part) ?? new Map<string, CatalogueEntry[]>();
    categories.set(e.category, [...(categories.get(e.category) ?? []), e]);
    parts.set(e.part, categories);
  }
  return parts;
}

export default async function HallPage({ searchParams }: { searchParams: Promise<{ q?: string }> }) {
  const { q } = await searchParams;
  const search = q?.trim().slice(0, 100) || undefined;
  const { place, leagueId, path } = await currentPlace();
  const placeId = place.level === "region" ? null : place.id;
  const [entries, leagues] = await Promise.all([listPublishedServices(getDb(), search, placeId), placeChoices(getDb())]);
  const parts = groupByPart(entries);
  return (
    <div>
      <h1 className="text-2xl font-semibold">办事大厅</h1>
      <PlaceChooser key={place.id} leagues={leagues} placeId={placeId} leagueId={leagueId} path={path} />
      <form role="search" className="mt-4 flex gap-2" action="/hall">
        <label htmlFor="q" className="sr-only">搜索服务事项</label>
        <input
          id="q"
          name="q"
          defaultValue={search}
          placeholder="输入事项名称或关键词，如“失业登记”"
          className="min-w-0 flex-1 rounded-md border border-input bg-background px-3 py-2"
        />
        <button type="submit" className="rounded-md bg-primary px-4 py-2 text-primary-foreground">搜索</button>
      </form>
      <p className="mt-3 text-sm text-muted-foreground" aria-live="polite">
        {search ? `“${search}”的搜索结果：共 ${entries.length} 项` : placeId ? `${place.name}适用的服务事项共 ${entries.length} 项` : `共 ${entries.length} 个服务事项`}
      </p>
      {entries.length === 0 ? (
        <div className="mt-4">
          <EmptyState title={search ? "没有找到匹配的服务事项" : "暂无已发布的服务事项"}>
            {search ? "请换一个关键词试试，例如“登记”“待遇”“补贴”。" : "管理员发布服务事项后，将在这里显示。"}
          </EmptyState>
        </div>
      ) : (
        <>
        {parts.size > 1 && (
          <nav aria-label="事项分类" className="mt-4">
            <ul className="flex flex-wrap gap-2 text-sm">
              {[...parts].map(([part, categories], i) => (
                <li key={part}>
                  <a href={`#part-${i}`} className="inline-block rounded-full border bg-background px-3 py-1 hover:border-primary">
                    {part.replace(/^[一二三四五六七八九十]+、/, "")}
                    <span className="ml-1 text-muted-foreground">{[...categories.values()].reduce((n, items) => n + items.length, 0)}</span>
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        )}
        {[...parts].map(([part, categories], i) => (
          <section key={part} className="mt-6 scroll-mt-4" aria-labelledby={`part-${i}`}>
            <h2 id={`part-${i}`} className="text-xl font-semibold">{part}</h2>
            {[...categories].map(([category, items]) => (
              <div key={category} className="mt-3">
                <h3 className="font-medium text-muted-foreground">{category}</h3>
                <ul className="mt-2 grid gap-2 sm:grid-cols-2">
                  {items.map((item) => (
                    <li key={item.code}>
                      {/* No prefetch: with 150+ services, prefetching every link in view would render dozens of guide pages per visit. */}
                      <Link href={`/hall/services/${item.code}`} prefetch={false} className="block rounded-md border bg-background px-4 py-3 hover:border-primary">
                        <span className="font-medium">{item.title}</span>
                        {item.owner.level !== "region" && <VersionBadge label={item.owner.label} />}
                        {item.summary && <span className="mt-1 line-clamp-2 block text-sm text-muted-foreground">{item.summary}</span>}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
        </>
      )}
    </div>
  );
}
