/**
 * Local variants written straight into a test database, for tests that need a variant without
 * going through the designer: a Service owned by a league or banner with the parent's code,
 * and a published version holding the overlay and the effective definition.
 */
import type { Db } from "@/runtime/db";
import { serviceDefinition } from "@/runtime/definition/schema";
import { applyOverlay, variantOverlay, type VariantOverlay } from "@/runtime/definition/variant";

export interface VariantSpec {
  parentServiceId: string;
  ownerOrgId: string;
  overlay: Partial<VariantOverlay>;
  createdById?: string;
}

/** The variant (created on first use) with a new published version on the parent's latest published version. */
export async function createVariant(db: Db, spec: VariantSpec): Promise<{ serviceId: string; versionId: string; number: number }> {
  const parent = await db.service.findUniqueOrThrow({ where: { id: spec.parentServiceId } });
  const base = await db.serviceVersion.findFirstOrThrow({ where: { serviceId: parent.id, status: "published" }, orderBy: { number: "desc" } });
  const overlay = variantOverlay.parse(spec.overlay);
  const effective = applyOverlay(serviceDefinition.parse(base.definition), overlay);
  const service = await db.service.upsert({
    where: { ownerOrgId_code: { ownerOrgId: spec.ownerOrgId, code: parent.code } },
    create: { code: parent.code, ownerOrgId: spec.ownerOrgId, parentServiceId: parent.id, title: parent.title, part: parent.part, category: parent.category },
    update: {},
  });
  const last = await db.serviceVersion.findFirst({ where: { serviceId: service.id, number: { not: null } }, orderBy: { number: "desc" } });
  const number = (last?.number ?? 0) + 1;
  const version = await db.serviceVersion.create({
    data: {
      serviceId: service.id,
      number,
      status: "published",
      definition: effective as never,
      overlay: overlay as never,
      baseVersionId: base.id,
      createdById: spec.createdById ?? null,
      publishedById: spec.createdById ?? null,
      publishedAt: new Date(),
    },
  });
  return { serviceId: service.id, versionId: version.id, number };
}
