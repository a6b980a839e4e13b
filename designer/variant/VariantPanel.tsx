"use client";
/**
 * 本地差异: every item where the variant differs from its parent (or, on request, every item),
 * with its mark, the parent's and the local value, and 恢复上级的值.
 */
import { useState } from "react";
import type { ItemStatus } from "@/runtime/definition/variant";
import { differences, localValueWords, parentValueWords, type VariantView } from "../core/variantView";
import { checkboxLabelClass } from "../ui/classes";
import { RestoreButton, StateBadge } from "./ItemMark";
import { useVariant } from "./VariantContext";

function Row({ view, status }: { view: VariantView; status: ItemStatus }) {
  return (
    <li className="space-y-1 rounded-md border bg-background p-2" data-variant-item={status.key}>
      <div className="flex flex-wrap items-center justify-between gap-2">
        <span className="text-sm font-medium">{status.label}</span>
        <span className="flex flex-wrap items-center gap-2">
          <StateBadge status={status} />
          <RestoreButton status={status} />
        </span>
      </div>
      {status.state !== "added" && (
        <p className="text-xs text-muted-foreground">上级的值：{parentValueWords(view, status)}</p>
      )}
      {status.state !== "removed" && status.state !== "inherited" && (
        <p className="text-xs">本地的值：{localValueWords(view, status)}</p>
      )}
    </li>
  );
}

export function VariantPanel({ parentName }: { parentName: string }) {
  const variant = useVariant();
  const [all, setAll] = useState(false);
  if (!variant) return null;
  const rows = differences(variant.view, all);
  const changed = differences(variant.view).length;
  return (
    <section aria-labelledby="variant-panel-title" className="space-y-3 rounded-lg border bg-background p-4">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="variant-panel-title" className="font-semibold">与上级（{parentName}）的差异：{changed === 0 ? "无，全部沿用上级" : `${changed} 处`}</h2>
        <label className={checkboxLabelClass}>
          <input type="checkbox" checked={all} onChange={(e) => setAll(e.target.checked)} />
          也显示沿用上级的内容
        </label>
      </div>
      {rows.length === 0 ? (
        <p className="text-sm text-muted-foreground">本地版本目前与上级完全相同。在各页签中修改后，这里会列出本地修改、新增和删除的内容。</p>
      ) : (
        <ul className="space-y-2">
          {rows.map((status) => (
            <Row key={status.key} view={variant.view} status={status} />
          ))}
        </ul>
      )}
    </section>
  );
}
