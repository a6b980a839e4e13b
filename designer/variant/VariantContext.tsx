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
}

const Context = createContext<VariantEditing | null>(null);

export function VariantProvider({ value, children }: { value: VariantEditing | null; children: ReactNode }) {
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useVariant(): VariantEditing | null {
  return useContext(Context);
}

/** Whether the parent locked `key` (the variant may not change or remove it). */
export function useItemLocked(key: string): boolean {
  return useContext(Context)?.view.states.get(key)?.locked ?? false;
}
