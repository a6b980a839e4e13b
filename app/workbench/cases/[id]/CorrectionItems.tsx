"use client";
/** 一次性告知: the list of everything the applicant must correct, item by item, with quick picks for the materials. */
import { useId } from "react";
import type { Material } from "@/runtime/definition/schema";

export function CorrectionItems({ items, onChange, materials }: { items: string[]; onChange: (update: (list: string[]) => string[]) => void; materials: Material[] }) {
  const uid = useId();
  const addItem = (text: string) => onChange((list) => (list.length === 1 && list[0].trim() === "" ? [text] : list.includes(text) ? list : [...list, text]));
  return (
    <fieldset className="rounded-md border p-3">
      <legend className="px-1 font-medium">需补正的内容（一次性告知，逐项列明）</legend>
      <ol className="space-y-2">
        {items.map((item, i) => (
          <li key={i} className="flex items-center gap-2">
            <label htmlFor={`${uid}-item-${i}`} className="w-12 shrink-0 text-sm text-muted-foreground">第{i + 1}项</label>
            <input
              id={`${uid}-item-${i}`}
              value={item}
              onChange={(e) => onChange((list) => list.map((v, j) => (j === i ? e.target.value : v)))}
              className="min-w-0 flex-1 rounded-md border border-input bg-background px-3 py-1.5 text-sm"
              maxLength={500}
            />
            <button
              type="button"
              onClick={() => onChange((list) => (list.length === 1 ? [""] : list.filter((_, j) => j !== i)))}
              className="rounded border px-2 py-1 text-xs hover:bg-muted"
              aria-label={`删除第${i + 1}项`}
            >
              删除
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange((list) => [...list, ""])} className="mt-2 rounded-md border px-3 py-1 text-sm hover:bg-muted">
        添加一项
      </button>
      {materials.length > 0 && (
        <div className="mt-3">
          <p className="text-xs text-muted-foreground">快速添加材料：</p>
          <div className="mt-1 flex flex-wrap gap-1">
            {materials.map((m) => (
              <button key={m.id} type="button" onClick={() => addItem(m.formId ? `请修改完善：${m.name}` : `请补充提交：${m.name}`)} className="rounded border bg-background px-2 py-0.5 text-xs hover:bg-muted">
                + {m.name}
              </button>
            ))}
          </div>
        </div>
      )}
    </fieldset>
  );
}
