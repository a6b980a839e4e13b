/**
 * 定制本地版本: a league or banner administrator starts their office's variant of a service of
 * an office above (a region template, or their league's variant of it). The variant is a Service
 * of their office with the parent's code, and a draft with an empty overlay on the parent's
 * latest published version. One variant per office and code (the unique (ownerOrgId, code)).
 */
import "server-only";
import type { Tx } from "@/runtime/db";
import { isUniqueViolation } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError, conflict, forbidden, notFound } from "@/runtime/errors";
import { serviceDefinition } from "@/runtime/definition/schema";
import { applyOverlay, emptyOverlay } from "@/runtime/definition/variant";
import { organisationTree } from "../organisations/tree";

export interface NewVariant {
  parentServiceId: string;
  /** The office the variant is for; by default the user's only league or banner. */
  ownerOrgId?: string;
}

export interface CreatedVariant {
  serviceId: string;
  draftId: string;
  ownerOrgId: string;
  baseVersionId: string;
}

/** The league and banner offices the user administers (the region's templates need no variant). */
export function localAdminOffices(user: SessionUser): string[] {
  return user.memberships.filter((m) => m.role === "office_admin" && m.organisationLevel !== "region").map((m) => m.organisationId);
}

function officeFor(user: SessionUser, requested?: string): string {
  const offices = localAdminOffices(user);
  if (requested) {
    if (!offices.includes(requested)) throw forbidden("您不能为该单位定制本地版本");
    return requested;
  }
  if (offices.length === 0) throw forbidden("只有盟市、旗县（市、区）的管理员可以定制本地版本；自治区的事项本身就是模板");
  if (offices.length > 1) throw forbidden("请选择要为哪个单位定制本地版本");
  return offices[0];
}

export async function createVariant(tx: Tx, user: SessionUser, input: NewVariant): Promise<CreatedVariant> {
  const ownerOrgId = officeFor(user, input.ownerOrgId);
  const parent = await tx.service.findUnique({ where: { id: input.parentServiceId } });
  const tree = await organisationTree(tx);
  // Only a service of an office above one's own can be customised; others are not revealed.
  const above = tree.chain(ownerOrgId).slice(1).map((n) => n.id);
  if (!parent || !above.includes(parent.ownerOrgId)) throw notFound("该服务事项");
  const base = await tx.serviceVersion.findFirst({ where: { serviceId: parent.id, status: "published" }, orderBy: { number: "desc" } });
  if (!base) throw new AppError("PRECONDITION_FAILED", "上级的这个事项还没有发布，暂不能定制本地版本");
  const existing = await tx.service.findUnique({ where: { ownerOrgId_code: { ownerOrgId, code: parent.code } } });
  if (existing) throw duplicate(existing.parentServiceId !== null);
  const overlay = emptyOverlay();
  const definition = { ...applyOverlay(serviceDefinition.parse(base.definition), overlay), code: parent.code };
  try {
    const service = await tx.service.create({
      data: {
        code: parent.code,
        ownerOrgId,
        parentServiceId: parent.id,
        title: parent.title,
        part: parent.part,
        category: parent.category,
        versions: {
          create: { status: "draft", definition: definition as never, overlay: overlay as never, baseVersionId: base.id, createdById: user.id, updatedById: user.id },
        },
      },
      include: { versions: { select: { id: true } } },
    });
    return { serviceId: service.id, draftId: service.versions[0].id, ownerOrgId, baseVersionId: base.id };
  } catch (error) {
    if (isUniqueViolation(error)) throw duplicate(true);
    throw error;
  }
}

const duplicate = (isVariant: boolean) =>
  conflict(isVariant ? "本单位已经有这个事项的本地版本了，请在事项列表中打开它继续编辑" : "本单位已有编码相同的事项，不能再定制本地版本", "duplicate");
