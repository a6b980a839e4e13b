"use client";
/**
 * 选择办理地: the applicant chooses their league (盟市), then their banner (旗县（市、区）). The
 * choice is kept in a cookie, so the hall's server pages show the services and guides that
 * apply there (the banner's own version, else the league's, else the region's).
 */
import { useId, useState, useTransition, type FormEvent } from "react";
import { useRouter } from "next/navigation";
import { PLACE_COOKIE } from "@/runtime/auth/cookies";

export interface LeagueChoice {
  id: string;
  name: string;
  banners: { id: string; name: string }[];
}

const YEAR_SECONDS = 365 * 24 * 60 * 60;

function rememberPlace(id: string) {
  const secure = window.location.protocol === "https:" ? "; Secure" : "";
  document.cookie = id
    ? `${PLACE_COOKIE}=${encodeURIComponent(id)}; Path=/; Max-Age=${YEAR_SECONDS}; SameSite=Lax${secure}`
    : `${PLACE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax${secure}`;
}

export function PlaceChooser({ leagues, placeId, leagueId, path }: { leagues: LeagueChoice[]; placeId: string | null; leagueId: string | null; path: string }) {
  const router = useRouter();
  const [league, setLeague] = useState(leagueId ?? "");
  const [banner, setBanner] = useState(placeId && placeId !== leagueId ? placeId : "");
  const [pending, startTransition] = useTransition();
  const leagueSelect = useId();
  const bannerSelect = useId();
  const banners = leagues.find((l) => l.id === league)?.banners ?? [];

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    rememberPlace(banner || league);
    startTransition(() => router.refresh());
  };

  return (
    <section aria-labelledby="place-heading" className="mt-4 rounded-lg border bg-background p-4">
      <h2 id="place-heading" className="font-semibold">选择办理地</h2>
      <p className="mt-1 text-sm text-muted-foreground" aria-live="polite">
        当前办理地：<strong className="text-foreground" data-testid="current-place">{path}</strong>
        {placeId ? "。显示该地适用的服务事项和办事指南。" : "。选择您所在的盟市和旗县（市、区），查看当地适用的办事指南。"}
      </p>
      <form onSubmit={onSubmit} className="mt-3 flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor={leagueSelect} className="mb-1 block text-sm font-medium">盟市</label>
          <select
            id={leagueSelect}
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
            value={banner}
            disabled={!league}
            onChange={(e) => setBanner(e.target.value)}
            className="rounded-md border border-input bg-background px-3 py-2 disabled:opacity-60"
          >
            <option value="">{league ? "盟市本级" : "请先选择盟市"}</option>
            {banners.map((b) => <option key={b.id} value={b.id}>{b.name}</option>)}
          </select>
        </div>
        <button type="submit" disabled={pending} className="rounded-md bg-primary px-4 py-2 text-primary-foreground disabled:opacity-60">
          {pending ? "正在切换…" : "确定"}
        </button>
      </form>
    </section>
  );
}
