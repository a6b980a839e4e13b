/**
 * The one draft of a service: what the editor opens, and saving it with optimistic concurrency.
 * A save names the revision it was based on; when someone saved in between, it is refused with
 * a conflict (never merged or overwritten silently).
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import type { SessionUser } from "@/runtime/auth/roles";
import { conflict } from "@/runtime/errors";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import type { VariantViolation } from "@/runtime/definition/variant";
import { serviceWithAccess, type ServiceAccess } from "../variants/access";
import { parentAtBase, variantDraft } from "../variants/draft";
import { displayNames } from "../users/displayNames";

type Definition = Record<string, unknown>;

export interface DraftRef {
  /** The draft being saved, or null to start one. */
  draftId: string | null;
  /** The draft's revision the edit was based on (null with a null draftId). */
  revision: number | null;
}

export interface SavedDraft {
  draftId: string;
  revision: number;
  updatedAt: string;
  /** For a local variant: the region's rules the saved draft breaks (publishing is refused until none). */
  violations?: VariantViolation[];
}

async function displayName(db: Db | Tx, userId: string | null): Promise<string> {
  if (!userId) return "其他管理员";
  const user = await db.user.findUnique({ where: { id: userId }, select: { displayName: true } });
  return user?.displayName ?? "其他管理员";
}

/** Why a save based on `ref` cannot apply, as the conflict to throw. */
async function staleDraft(tx: Tx, serviceId: string, ref: DraftRef) {
  const current = await tx.serviceVersion.findFirst({ where: { serviceId, status: "draft" }, select: { id: true, revision: true, updatedById: true, createdById: true } });
  if (!current) return conflict("保存失败：这份草稿已被发布或不存在了。您的修改没有保存，请重新加载后比较差异。");
  const who = await displayName(tx, current.updatedById ?? current.createdById);
  if (current.id !== ref.draftId) {
    return conflict(`保存失败：${who}已经新建了草稿（修订 ${current.revision}）。您的修改没有覆盖他人的内容，请重新加载后比较差异。`);
  }
  return conflict(`保存失败：${who}已修改了这份草稿（当前修订 ${current.revision}，您的修改基于修订 ${ref.revision}）。您的修改没有覆盖他人的内容，请重新加载后比较差异。`);
}

/** The parent's version a variant's draft is based on: the draft's own, else the latest published version's. */
async function draftBase(tx: Tx, serviceId: string, draftId: string | null): Promise<string | null> {
  if (draftId) {
    const draft = await tx.serviceVersion.findFirst({ where: { id: draftId, serviceId }, select: { baseVersionId: true } });
    if (draft?.baseVersionId) return draft.baseVersionId;
  }
  const published = await tx.serviceVersion.findFirst({ where: { serviceId, status: "published" }, orderBy: { number: "desc" }, select: { baseVersionId: true } });
  return published?.baseVersionId ?? null;
}

/**
 * Writes `definition` as the service's draft, based on `ref`; the code always stays the service's.
 * For a local variant, what is stored is the overlay on the parent's version the draft is based
 * on and the effective definition recomputed from it (see variants/draft.ts).
 */
export async function writeDraft(tx: Tx, user: SessionUser, serviceId: string, ref: DraftRef, definition: Definition): Promise<SavedDraft> {
  // Touching the service row first serialises concurrent writers of one service (a row lock on
  // PostgreSQL; SQLite serialises writes anyway), so two editors cannot both start a draft.
  const service = await tx.service.update({ where: { id: serviceId }, data: { updatedAt: new Date() } });
  let data: Definition = { ...definition, code: service.code };
  let variant: { overlay: unknown; baseVersionId: string; violations: VariantViolation[] } | null = null;
  if (service.parentServiceId) {
    const baseVersionId = await draftBase(tx, serviceId, ref.draftId);
    const draft = variantDraft(await parentAtBase(tx, baseVersionId), definition);
    data = { ...draft.definition, code: service.code };
    variant = { overlay: draft.overlay, baseVersionId: baseVersionId!, violations: draft.violations };
  }
  const variantColumns = variant ? { overlay: variant.overlay as never, baseVersionId: variant.baseVersionId } : {};
  const violations = variant ? { violations: variant.violations } : {};
  if (ref.draftId === null) {
    const existing = await tx.serviceVersion.count({ where: { serviceId, status: "draft" } });
    if (existing > 0) throw await staleDraft(tx, serviceId, ref);
    const created = await tx.serviceVersion.create({
      data: { serviceId, status: "draft", number: null, definition: data as never, ...variantColumns, createdById: user.id, updatedById: user.id },
    });
    return { draftId: created.id, revision: created.revision, updatedAt: created.updatedAt.toISOString(), ...violations };
  }
  const updated = await tx.serviceVersion.updateMany({
    where: { id: ref.draftId, serviceId, status: "draft", revision: ref.revision ?? -1 },
    data: { definition: data as never, ...variantColumns, revision: { increment: 1 }, updatedById: user.id },
  });
  if (updated.count === 0) throw await staleDraft(tx, serviceId, ref);
  const saved = await tx.serviceVersion.findUniqueOrThrow({ where: { id: ref.draftId }, select: { revision: true, updatedAt: true } });
  return { draftId: ref.draftId, revision: saved.revision, updatedAt: saved.updatedAt.toISOString(), ...violations };
}

export interface EditorVersion {
  id: string;
  number: number | null;
  status: string;
  revision: number;
  definition: Definition;
  updatedAt: string;
  updatedBy: string | null;
}

export interface EditorState {
  service: {
    id: string;
    code: string;
    title: string;
    ownerOrgId: string;
    ownerOrgName: string;
    ownerOrgLevel: string;
    parentServiceId: string | null;
  };
  /** `edit`: the user's own office's service; `read`: an office below theirs (read-only designer). */
  access: ServiceAccess;
  /** For a local variant: the parent it customises, at the version the draft (or the latest version) is based on. */
  variant: VariantBase | null;
  /** The draft, when there is one. */
  draft: EditorVersion | null;
  /** The highest published version, when there is one. */
  published: EditorVersion | null;
}

function editorVersion(v: { id: string; number: number | null; status: string; revision: number; definition: unknown; updatedAt: Date; updatedById: string | null; createdById: string | null }, names: Map<string, string>): EditorVersion {
  return {
    id: v.id,
    number: v.number,
    status: v.status,
    revision: v.revision,
    definition: v.definition as Definition,
    updatedAt: v.updatedAt.toISOString(),
    updatedBy: names.get(v.updatedById ?? v.createdById ?? "") ?? null,
  };
}

export interface VariantBase {
  parentServiceId: string;
  parentOwnerName: string;
  baseVersionId: string;
  baseNumber: number | null;
  /** The parent's definition at that version: what 沿用上级 shows and the rules compare with. */
  parentDefinition: ServiceDefinition;
}

async function variantBase(db: Db, parentServiceId: string, baseVersionId: string | null): Promise<VariantBase | null> {
  if (!baseVersionId) return null;
  const [parent, base] = await Promise.all([
    db.service.findUnique({ where: { id: parentServiceId }, include: { owner: { select: { name: true } } } }),
    db.serviceVersion.findUnique({ where: { id: baseVersionId }, select: { number: true } }),
  ]);
  if (!parent || !base) return null;
  return { parentServiceId, parentOwnerName: parent.owner.name, baseVersionId, baseNumber: base.number, parentDefinition: await parentAtBase(db, baseVersionId) };
}

/** What the editor opens: the draft (edited in place) and the latest published version (edited from, when there is no draft). */
export async function editorState(db: Db, user: SessionUser, serviceId: string): Promise<EditorState> {
  const { service, access } = await serviceWithAccess(db, user, serviceId);
  const [draft, published] = await Promise.all([
    db.serviceVersion.findFirst({ where: { serviceId, status: "draft" } }),
    db.serviceVersion.findFirst({ where: { serviceId, status: "published" }, orderBy: { number: "desc" } }),
  ]);
  const names = await displayNames(db, [draft, published].map((v) => v?.updatedById ?? v?.createdById));
  return {
    service: {
      id: service.id,
      code: service.code,
      title: service.title,
      ownerOrgId: service.ownerOrgId,
      ownerOrgName: service.owner.name,
      ownerOrgLevel: service.owner.level,
      parentServiceId: service.parentServiceId,
    },
    access,
    variant: service.parentServiceId ? await variantBase(db, service.parentServiceId, draft?.baseVersionId ?? published?.baseVersionId ?? null) : null,
    draft: draft ? editorVersion(draft, names) : null,
    published: published ? editorVersion(published, names) : null,
  };
}
