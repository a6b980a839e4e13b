/**
 * Loads the committed templates (seed/templates/*.json) as the region's published
 * version 1 of each service. Idempotent: a service that already has a version 1 is left
 * as it is, so running it twice changes nothing and never overwrites administrators' work.
 */
import "server-only";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import path from "node:path";
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
