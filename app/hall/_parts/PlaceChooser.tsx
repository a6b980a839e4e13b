"use client";
/**
 * 选择办理地: the applicant chooses their league (盟市), then their banner (旗县（市、区）). The form
 * goes to /hall/place, which keeps the choice in a cookie, so the hall's server pages show the
 * services and guides that apply there (the banner's own version, else the league's, else the
 * region's). Script only narrows the banners to the chosen league.
 */
import { useId, useState } from "react";

export interface LeagueChoice {
  id: string;
  name: string;
  banners: { id: string; name: string }[];
}

export function PlaceChooser({ leagues, placeId, leagueId, path }: { leagues: LeagueChoice[]; placeId: string | null; leagueId: string | null; path: string }) {
  const [league, setLeague] = useState(leagueId ?? "");
  const [banner, setBanner] = useState(placeId && placeId !== leagueId ? placeId : "");
  const leagueSelect = useId();
  const bannerSelect = useId();
  const banners = leagues.find((l) => l.id === league)?.banners ?? [];

  return (
    <section aria-labelledby="place-heading" className="mt-4 rounded-lg border bg-background p-4">
      <h2 id="place-heading" className="font-semibold">选择办理地</h2>
      <p className="mt-1 text-sm text-muted-foreground">
        当前办理地：<strong className="text-foreground" data-testid="current-place">{path}</strong>
        {placeId ? "。显示该地适用的服务事项和办事指南。" : "。选择您所在的盟市和旗县（市、区），查看当地适用的办事指南。"}
      </p>
      <form action="/hall/place" method="get" className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={leagueSelect} className="mb-1 block text-sm font-medium">盟市</label>
          <select
            id={leagueSelect}
            name="league"
            value={league}
            onChange={(e) => {
              setLeague(e.target.value);
              setBanner("");
            }}
            className="rounded-md border border-input bg-background px-3 py-2"
          >
            <option value="">全区（自治区本级）</option>
            {leagues.map((l) => <option key={l.id} value={l.id}>{l.name}</option>)}
          </select>
        </div>
        <div>
          <label htmlFor={bannerSelect} className="mb-1 block text-sm font-medium">旗县（市、区）</label>
          <select
            id={bannerSelect}
            name="banner"
            value={banner}
            disabled={!league}
            onChange={(e) => setBanner(e.target.value)}
            className="rounded-md border border-input bg-background px-3 py-2 disabled:opacity-60"
          >
            <option value="">{league ? "盟市本级" : "请先选择盟市"}</option>
            {banners.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        </div>
        <button type="submit" className="rounded-md bg-primary px-4 py-2 text-primary-foreground hover:opacity-90">确定</button>
      </form>
    </section>
  );
}
