/**
 * Loads the committed templates (seed/templates/*.json) as the region's published
 * version 1 of each service. Idempotent: a service that already has a version 1 is left
 * as it is, so running it twice changes nothing and never overwrites administrators' work.
 */
import "server-only";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { writeWithPrisma } from "@/runtime/write";
import type { Db } from "@/runtime/db";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";

export const TEMPLATES_DIR = path.join(import.meta.dirname, "templates");
export const REGION_ID = "150000";

export function readTemplates(dir = TEMPLATES_DIR): ServiceDefinition[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json") && f !== "index.json")
    .sort()
    .map((f) => serviceDefinition.parse(JSON.parse(readFileSync(path.join(dir, f), "utf8"))));
}

export async function loadTemplates(
  db: Db,
  templates: ServiceDefinition[] = readTemplates(),
  onProgress?: (done: number, total: number) => void,
): Promise<{ created: number; total: number }> {
  const existing = new Set(
    (
      await db.service.findMany({
        where: { ownerOrgId: REGION_ID, versions: { some: { number: 1 } } },
        select: { code: true },
      })
    ).map((s) => s.code),
  );
  const now = new Date();
  let created = 0;
  const pending = templates.filter((t) => !existing.has(t.code));
  if (pending.length === 0) return { created, total: templates.length };
  await writeWithPrisma(db, null, async ({ tx, audit }) => {
    for (const def of pending) {
      const service = await tx.service.upsert({
        where: { ownerOrgId_code: { ownerOrgId: REGION_ID, code: def.code } },
        create: { code: def.code, ownerOrgId: REGION_ID, title: def.title, part: def.group.part, category: def.group.category },
        update: {},
      });
      await tx.serviceVersion.create({
        data: {
          serviceId: service.id,
          number: 1,
          status: "published",
          definition: def as never,
          publishedAt: now,
          createdAt: now,
        },
      });
      audit.record({ action: "seed", organisationId: REGION_ID, entityType: "Service", entityId: service.id, payload: { code: def.code, version: 1 } });
      created++;
      onProgress?.(created, pending.length);
    }
  }, { timeoutMs: 120_000 });
  return { created, total: templates.length };
}

/** A definition as stored (JSON: no undefined), for comparing a stored version with a template. */
const asStored = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

/**
 * A template the seed now reads better (a fix of the parsers, say a 受理 that can now ask for a
 * correction) reaches a database seeded earlier: a region service whose only version is the one
 * seeded (number 1, published by no one, no draft, no later version) and whose definition differs
 * from its template gets the template as version 2, published by the system, audited (`seed`).
 * Cases keep the version they pinned; local versions see 有新版本 and move onto it as onto any
 * publication. A service an administrator has edited or published is never touched.
 */
export async function upgradeTemplates(db: Db, templates: ServiceDefinition[] = readTemplates()): Promise<{ upgraded: string[] }> {
  const byCode = new Map(templates.map((t) => [t.code, t]));
  const services = await db.service.findMany({
    where: { ownerOrgId: REGION_ID, code: { in: [...byCode.keys()] } },
    select: { id: true, code: true, versions: { select: { id: true, number: true, status: true, publishedById: true, definition: true } } },
  });
  const due = services.filter((service) => {
    const [only, ...others] = service.versions;
    if (!only || others.length > 0 || only.number !== 1 || only.status !== "published" || only.publishedById !== null) return false;
    return !isDeepStrictEqual(asStored(only.definition), asStored(byCode.get(service.code)));
  });
  if (due.length === 0) return { upgraded: [] };
  const now = new Date();
  await writeWithPrisma(db, null, async ({ tx, audit }) => {
    for (const service of due) {
      const def = byCode.get(service.code)!;
      // Conditional on the service still having its one version: an administrator who published meanwhile wins.
      if ((await tx.serviceVersion.count({ where: { serviceId: service.id } })) !== 1) continue;
      await tx.serviceVersion.create({ data: { serviceId: service.id, number: 2, status: "published", definition: def as never, publishedAt: now, createdAt: now } });
      await tx.service.update({ where: { id: service.id }, data: { title: def.title, part: def.group.part, category: def.group.category } });
      audit.record({ action: "seed", organisationId: REGION_ID, entityType: "Service", entityId: service.id, payload: { code: def.code, version: 2, upgradedFrom: 1 } });
    }
  }, { timeoutMs: 120_000 });
  return { upgraded: due.map((s) => s.code) };
}
