/**
 * Publishing a draft: it must pass the lint; it becomes the next numbered version, immutable
 * from then on. Cases already submitted keep the version they pinned (Application.serviceVersionId).
 * A local variant must also keep the region's rules (runtime/definition/variant/rules.ts): its
 * effective definition is recomputed from its overlay on the parent's version it is based on,
 * checked, and frozen with the overlay and that base.
 */
import "server-only";
import type { Tx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError, conflict } from "@/runtime/errors";
import { serviceDefinition } from "@/runtime/definition/schema";
import { lintDefinition } from "@/runtime/definition/lint";
import { applyOverlay, checkVariant, overlayOf, violationsMessage } from "@/runtime/definition/variant";
import { parentAtBase, storedOverlay } from "../variants/draft";

export interface PublishInput {
  draftId: string;
  revision: number;
}

export interface Published {
  versionId: string;
  number: number;
}

export async function publishDraft(tx: Tx, user: SessionUser, serviceId: string, input: PublishInput): Promise<Published> {
  const service = await tx.service.update({ where: { id: serviceId }, data: { updatedAt: new Date() } });
  const draft = await tx.serviceVersion.findFirst({ where: { id: input.draftId, serviceId, status: "draft" } });
  if (!draft) throw conflict("这份草稿已被发布或不存在了，请重新加载。");
  if (draft.revision !== input.revision) {
    throw conflict(`草稿已被其他管理员修改（当前修订 ${draft.revision}，您看到的是修订 ${input.revision}），请重新加载并检查后再发布。`);
  }
  let checked: unknown = draft.definition;
  let variantColumns = {};
  if (service.parentServiceId) {
    const parent = await parentAtBase(tx, draft.baseVersionId);
    const overlay = draft.overlay ? storedOverlay(draft.overlay) : overlayOf(parent, serviceDefinition.parse(draft.definition));
    const effective = { ...applyOverlay(parent, overlay), code: service.code };
    const violations = checkVariant(parent, effective);
    if (violations.length > 0) {
      throw new AppError("BAD_REQUEST", `不能发布：${violationsMessage(violations)}`, violations.map((v) => ({ path: v.key, message: v.message })));
    }
    checked = effective;
    variantColumns = { overlay: overlay as never, baseVersionId: draft.baseVersionId };
  }
  const problems = lintDefinition(checked);
  if (problems.length > 0) {
    throw new AppError(
      "PRECONDITION_FAILED",
      `检查发现 ${problems.length} 个问题，不能发布：${problems.slice(0, 3).map((p) => p.message).join("；")}${problems.length > 3 ? "……" : ""}`,
      problems.map((p) => ({ path: p.nodeId ?? p.edgeId ?? p.formId ?? p.materialId ?? p.area, message: p.message })),
    );
  }
  const definition = serviceDefinition.parse(checked);
  const latest = await tx.serviceVersion.aggregate({ where: { serviceId, number: { not: null } }, _max: { number: true } });
  const number = (latest._max.number ?? 0) + 1;
  const now = new Date();
  const updated = await tx.serviceVersion.updateMany({
    where: { id: draft.id, status: "draft", revision: input.revision },
    data: { status: "published", number, definition: definition as never, publishedAt: now, publishedById: user.id, updatedById: user.id, ...variantColumns },
  });
  if (updated.count === 0) throw conflict("草稿刚刚被其他管理员修改或发布，请重新加载。");
  await tx.service.update({
    where: { id: serviceId },
    data: { title: definition.title, part: definition.group.part, category: definition.group.category },
  });
  return { versionId: draft.id, number };
}
