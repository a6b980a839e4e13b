"use client";
/**
 * The marks of a list's items in a variant (设定依据, 其他说明 …), for editors that show those
 * items as table rows: each entry that is locked or differs from the parent, with its mark and
 * 恢复上级的值. Nothing outside a variant.
 */
import type { ItemKind } from "@/runtime/definition/variant";
import { parentValueWords } from "../core/variantView";
import { RestoreButton, StateBadge } from "./ItemMark";
import { useVariant } from "./VariantContext";

export function KindMarks({ kind, title, removedOnly = false }: { kind: ItemKind; title: string; removedOnly?: boolean }) {
  const variant = useVariant();
  if (!variant) return null;
  const rows = [...variant.view.states.values()].filter((s) => s.kind === kind && (removedOnly ? s.state === "removed" : s.locked || s.state !== "inherited"));
  if (rows.length === 0) return null;
  return (
    <div className="space-y-1 rounded-md border border-dashed p-2" aria-label={removedOnly ? `本地删除的${title}` : `${title}：与上级的差异和锁定`} role="group">
      {rows.map((s) => (
        <div key={s.key} className="flex flex-wrap items-center gap-2 text-xs" data-item-mark={s.key}>
          <span>{s.label}</span>
          <StateBadge status={s} />
          {s.state === "overridden" && <span className="text-muted-foreground">上级的值：{parentValueWords(variant.view, s)}</span>}
          <RestoreButton status={s} />
        </div>
      ))}
    </div>
  );
}
