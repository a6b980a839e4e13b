/**
 * Which published version a case at an office pins: the one that applies at that office (its
 * banner's variant, else its league's, else the region's), so the version and the office
 * handling the case always agree — a variant owned by an office is used only for cases at that
 * office or below it, whatever ids a request carries.
 */
import "server-only";
import type { Db } from "@/runtime/db";
import { AppError, conflict, notFound } from "@/runtime/errors";
import { getPublishedService, type PublishedService } from "@/runtime/features/catalogue/service";
import { organisationTree, placeOf } from "@/runtime/features/catalogue/places";
import { officesFor, type OfficeOption } from "./offices";

/** The offices a service may be handled at: those of its levels (行使层级) within the office it applies under. */
export async function officesForService(db: Db, service: PublishedService): Promise<OfficeOption[]> {
  const [tree, offices] = await Promise.all([organisationTree(db), officesFor(db, service.definition.guide.levels)]);
  return service.scopeId === placeOf(tree, null).id ? offices : offices.filter((o) => tree.isWithin(o.id, service.scopeId));
}

/**
 * The version a case of `code` at `officeId` pins. With `versionId` (the version the applicant
 * was shown), it must be that one: another office's variant is "not found", an older version
 * of the right office a conflict (the guide changed; reload).
 */
export async function serviceAtOffice(db: Db, code: string, officeId: string, versionId?: string): Promise<PublishedService> {
  const tree = await organisationTree(db);
  if (!tree.get(officeId)) throw new AppError("BAD_REQUEST", "请选择本事项的办理机构");
  const published = await getPublishedService(db, code, officeId);
  const offices = await officesForService(db, published);
  if (!offices.some((o) => o.id === officeId)) throw new AppError("BAD_REQUEST", "请选择本事项的办理机构");
  if (versionId !== undefined && versionId !== published.versionId) {
    const shown = await db.serviceVersion.findUnique({ where: { id: versionId }, select: { status: true, service: { select: { code: true, ownerOrgId: true } } } });
    if (!shown || shown.status === "draft" || shown.service.code !== code || !tree.isWithin(officeId, shown.service.ownerOrgId)) throw notFound("该服务事项版本");
    throw conflict(`${tree.get(officeId)!.name}适用的是该事项的${published.owner.label}，请刷新页面后重新办理`);
  }
  return published;
}
