"use client";
/**
 * One item's mark in a variant: 沿用上级 / 本地修改 / 本地新增 / 本地删除, 「上级已锁定」 when the
 * parent locked it, the parent's value beside an overridden one, and 「恢复上级的值」.
 */
import { variantItemStateLabels } from "@/runtime/definition/labels";
import type { ItemState, ItemStatus } from "@/runtime/definition/variant";
import { parentValueWords } from "../core/variantView";
import { smallButtonClass } from "../ui/classes";
import { useVariant } from "./VariantContext";

const stateClass: Record<ItemState, string> = {
  inherited: "border-slate-300 bg-slate-50 text-slate-700",
  overridden: "border-amber-400 bg-amber-50 text-amber-900",
  added: "border-emerald-500 bg-emerald-50 text-emerald-900",
  removed: "border-red-400 bg-red-50 text-red-900",
};

function LockIcon() {
  return (
    <svg aria-hidden="true" viewBox="0 0 16 16" className="mr-0.5 inline h-3 w-3 align-[-1px]" fill="currentColor">
      <path d="M8 1a3.5 3.5 0 0 0-3.5 3.5V7H4a1 1 0 0 0-1 1v6a1 1 0 0 0 1 1h8a1 1 0 0 0 1-1V8a1 1 0 0 0-1-1h-.5V4.5A3.5 3.5 0 0 0 8 1Zm-2 6V4.5a2 2 0 1 1 4 0V7H6Z" />
    </svg>
  );
}

export function StateBadge({ status }: { status: Pick<ItemStatus, "state" | "locked"> }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-1">
      <span className={`rounded border px-1.5 py-0.5 text-xs ${stateClass[status.state]}`} data-item-state={status.state}>
        {variantItemStateLabels[status.state]}
      </span>
      {status.locked && (
        <span className="rounded border border-slate-400 bg-slate-100 px-1.5 py-0.5 text-xs text-slate-800">
          <LockIcon />上级已锁定
        </span>
      )}
    </span>
  );
}

export function RestoreButton({ status }: { status: ItemStatus }) {
  const variant = useVariant();
  if (!variant || variant.readOnly || status.state === "inherited") return null;
  return (
    <button type="button" className={smallButtonClass} onClick={() => variant.restore(status.key)}>
      恢复上级的值<span className="sr-only">：{status.label}</span>
    </button>
  );
}

/** The mark of `itemKey` (nothing outside a variant, or for an item neither side has). */
export function ItemMark({ itemKey, compact = false }: { itemKey: string; compact?: boolean }) {
  const variant = useVariant();
  const status = variant?.view.states.get(itemKey);
  if (!variant || !status) return null;
  return (
    <div className="flex flex-wrap items-center gap-2 text-xs" data-item-mark={itemKey}>
      <StateBadge status={status} />
      {!compact && status.state === "overridden" && (
        <span className="text-muted-foreground">上级的值：{parentValueWords(variant.view, status)}</span>
      )}
      <RestoreButton status={status} />
    </div>
  );
}
