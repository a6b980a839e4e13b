/**
 * 有新版本: moving a local variant onto its parent's latest published version. The preview is
 * the three-way comparison (the parent's old base, its new version, the variant's overlay);
 * applying writes the variant's draft on the new base with every conflict decided, under the
 * draft's optimistic concurrency. Publishing it is the designer's ordinary publish; until then
 * the variant and its cases keep running on the old base.
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { AppError, conflict } from "@/runtime/errors";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { overlayOf, rebase, variantOverlay, type RebaseResult, type Resolution, type VariantOverlay } from "@/runtime/definition/variant";
import { rebasedDefinition } from "@/runtime/definition/variant/rebasedDefinition";
import { serviceWithAccess } from "./access";

export interface VersionRef {
  id: string;
  number: number;
}

export interface RebaseStatus {
  serviceId: string;
  /** Whose variant, and of whose service. */
  ownerOrgName: string;
  parentOwnerName: string;
  canEdit: boolean;
  /** The parent's version the variant (its draft, else its latest published version) derives from. */
  base: VersionRef;
  /** The parent's latest published version. */
  latest: VersionRef;
  behind: boolean;
  /** Whether the comparison starts from the draft (local edits not yet published) or the published version. */
  from: "draft" | "published";
  draft: { id: string; revision: number } | null;
}

export interface RebasePreview extends RebaseStatus {
  result: RebaseResult;
  /** The parent's new definition: the designer checks edited values against it as the server will. */
  parentAfter: ServiceDefinition;
}

type VersionRow = { id: string; number: number | null; definition: unknown; overlay: unknown; baseVersionId: string | null; revision: number };

/** The variant's overlay on its base: from its effective definition, else (a half-edited draft) the stored overlay. */
function overlayOn(baseDefinition: ServiceDefinition, version: VersionRow): VariantOverlay {
  const effective = serviceDefinition.safeParse(version.definition);
  if (effective.success) return overlayOf(baseDefinition, effective.data);
  const stored = variantOverlay.safeParse(version.overlay ?? undefined);
  if (stored.success && version.overlay) return stored.data;
  throw new AppError("BAD_REQUEST", "本地版本的草稿还不符合事项定义规范，请先在设计器中修正检查发现的问题，再更新到上级的新版本。");
}

interface Plan {
  status: RebaseStatus;
  /** The stored definitions, parsed only when compared (the status alone parses nothing). */
  baseDefinition: unknown;
  parentAfter: unknown;
  current: VersionRow;
}

/** The three-way comparison of a plan. */
function compare(p: Plan): { result: RebaseResult; parentAfter: ServiceDefinition } {
  const base = serviceDefinition.parse(p.baseDefinition);
  const parentAfter = serviceDefinition.parse(p.parentAfter);
  return { result: rebase(base, parentAfter, overlayOn(base, p.current)), parentAfter };
}

/** Where a variant stands against its parent: null for a service that is not a variant or has nothing yet. */
async function plan(db: Db | Tx, user: SessionUser, serviceId: string): Promise<Plan | null> {
  const { service, access } = await serviceWithAccess(db, user, serviceId);
  const canEdit = access === "edit";
  if (!service.parentServiceId) return null;
  const select = { id: true, number: true, definition: true, overlay: true, baseVersionId: true, revision: true } as const;
  const [draft, published, latest, parent] = await Promise.all([
    db.serviceVersion.findFirst({ where: { serviceId, status: "draft" }, select }),
    db.serviceVersion.findFirst({ where: { serviceId, status: "published" }, orderBy: { number: "desc" }, select }),
    db.serviceVersion.findFirst({ where: { serviceId: service.parentServiceId, status: "published" }, orderBy: { number: "desc" }, select: { id: true, number: true, definition: true } }),
    db.service.findUniqueOrThrow({ where: { id: service.parentServiceId }, select: { owner: { select: { name: true } } } }),
  ]);
  const baseVersionId = draft?.baseVersionId ?? published?.baseVersionId;
  const current = draft ?? published;
  if (!baseVersionId || !current || !latest) return null;
  const base = await db.serviceVersion.findUniqueOrThrow({ where: { id: baseVersionId }, select: { id: true, number: true, definition: true } });
  const status: RebaseStatus = {
    serviceId,
    ownerOrgName: service.owner.name,
    parentOwnerName: parent.owner.name,
    canEdit,
    base: { id: base.id, number: base.number ?? 0 },
    latest: { id: latest.id, number: latest.number ?? 0 },
    behind: base.id !== latest.id && (latest.number ?? 0) > (base.number ?? 0),
    from: draft ? "draft" : "published",
    draft: draft ? { id: draft.id, revision: draft.revision } : null,
  };
  return { status, baseDefinition: base.definition, parentAfter: latest.definition, current };
}

/** Whether the variant is behind its parent (cheap: no comparison). Null for a service that is not a variant. */
export async function rebaseStatus(db: Db, user: SessionUser, serviceId: string): Promise<RebaseStatus | null> {
  return (await plan(db, user, serviceId))?.status ?? null;
}

/** The three-way comparison of a variant that is behind its parent. */
export async function rebasePreview(db: Db, user: SessionUser, serviceId: string): Promise<RebasePreview | null> {
  const p = await plan(db, user, serviceId);
  if (!p || !p.status.behind) return null;
  return { ...p.status, ...compare(p) };
}

export interface RebaseInput {
  /** The parent's version the administrator compared against (a newer one since is a conflict). */
  parentVersionId: string;
  /** The variant's draft the comparison started from, or null when it started from the published version. */
  draftId: string | null;
  revision: number | null;
  resolutions: Record<string, Resolution>;
}

export interface Rebased {
  draftId: string;
  revision: number;
  baseVersionId: string;
  baseNumber: number;
}

/** Writes the variant's draft on the parent's latest version with the conflicts decided. Call inside the write path, after checking the user may edit. */
export async function applyRebase(tx: Tx, user: SessionUser, serviceId: string, input: RebaseInput): Promise<Rebased> {
  // Touching the service row serialises concurrent writers of one service, as a draft save does.
  await tx.service.update({ where: { id: serviceId }, data: { updatedAt: new Date() } });
  const p = await plan(tx, user, serviceId);
  if (!p) throw new AppError("BAD_REQUEST", "这个服务事项不是本地版本，或还没有可以更新的版本");
  if (!p.status.behind) throw conflict("本地版本已经基于上级的最新版本，无需更新。请重新加载。", "stale");
  if (p.status.latest.id !== input.parentVersionId) {
    throw conflict(`上级在此期间又发布了新版本（第 ${p.status.latest.number} 版），请重新加载后再比较。`, "stale");
  }
  const draft = p.status.draft;
  if (draft ? draft.id !== input.draftId || draft.revision !== input.revision : input.draftId !== null) {
    throw conflict(
      draft
        ? `本地版本的草稿已被修改（当前修订 ${draft.revision}），您的处理没有保存。请重新加载后再比较。`
        : "本地版本的草稿已被发布或删除，您的处理没有保存。请重新加载后再比较。",
      "stale",
    );
  }
  const { result, parentAfter } = compare(p);
  const outcome = rebasedDefinition(parentAfter, result, input.resolutions);
  if (!outcome.ok) {
    throw new AppError("BAD_REQUEST", `不能应用更新：${outcome.problems.join("；")}`, outcome.problems.map((message) => ({ path: "", message })));
  }
  const data = { definition: outcome.definition as never, overlay: outcome.overlay as never, baseVersionId: p.status.latest.id, updatedById: user.id };
  if (draft) {
    const updated = await tx.serviceVersion.updateMany({
      where: { id: draft.id, status: "draft", revision: draft.revision },
      data: { ...data, revision: { increment: 1 } },
    });
    if (updated.count === 0) throw conflict("本地版本的草稿刚刚被修改或发布，您的处理没有保存。请重新加载后再比较。", "stale");
    const saved = await tx.serviceVersion.findUniqueOrThrow({ where: { id: draft.id }, select: { revision: true } });
    return { draftId: draft.id, revision: saved.revision, baseVersionId: p.status.latest.id, baseNumber: p.status.latest.number };
  }
  const created = await tx.serviceVersion.create({ data: { ...data, serviceId, status: "draft", number: null, createdById: user.id } });
  return { draftId: created.id, revision: created.revision, baseVersionId: p.status.latest.id, baseNumber: p.status.latest.number };
}
