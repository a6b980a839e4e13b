"use client";
/**
 * Choose the handling office: the league (盟市) first, then the banner (旗县), with a search box.
 * The office chosen becomes the hall's place (办理地), as the hall's place chooser remembers it
 * (/hall/place, its cookie): back on the guide, it is the version that applies there.
 */
import { useId, useMemo, useRef, useState, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { useMutation, useQuery } from "@tanstack/react-query";
import { useTRPC, errorMessage } from "@/app/_trpc/client";

/** The hall remembers `officeId` as its place (a league or banner: /hall/place keeps it in its cookie). */
async function rememberPlace(officeId: string): Promise<void> {
  const response = await fetch("/hall/place", { method: "POST", body: new URLSearchParams({ place: officeId }) }).catch(() => null);
  if (!response?.ok) throw new Error("办理地未能保存");
}

/**
 * With a place chosen in the hall, the office starts as that place (or its league, when the place
 * does not handle the service). `placeLeagueId`: the place's league (itself for a league).
 */
export function OfficePicker({ code, placeId, placeLeagueId }: { code: string; placeId: string | null; placeLeagueId: string | null }) {
  const trpc = useTRPC();
  const router = useRouter();
  // the place the page was opened with: the list stays as it was while the hall's place follows the choice
  const [openedAt] = useState(placeId);
  const offices = useQuery(trpc.applications.offices.queryOptions({ code, ...(openedAt ? { place: openedAt } : {}) }));
  const [leagueId, setLeagueId] = useState("");
  const [officeId, setOfficeId] = useState("");
  const [defaulted, setDefaulted] = useState(false);
  if (!defaulted && offices.data) {
    setDefaulted(true);
    const here = offices.data.find((o) => o.id === openedAt);
    const league = here ? (here.level === "banner" ? here.parentId : here.level === "league" ? here.id : null) : offices.data.find((o) => o.level === "banner" && o.parentId === openedAt)?.parentId;
    if (league) setLeagueId(league);
    if (here) setOfficeId(here.id);
  }
  // The version that applies at the chosen office (its own variant, its league's, or the region's): what the draft pins.
  const version = useQuery({ ...trpc.catalogue.get.queryOptions({ code, place: officeId }), enabled: !!officeId });
  const [search, setSearch] = useState("");
  const [touched, setTouched] = useState(false);
  const leagueSelectId = useId();
  const searchId = useId();
  // The office chosen becomes the hall's place — a league or banner, unless it is already the place or
  // the place's league (a banner's applicant choosing their league's office still lives in the banner);
  // the region's own office leaves the place as it is. The pages the router keeps are read again.
  const remembered = useRef<Promise<void>>(Promise.resolve());
  const choose = (id: string) => {
    setOfficeId(id);
    const office = offices.data?.find((o) => o.id === id);
    if (!office || office.level === "region" || id === placeId || id === placeLeagueId) return;
    remembered.current = rememberPlace(id).then(
      () => router.refresh(),
      () => undefined,
    );
  };
  const start = useMutation(
    trpc.applications.startDraft.mutationOptions({
      onSuccess: async (data) => {
        await remembered.current;
        router.push(`/cases/${data.id}/edit`);
      },
    }),
  );

  const all = useMemo(() => offices.data ?? [], [offices.data]);
  const levels = useMemo(() => new Set(all.map((o) => o.level)), [all]);
  const leagues = useMemo(() => {
    // a service run only by banners offers no league: its leagues are named by their banners' parentName
    const names = new Map<string, string>();
    for (const o of all) {
      if (o.level === "league") names.set(o.id, o.name);
      if (o.level === "banner" && o.parentId && !names.has(o.parentId)) names.set(o.parentId, o.parentName ?? o.parentId);
    }
    return [...names].map(([id, name]) => ({ id, name }));
  }, [all]);
  const regionOffice = all.find((o) => o.level === "region");

  const choices = useMemo(() => {
    if (!leagueId) return [];
    const q = search.trim();
    const own = levels.has("league") ? all.filter((o) => o.id === leagueId && o.level === "league") : [];
    const banners = all.filter((o) => o.level === "banner" && o.parentId === leagueId);
    return [...own, ...banners].filter((o) => !q || o.name.includes(q));
  }, [all, levels, leagueId, search]);

  const chosen = all.find((o) => o.id === officeId);
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setTouched(true);
    if (!chosen) return;
    start.mutate({ code, officeId: chosen.id, ...(version.data ? { versionId: version.data.versionId } : {}) });
  };

  if (offices.isPending) return <p className="text-muted-foreground">正在加载办理机构…</p>;
  if (offices.isError) return <p role="alert" className="text-destructive">{errorMessage(offices.error)}</p>;

  return (
    <form onSubmit={onSubmit} className="space-y-5 rounded-lg border bg-background p-4 sm:p-5" noValidate>
      <p className="text-sm text-muted-foreground">请选择受理您申请的经办机构。通常为您的户籍地、常住地或参保地所在的旗县（市、区）。</p>
      {regionOffice && (
        <label className="flex items-center gap-2 text-sm">
          <input
            type="radio"
            name="office"
            value={regionOffice.id}
            checked={officeId === regionOffice.id}
            onChange={() => {
              choose(regionOffice.id);
              setLeagueId("");
            }}
          />
          {regionOffice.name}（自治区本级）
        </label>
      )}
      <div>
        <label htmlFor={leagueSelectId} className="mb-1 block font-medium">第一步：选择盟市</label>
        <select
          id={leagueSelectId}
          value={leagueId}
          onChange={(e) => {
            setLeagueId(e.target.value);
            choose(levels.has("banner") ? "" : e.target.value);
            setSearch("");
          }}
          className="w-full rounded-md border border-input bg-background px-3 py-2"
        >
          <option value="">请选择盟市</option>
          {leagues.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
        </select>
      </div>
      {leagueId && (levels.has("banner") || levels.has("league")) && (
        <fieldset>
          <legend className="mb-1 font-medium">第二步：选择办理机构</legend>
          <label htmlFor={searchId} className="sr-only">搜索旗县（市、区）</label>
          <input
            id={searchId}
            type="search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
            placeholder="输入名称筛选，如“新城区”"
            className="mb-2 w-full rounded-md border border-input bg-background px-3 py-2"
          />
          {choices.length === 0 ? (
            <p className="text-sm text-muted-foreground" role="status">没有匹配的办理机构。</p>
          ) : (
            <ul className="max-h-72 space-y-1 overflow-y-auto rounded-md border p-2">
              {choices.map((o) => (
                <li key={o.id}>
                  <label className={`flex cursor-pointer items-center gap-2 rounded px-2 py-1.5 text-sm hover:bg-muted ${officeId === o.id ? "bg-accent" : ""}`}>
                    <input type="radio" name="office" value={o.id} checked={officeId === o.id} onChange={() => choose(o.id)} />
                    {o.name}
                    {o.level === "league" && <span className="text-xs text-muted-foreground">（盟市本级）</span>}
                  </label>
                </li>
              ))}
            </ul>
          )}
        </fieldset>
      )}
      {touched && !chosen && <p role="alert" className="text-sm text-destructive">请选择办理机构</p>}
      {start.isError && <p role="alert" className="text-sm text-destructive">{errorMessage(start.error)}</p>}
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={start.isPending} className="rounded-md bg-primary px-5 py-2 font-medium text-primary-foreground hover:opacity-90 disabled:opacity-60">
          {start.isPending ? "正在创建…" : "开始填写"}
        </button>
        {chosen && (
          <span className="text-sm" aria-live="polite">
            已选择：<strong>{chosen.name}</strong>
            {version.data && <>，按<strong>{version.data.owner.label}</strong>的办事指南和表单办理</>}
          </span>
        )}
      </div>
    </form>
  );
}
