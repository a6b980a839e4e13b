/**
 * What the designer shows of a local variant: each item's state against the parent (沿用上级 /
 * 本地修改 / 本地新增 / 本地删除), whether the parent locked it, and the parent's and the local
 * value in words (`itemValueWords`, which names steps and actions). Pure and browser-safe.
 */
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { itemStates, itemValueWords, type ItemStatus } from "@/runtime/definition/variant";

export interface VariantView {
  parent: ServiceDefinition;
  /** The variant's effective definition, as edited. */
  effective: ServiceDefinition;
  states: Map<string, ItemStatus>;
}

export function variantView(parent: ServiceDefinition, effective: ServiceDefinition): VariantView {
  return { parent, effective, states: new Map(itemStates(parent, effective).map((s) => [s.key, s])) };
}

/** Items that differ from the parent (or every item with `all`), in the parent's order. */
export function differences(view: VariantView, all = false): ItemStatus[] {
  return [...view.states.values()].filter((s) => all || s.state !== "inherited");
}

/** The parent's value of an item in words (steps and actions named from the parent, then the variant). */
export const parentValueWords = (view: VariantView, status: Pick<ItemStatus, "key" | "parentValue">) =>
  itemValueWords(status.key, status.parentValue, view.parent, view.effective);

/** The variant's own value of an item in words (steps and actions named from the variant, then the parent). */
export const localValueWords = (view: VariantView, status: Pick<ItemStatus, "key" | "localValue">) =>
  itemValueWords(status.key, status.localValue, view.effective, view.parent);
