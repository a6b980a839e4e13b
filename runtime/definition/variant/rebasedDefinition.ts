/**
 * The outcome of a rebase once the administrator has decided every conflict: the variant's
 * effective definition on the parent's new version and its overlay — or, in Chinese, why it
 * cannot be applied (a conflict left open, an edited value that breaks the contract, a rule of
 * the region broken). The designer shows these while editing; the server refuses with them. Pure.
 */
import { serviceDefinition, type ServiceDefinition } from "../schema";
import { applyOverlay, overlayOf, type VariantOverlay } from "./overlay";
import { resolveRebase, UnresolvedConflictError, type RebaseResult, type Resolution } from "./rebase";
import { checkVariant } from "./rules";

export type RebasedOutcome =
  | { ok: true; definition: ServiceDefinition; overlay: VariantOverlay }
  | { ok: false; problems: string[] };

export function rebasedDefinition(parentAfter: ServiceDefinition, result: RebaseResult, resolutions: Record<string, Resolution>): RebasedOutcome {
  let overlay: VariantOverlay;
  try {
    overlay = resolveRebase(result, resolutions);
  } catch (error) {
    if (!(error instanceof UnresolvedConflictError)) throw error;
    const labels = result.conflicts.filter((c) => error.keys.includes(c.key)).map((c) => c.label);
    return { ok: false, problems: [`还有 ${error.keys.length} 处冲突没有处理：${labels.join("、")}`] };
  }
  let merged: ServiceDefinition;
  try {
    merged = applyOverlay(parentAfter, overlay);
  } catch {
    return { ok: false, problems: ["编辑后的内容无法合并到上级的新版本中，请检查所编辑的值的结构"] };
  }
  const parsed = serviceDefinition.safeParse(merged);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.slice(0, 10).map((issue) => `合并后的事项定义不符合规范（${issue.path.map(String).join(".") || "根"}）：${issue.message}`),
    };
  }
  const violations = checkVariant(parentAfter, parsed.data);
  if (violations.length) return { ok: false, problems: violations.map((v) => v.message) };
  return { ok: true, definition: parsed.data, overlay: overlayOf(parentAfter, parsed.data) };
}
