/** The applicant's chosen place (办理地) for the hall's server pages, from its cookie; none or unknown: the region. */
import "server-only";
import { cookies } from "next/headers";
import { getDb } from "@/runtime/db";
import { PLACE_COOKIE, cookieName } from "@/runtime/auth/cookies";
import { organisationTree, placeOf, type Place } from "@/runtime/features/catalogue/places";

export interface CurrentPlace {
  place: Place;
  /** The place's league (itself for a league), null for the region. */
  leagueId: string | null;
  /** 「内蒙古自治区 / 呼和浩特市 / 新城区」 without the region when a place is chosen. */
  path: string;
}

async function placeCookie(): Promise<string | undefined> {
  try {
    return (await cookies()).get(cookieName(PLACE_COOKIE))?.value;
  } catch {
    // Rendered outside a request (a test calling the page function): no place chosen.
    return undefined;
  }
}

export async function currentPlace(): Promise<CurrentPlace> {
  const tree = await organisationTree(getDb());
  const place = placeOf(tree, await placeCookie());
  const chain = tree.chain(place.id);
  const league = chain.find((p) => p.level === "league") ?? null;
  const path = place.level === "region" ? place.name : chain.filter((p) => p.level !== "region").reverse().map((p) => p.name).join(" / ");
  return { place, leagueId: league?.id ?? null, path };
}
