/**
 * The organisation tree (region → leagues → banners): the chain of offices above one, and the
 * offices below. The hall routes an applicant's place along it; supervision reaches down it.
 * Kept for a minute: the tree changes only with a new division list.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import type { Level } from "@/runtime/definition/schema";
import { cached, dbCache } from "@/runtime/cache";
import { REGION_ID } from "@/runtime/features/catalogue/regionId";

export interface Place {
  id: string;
  name: string;
  level: Level;
  parentId: string | null;
}

export class OrganisationTree {
  private readonly byId: Map<string, Place>;

  constructor(readonly places: Place[]) {
    this.byId = new Map(places.map((p) => [p.id, p]));
  }

  get(id: string): Place | undefined {
    return this.byId.get(id);
  }

  /** The office and those above it, most specific first (新城区 → 呼和浩特市 → 内蒙古自治区). */
  chain(id: string): Place[] {
    const out: Place[] = [];
    for (let at = this.byId.get(id); at && out.length < 8; at = at.parentId ? this.byId.get(at.parentId) : undefined) out.push(at);
    return out;
  }

  /** Whether `id` is `ancestorId` or lies below it. */
  within(id: string, ancestorId: string): boolean {
    return this.chain(id).some((p) => p.id === ancestorId);
  }

  /** The offices directly below `id`. */
  children(id: string): Place[] {
    return this.places.filter((p) => p.parentId === id);
  }

  /** `id` and every office below it. */
  subtree(id: string): Place[] {
    return this.places.filter((p) => this.within(p.id, id));
  }

  /** A place as chosen by an applicant: a known league or banner; anything else is the region. */
  placeOf(id: string | null | undefined): Place {
    const place = id ? this.byId.get(id) : undefined;
    return place && place.level !== "region" ? place : this.byId.get(REGION_ID) ?? { id: REGION_ID, name: "内蒙古自治区", level: "region", parentId: null };
  }
}

export async function organisationTree(db: Db): Promise<OrganisationTree> {
  const cache = dbCache<{ tree: OrganisationTree }>(db, "organisationTree", 60_000, 2);
  const { tree } = await cached(cache, "tree", async () => {
    const rows = await db.organisation.findMany({ select: { id: true, name: true, level: true, parentId: true }, orderBy: { id: "asc" } });
    return { tree: new OrganisationTree(rows.map((r) => ({ ...r, level: r.level as Level }))) };
  });
  return tree;
}
