/**
 * A variant's draft as the server stores it: the designer sends the full edited definition; the
 * server keeps only what differs from the parent's version the draft is based on (the overlay)
 * and stores the effective definition recomputed from it, so identity and the parent's locks
 * always come from the parent, whatever the browser sent.
 */
import "server-only";
import type { Db, Tx } from "@/runtime/db";
import { AppError } from "@/runtime/errors";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { applyOverlay, checkVariant, overlayOf, variantOverlay, type VariantOverlay, type VariantViolation } from "@/runtime/definition/variant";
import { isObject } from "@/runtime/definition/json";

/** The parent's definition at the version a variant is based on. */
export async function parentAtBase(db: Db | Tx, baseVersionId: string | null): Promise<ServiceDefinition> {
  const base = baseVersionId ? await db.serviceVersion.findUnique({ where: { id: baseVersionId }, select: { definition: true } }) : null;
  if (!base) throw new AppError("PRECONDITION_FAILED", "找不到本地版本所依据的上级版本，请联系自治区管理员");
  return serviceDefinition.parse(base.definition);
}

/**
 * The edited definition as the items module reads it. A draft may be half-edited (the lint
 * reports what is wrong), but it must have the definition's parts to be compared with the parent.
 */
function editedDefinition(raw: Record<string, unknown>): ServiceDefinition {
  const parsed = serviceDefinition.safeParse(raw);
  if (parsed.success) return parsed.data;
  const flow = raw.flow;
  const guide = raw.guide;
  const wellFormed =
    isObject(guide) &&
    Array.isArray(guide.legalBasis) &&
    (guide.notes === undefined || Array.isArray(guide.notes)) &&
    Array.isArray(raw.materials) &&
    raw.materials.every((m) => isObject(m) && typeof m.id === "string") &&
    Array.isArray(raw.forms) &&
    raw.forms.every((f) => isObject(f) && typeof f.id === "string" && isObject(f.schema)) &&
    isObject(flow) &&
    Array.isArray(flow.nodes) &&
    flow.nodes.every((n) => isObject(n) && typeof n.id === "string") &&
    Array.isArray(flow.edges) &&
    flow.edges.every((e) => isObject(e) && typeof e.id === "string");
  if (!wellFormed) throw new AppError("BAD_REQUEST", "本地版本的草稿缺少办事指南、材料、表单或流程部分，无法与上级版本比较，未保存");
  return raw as unknown as ServiceDefinition;
}

export interface VariantDraft {
  overlay: VariantOverlay;
  /** The effective definition: the parent's with the overlay. */
  definition: ServiceDefinition;
  /** The region's rules it breaks (allowed in a draft, refused on publish). */
  violations: VariantViolation[];
}

/** What to store for a variant's draft edited to `edited`, on the parent's definition `parent`. */
export function variantDraft(parent: ServiceDefinition, edited: Record<string, unknown>): VariantDraft {
  const definition = editedDefinition(edited);
  try {
    return finish(parent, overlayOf(parent, definition));
  } catch {
    // A half-edited part the items or rules cannot read (a legal-basis entry without a title …).
    throw new AppError("BAD_REQUEST", "本地版本的草稿有不完整的内容，无法与上级版本比较，未保存；请补全后再试");
  }
}

function finish(parent: ServiceDefinition, overlay: VariantOverlay): VariantDraft {
  const effective = applyOverlay(parent, overlay);
  return { overlay, definition: effective, violations: checkVariant(parent, effective) };
}

/** The stored overlay of a version (a variant's), parsed. */
export function storedOverlay(raw: unknown): VariantOverlay {
  return variantOverlay.parse(raw ?? {});
}
