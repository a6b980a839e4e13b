/** The places an applicant chooses among in the hall, and how the hall names a version's office. */
import "server-only";
import type { Db } from "@/runtime/db";
import { organisationTree, type Place } from "@/runtime/features/organisations/tree";
import { REGION_ID } from "./regionId";

export { organisationTree, OrganisationTree, type Place } from "@/runtime/features/organisations/tree";

/** What the hall says of a version: 「新城区版本」, 「自治区版本」. */
export function versionLabel(owner: Pick<Place, "name" | "level">): string {
  return owner.level === "region" ? "自治区版本" : `${owner.name}版本`;
}

export interface PlaceChoice {
  id: string;
  name: string;
  banners: { id: string; name: string }[];
}

/** The leagues, each with its banners, in division-code order: what the hall's place chooser offers. */
export async function placeChoices(db: Db): Promise<PlaceChoice[]> {
  const tree = await organisationTree(db);
  return tree.children(REGION_ID).map((league) => ({
    id: league.id,
    name: league.name,
    banners: tree.children(league.id).map((b) => ({ id: b.id, name: b.name })),
  }));
}
