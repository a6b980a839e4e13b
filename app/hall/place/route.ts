/**
 * 选择办理地: the hall's place chooser submits here (a plain form, so it works without script).
 * Remembers the chosen banner (or league, when no banner is chosen) in a cookie for a year and
 * returns to the hall; an unknown or empty choice forgets the place (the region's catalogue).
 * The apply page's office picker posts the office chosen there (`place`), remembered the same way
 * (answered 204): back in the hall, its guides are those of that office's place.
 */
import { getDb } from "@/runtime/db";
import { PLACE_COOKIE, secureCookies, serializeCookie } from "@/runtime/auth/cookies";
import { organisationTree } from "@/runtime/features/organisations/tree";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

const YEAR_SECONDS = 365 * 24 * 60 * 60;

/** The cookie that remembers the league or banner `id` (forgets the place for the region, or anything unknown). */
async function placeCookie(id: string): Promise<string> {
  const tree = await organisationTree(getDb());
  const chosen = tree.get(id);
  const placeId = chosen && chosen.level !== "region" ? chosen.id : "";
  return serializeCookie(PLACE_COOKIE, placeId, { maxAgeSeconds: placeId ? YEAR_SECONDS : 0, httpOnly: true, secure: secureCookies() });
}

export async function GET(request: Request): Promise<Response> {
  const params = new URL(request.url).searchParams;
  const cookie = await placeCookie(params.get("banner")?.trim() || params.get("league")?.trim() || "");
  return new Response(null, { status: 303, headers: { location: "/hall", "set-cookie": cookie, "cache-control": "no-store" } });
}

export async function POST(request: Request): Promise<Response> {
  const form = await request.formData().catch(() => null);
  const place = form?.get("place");
  const cookie = await placeCookie(typeof place === "string" ? place.trim() : "");
  return new Response(null, { status: 204, headers: { "set-cookie": cookie, "cache-control": "no-store" } });
}
