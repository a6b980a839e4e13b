/**
 * 选择办理地: the hall's place chooser submits here (a plain form, so it works without script).
 * Remembers the chosen banner (or league, when no banner is chosen) in a cookie for a year and
 * returns to the hall; an unknown or empty choice forgets the place (the region's catalogue).
 */
import { getDb } from "@/runtime/db";
import { PLACE_COOKIE, secureCookies, serializeCookie } from "@/runtime/auth/cookies";
import { organisationTree } from "@/runtime/features/organisations/tree";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const tree = await organisationTree(getDb());
  const chosen = tree.get(params.get("banner")?.trim() || params.get("league")?.trim() || "");
  const placeId = chosen && chosen.level !== "region" ? chosen.id : "";
  const cookie = serializeCookie(PLACE_COOKIE, placeId, { maxAgeSeconds: placeId ? YEAR_SECONDS : 0, httpOnly: true, secure: secureCookies() });
  return new Response(null, { status: 303, headers: { location: "/hall", "set-cookie": cookie, "cache-control": "no-store" } });
}
