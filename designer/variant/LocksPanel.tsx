"use client";
/**
 * 锁定: the region administrator marks which items of a template local variants may not change
 * or remove (fee, legal limit, legal basis, required materials by default); a league's variant
 * may add locks for its banners but never lift its parent's.
 */
import { definitionItems, isLocked, withLock, type ItemKind } from "@/runtime/definition/variant";
import type { ServiceDefinition } from "@/runtime/definition/schema";
import { checkboxLabelClass } from "../ui/classes";

const kindTitles: [ItemKind, string][] = [
  ["guide", "办事指南"],
  ["legalBasis", "设定依据"],
  ["note", "其他说明"],
  ["material", "材料"],
  ["form", "表单"],
  ["field", "表单字段"],
  ["node", "流程环节"],
  ["document", "文书"],
];

export function LocksPanel({
  definition,
  parent,
  readOnly,
  onChange,
}: {
  definition: ServiceDefinition;
  /** For a variant: its parent, whose locks cannot be lifted here. */
  parent: ServiceDefinition | null;
  readOnly: boolean;
  onChange: (next: ServiceDefinition) => void;
}) {
  const items = [...definitionItems(definition).values()];
  const lockedCount = (definition.locks ?? []).length;
  return (
    <section aria-labelledby="locks-title" className="space-y-3 rounded-lg border bg-background p-4">
      <h2 id="locks-title" className="font-semibold">锁定（{lockedCount} 项）</h2>
      <p className="text-sm text-muted-foreground">
        {parent ? "上级锁定的内容不能在这里解除；您可以为下级单位再锁定其他内容。" : "锁定的内容，盟市和旗县（市、区）的本地版本不能修改或删除。"}
      </p>
      {kindTitles.map(([kind, title]) => {
        const ofKind = items.filter((i) => i.kind === kind);
        if (ofKind.length === 0) return null;
        return (
          <fieldset key={kind} className="space-y-1">
            <legend className="text-sm font-medium">{title}</legend>
            {ofKind.map((item) => {
              const fromParent = parent ? isLocked(parent, item.key) : false;
              return (
                <label key={item.key} className={checkboxLabelClass} data-lock={item.key}>
                  <input
                    type="checkbox"
                    checked={isLocked(definition, item.key)}
                    disabled={readOnly || fromParent}
                    onChange={(e) => onChange(withLock(definition, item.key, e.target.checked))}
                  />
                  <span>
                    锁定 {item.label}
                    {fromParent && <span className="ml-1 text-xs text-muted-foreground">（上级已锁定）</span>}
                  </span>
                </label>
              );
            })}
          </fieldset>
        );
      })}
    </section>
  );
}
