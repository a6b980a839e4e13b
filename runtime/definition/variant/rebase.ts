/**
 * Moving a variant onto its parent's new version: a three-way merge per item of (the parent
 * before, the parent after, the variant's overlay). What only the parent changed follows the
 * parent; what only the variant changed stays the variant's; an override now equal to the
 * parent's is dropped; the rest are conflicts, resolved one by one. Pure.
 */
import type { ServiceDefinition } from "../schema";
import type { rebaseConflictLabels } from "../labels";
import { definitionItems, sameValue } from "./items";
import { isLocked } from "./locks";
import type { VariantOverlay } from "./overlay";
import { separateAddedTwice, type RenamedItem } from "./collisions";

export type ConflictKind = keyof typeof rebaseConflictLabels;

export interface RebaseConflict {
  key: string;
  label: string;
  kind: ConflictKind;
  /** The parent's value at the old base (absent: it did not have the item). */
  parentBefore?: unknown;
  /** The parent's value in its new version (absent: it removed the item). */
  parentAfter?: unknown;
  /** The variant's value (absent: the variant removed the item). */
  mine?: unknown;
}

export interface RebaseResult {
  /** The overlay on the new base, without the conflicting items (each is decided by a resolution). */
  overlay: VariantOverlay;
  conflicts: RebaseConflict[];
  /** Items the parent changed that the variant did not touch: they follow the parent. */
  followed: { key: string; label: string }[];
  /** The variant's overrides that the parent now has itself: no longer differences. */
  dropped: { key: string; label: string }[];
  /** The variant's own items moved to a new id because the parent added a different item under theirs: both are kept. */
  renamed: RenamedItem[];
}

export type Resolution = { choice: "mine" } | { choice: "parent" } | { choice: "edit"; value: unknown };

export function rebase(parentBefore: ServiceDefinition, parentAfter: ServiceDefinition, given: VariantOverlay): RebaseResult {
  const { overlay, renamed } = separateAddedTwice(parentBefore, parentAfter, given);
  const before = definitionItems(parentBefore);
  const after = definitionItems(parentAfter);
  const label = (key: string) => after.get(key)?.label ?? before.get(key)?.label ?? String((overlay.set[key] as { name?: string } | undefined)?.name ?? key);
  const set: Record<string, unknown> = {};
  const removed: string[] = [];
  const conflicts: RebaseConflict[] = [];
  const dropped: RebaseResult["dropped"] = [];
  const touched = new Set([...Object.keys(overlay.set), ...overlay.removed]);

  for (const [key, mine] of Object.entries(overlay.set)) {
    const b = before.get(key);
    const a = after.get(key);
    if (a && sameValue(mine, a.value)) {
      dropped.push({ key, label: label(key) });
      continue;
    }
    const base = { key, label: label(key), mine, parentBefore: b?.value, parentAfter: a?.value };
    if (b && a) {
      if (isLocked(parentAfter, key)) conflicts.push({ ...base, kind: "lockedByParent" });
      else if (!sameValue(b.value, a.value)) conflicts.push({ ...base, kind: "bothChanged" });
      else set[key] = mine;
    } else if (b && !a) {
      conflicts.push({ ...base, kind: "removedByParent" });
    } else if (!b && a) {
      conflicts.push({ ...base, kind: isLocked(parentAfter, key) ? "lockedByParent" : "bothAdded" });
    } else {
      set[key] = mine; // the variant's own item
    }
  }

  for (const key of overlay.removed) {
    const b = before.get(key);
    const a = after.get(key);
    if (!a) {
      dropped.push({ key, label: label(key) });
      continue;
    }
    const base = { key, label: label(key), parentBefore: b?.value, parentAfter: a.value };
    if (isLocked(parentAfter, key)) conflicts.push({ ...base, kind: "lockedByParent" });
    else if (b && !sameValue(b.value, a.value)) conflicts.push({ ...base, kind: "removedByVariant" });
    else removed.push(key);
  }

  const followed: RebaseResult["followed"] = [];
  for (const key of new Set([...before.keys(), ...after.keys()])) {
    if (touched.has(key)) continue;
    const b = before.get(key);
    const a = after.get(key);
    if (!b || !a || !sameValue(b.value, a.value)) followed.push({ key, label: label(key) });
  }

  const parentLocks = new Set(parentAfter.locks ?? []);
  const addLocks = overlay.addLocks.filter((key) => !parentLocks.has(key));
  return { overlay: { schemaVersion: 1, set, removed, addLocks, order: overlay.order }, conflicts, followed, dropped, renamed };
}

export class UnresolvedConflictError extends Error {
  constructor(readonly keys: string[]) {
    super(`还有 ${keys.length} 处冲突没有处理`);
  }
}

/** The final overlay once every conflict has a resolution. */
export function resolveRebase(result: RebaseResult, resolutions: Record<string, Resolution>): VariantOverlay {
  const missing = result.conflicts.filter((c) => !resolutions[c.key]).map((c) => c.key);
  if (missing.length) throw new UnresolvedConflictError(missing);
  const overlay: VariantOverlay = {
    ...result.overlay,
    set: { ...result.overlay.set },
    removed: [...result.overlay.removed],
    addLocks: [...result.overlay.addLocks],
    order: [...result.overlay.order],
  };
  for (const conflict of result.conflicts) {
    const resolution = resolutions[conflict.key];
    if (resolution.choice === "parent") continue; // the new parent's value (or its removal) stands
    const value = resolution.choice === "edit" ? resolution.value : conflict.mine;
    if (value !== undefined) {
      overlay.set[conflict.key] = value;
      // An item the parent no longer has is now the variant's own: it keeps its place among them.
      if (conflict.parentAfter === undefined && !overlay.order.includes(conflict.key)) overlay.order.push(conflict.key);
    } else if (conflict.parentAfter !== undefined) {
      overlay.removed.push(conflict.key); // keep mine: the variant's removal
    }
  }
  return overlay;
}
