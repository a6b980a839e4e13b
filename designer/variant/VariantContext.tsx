"use client";
/**
 * The variant being edited, for the editors' marks: each editor puts an <ItemMark itemKey=…/>
 * beside an item and asks `useItemLocked(key)` whether the parent locked it. Outside a variant
 * (a template) there is no context and the marks render nothing.
 */
import { createContext, useContext, type ReactNode } from "react";
import type { VariantView } from "../core/variantView";

export interface VariantEditing {
  view: VariantView;
  /** Puts the parent's value of `key` back (removes an item the variant added). */
  restore: (key: string) => void;
  readOnly: boolean;
  /** The variant's office: new materials, forms, fields, steps and connections carry it in their ids (`newItemId`). */
  idScope: string;
}

const Context = createContext<VariantEditing | null>(null);

export function VariantProvider({ value, children }: { value: VariantEditing | null; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useVariant(): VariantEditing | null {
  return useContext(Context);
}

/** What new items' ids carry (`newItemId`): the variant's office; null in a template. */
export function useIdScope(): string | null {
  return useContext(Context)?.idScope ?? null;
}

/** Whether the parent locked `key` (the variant may not change or remove it). */
export function useItemLocked(key: string): boolean {
  return useContext(Context)?.view.states.get(key)?.locked ?? false;
}
