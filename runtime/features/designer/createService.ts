/** A new service under one of the user's organisations: blank, or a copy of another service's latest version. */
import "server-only";
import type { Tx } from "@/runtime/db";
import { isUniqueViolation } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { conflict } from "@/runtime/errors";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { administeredService, ownerForNewService } from "./access";
import { blankDefinition } from "@/runtime/definition/blankDefinition";

export interface NewService {
  code: string;
  title: string;
  part: string;
  category: string;
  ownerOrgId?: string;
  /** Copy the latest version (the draft, else the highest published) of this service. */
  copyFromServiceId?: string;
}

export async function createService(tx: Tx, user: SessionUser, input: NewService): Promise<{ serviceId: string; draftId: string; ownerOrgId: string }> {
  const ownerOrgId = ownerForNewService(user, input.ownerOrgId);
  const group = { part: input.part, category: input.category };
  let definition: ServiceDefinition = blankDefinition(input.code, input.title, group);
  if (input.copyFromServiceId) {
    await administeredService(tx, user, input.copyFromServiceId);
    const latest =
      (await tx.serviceVersion.findFirst({ where: { serviceId: input.copyFromServiceId, status: "draft" } })) ??
      (await tx.serviceVersion.findFirst({ where: { serviceId: input.copyFromServiceId, status: "published" }, orderBy: { number: "desc" } }));
    if (latest) definition = { ...(latest.definition as ServiceDefinition), code: input.code, title: input.title, group };
  }
  if (await tx.service.findUnique({ where: { ownerOrgId_code: { ownerOrgId, code: input.code } } })) {
    throw conflict(`事项编码“${input.code}”已被使用，请换一个编码`);
  }
  try {
    const service = await tx.service.create({
      data: {
        code: input.code,
        title: input.title,
        part: input.part,
        category: input.category,
        ownerOrgId,
        versions: { create: { status: "draft", definition: definition as never, createdById: user.id, updatedById: user.id } },
      },
      include: { versions: { select: { id: true } } },
    });
    return { serviceId: service.id, draftId: service.versions[0].id, ownerOrgId };
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`事项编码“${input.code}”已被使用，请换一个编码`);
    throw error;
  }
}
