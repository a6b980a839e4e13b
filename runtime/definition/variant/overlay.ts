/**
 * A local variant as an overlay on its parent: only the items it sets (changed or added) and
 * the items it removes, plus locks it adds for the offices below it. The effective definition
 * is `applyOverlay(parent, overlay)`; `overlayOf(parent, edited)` is the smallest overlay that
 * gives `edited`. Pure.
 */
import { z } from "zod";
import type { ServiceDefinition } from "../schema";
import { composeDefinition, definitionItems, kindOfKey, sameValue, type ItemKind } from "./items";

export const variantOverlay = z.object({
  schemaVersion: z.literal(1).default(1),
  /** Items the variant sets: a changed parent item, or one of its own. */
  set: z.record(z.string(), z.unknown()).default({}),
  /** Parent items the variant removes. */
  removed: z.array(z.string()).default([]),
  /** Locks the variant adds for the offices below it. */
  addLocks: z.array(z.string()).default([]),
  /** The order of the items the variant adds (object keys lose their order in PostgreSQL's jsonb). */
  order: z.array(z.string()).default([]),
});
export type VariantOverlay = z.infer<typeof variantOverlay>;

export const emptyOverlay = (): VariantOverlay => ({ schemaVersion: 1, set: {}, removed: [], addLocks: [], order: [] });

/** The keys the overlay adds, in the order it gives (then any others, by key, so the result never depends on storage). */
function addedKeys(overlay: VariantOverlay, parentKeys: Map<string, unknown>): string[] {
  const added = Object.keys(overlay.set).filter((key) => !parentKeys.has(key));
  const rank = new Map(overlay.order.map((key, i) => [key, i]));
  return added.sort((a, b) => (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0));
}

/** The parent's locks and the ones the overlay adds. */
function mergedLocks(parent: ServiceDefinition, overlay: VariantOverlay): string[] {
  return [...new Set([...(parent.locks ?? []), ...overlay.addLocks])];
}

/** The effective definition of a variant: the parent's items, with the overlay's set and removed. */
export function applyOverlay(parent: ServiceDefinition, overlay: VariantOverlay): ServiceDefinition {
  const items = new Map([...definitionItems(parent)].map(([key, item]) => [key, item.value]));
  const parentKeys = new Map(items);
  for (const key of overlay.removed) items.delete(key);
  for (const [key, value] of Object.entries(overlay.set)) {
    kindOfKey(key); // an unknown key is a bug, not data to keep
    if (parentKeys.has(key)) items.set(key, value);
  }
  for (const key of addedKeys(overlay, parentKeys)) items.set(key, overlay.set[key]);
  // A field whose form is gone goes with it.
  for (const key of [...items.keys()]) {
    const m = /^form\/([^/]+)\/field\//.exec(key);
    if (m && !items.has(`form/${m[1]}`)) items.delete(key);
  }
  return { ...composeDefinition(parent, items), locks: mergedLocks(parent, overlay) };
}

/** The smallest overlay turning `parent` into `edited` (identity always stays the parent's). */
export function overlayOf(parent: ServiceDefinition, edited: ServiceDefinition): VariantOverlay {
  const before = definitionItems(parent);
  const after = definitionItems(edited);
  const set: Record<string, unknown> = {};
  const removed: string[] = [];
  const order: string[] = [];
  for (const [key, item] of after) {
    const old = before.get(key);
    if (!old || !sameValue(old.value, item.value)) set[key] = item.value;
    if (!old) order.push(key);
  }
  for (const key of before.keys()) if (!after.has(key)) removed.push(key);
  const parentLocks = new Set(parent.locks ?? []);
  const addLocks = (edited.locks ?? []).filter((key) => !parentLocks.has(key));
  return { schemaVersion: 1, set, removed, addLocks, order };
}

export type ItemState = "inherited" | "overridden" | "added" | "removed";

export interface ItemStatus {
  key: string;
  kind: ItemKind;
  label: string;
  state: ItemState;
  /** Locked by the parent (or above): the variant may not change or remove it. */
  locked: boolean;
  parentValue?: unknown;
  localValue?: unknown;
}

/** Every item of parent and variant with how the variant treats it (parent order, then the variant's own). */
export function itemStates(parent: ServiceDefinition, effective: ServiceDefinition): ItemStatus[] {
  const before = definitionItems(parent);
  const after = definitionItems(effective);
  const locks = new Set(parent.locks ?? []);
  const out: ItemStatus[] = [];
  for (const [key, item] of before) {
    const local = after.get(key);
    const state: ItemState = !local ? "removed" : sameValue(local.value, item.value) ? "inherited" : "overridden";
    out.push({ key, kind: item.kind, label: local?.label ?? item.label, state, locked: locks.has(key), parentValue: item.value, localValue: local?.value });
  }
  for (const [key, item] of after) {
    if (!before.has(key)) out.push({ key, kind: item.kind, label: item.label, state: "added", locked: false, localValue: item.value });
  }
  return out;
}

/** The parent's value of one item back in the variant (an item the variant added is removed). */
export function restoreItem(effective: ServiceDefinition, parent: ServiceDefinition, key: string): ServiceDefinition {
  const overlay = overlayOf(parent, effective);
  delete overlay.set[key];
  overlay.removed = overlay.removed.filter((k) => k !== key);
  if (kindOfKey(key) === "form") {
    // Restoring a form the variant added removes its fields too; restoring a removed form brings its fields back.
    const prefix = `${key}/field/`;
    for (const k of Object.keys(overlay.set)) if (k.startsWith(prefix) && !definitionItems(parent).has(k)) delete overlay.set[k];
    overlay.removed = overlay.removed.filter((k) => !k.startsWith(prefix));
  }
  return applyOverlay(parent, overlay);
}

export interface OverlaySize {
  changed: number;
  added: number;
  removed: number;
  total: number;
}

/** How many of the parent's items the overlay changes and removes, and how many it adds. */
export function overlaySize(parent: ServiceDefinition, overlay: VariantOverlay): OverlaySize {
  const before = definitionItems(parent);
  let changed = 0;
  let added = 0;
  for (const key of Object.keys(overlay.set)) {
    if (before.has(key)) changed++;
    else added++;
  }
  const removed = overlay.removed.filter((key) => before.has(key)).length;
  return { changed, added, removed, total: changed + added + removed };
}
