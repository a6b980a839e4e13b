/** The places an applicant chooses among in the hall, and how the hall names a version's office. */
import "server-only";
import type { Db } from "@/runtime/db";
import { organisationTree, type OrganisationNode, type OrganisationTree } from "@/runtime/features/organisations/tree";
import { REGION_ID } from "./regionId";

export type Place = OrganisationNode;
export { organisationTree, type OrganisationTree };

const REGION_FALLBACK: Place = { id: REGION_ID, name: "内蒙古自治区", level: "region", parentId: null };

/** A place as an applicant chose it: a known league or banner; anything else (none, unknown, the region) is the region. */
export function placeOf(tree: OrganisationTree, id: string | null | undefined): Place {
  const place = id ? tree.get(id) : undefined;
  return place && place.level !== "region" ? place : (tree.get(REGION_ID) ?? REGION_FALLBACK);
}

/** The offices directly below `id`, in division-code order. */
export function childrenOf(tree: OrganisationTree, id: string): Place[] {
  return tree
    .subtree(id)
    .filter((p) => p.parentId === id)
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** What the hall says of a version: 「新城区版本」, 「自治区版本」. */
export function versionLabel(owner: { name: string; level: string }): string {
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
  return childrenOf(tree, REGION_ID).map((league) => ({
    id: league.id,
    name: league.name,
    banners: childrenOf(tree, league.id).map((b) => ({ id: b.id, name: b.name })),
  }));
}
