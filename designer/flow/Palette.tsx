"use client";
/** The node palette: drag an item onto the canvas, or press it (Enter / Space) to add it beside the selection. */
import type { DragEvent } from "react";
import { outcomeLabels } from "@/runtime/definition/labels";
import type { PaletteItem } from "../core/flowOps";

export const PALETTE_MIME = "application/x-hrss-flow-node";

const items: { item: PaletteItem; label: string; hint: string }[] = [
  { item: { type: "task" }, label: "步骤", hint: "由某个角色办理，带操作" },
  { item: { type: "gateway" }, label: "判断", hint: "按表单内容分支" },
  ...(Object.keys(outcomeLabels) as (keyof typeof outcomeLabels)[]).map((outcome) => ({
    item: { type: "end", outcome } as PaletteItem,
    label: `结束：${outcomeLabels[outcome]}`,
    hint: "流程在此结束",
  })),
];

export function Palette({ onAdd }: { onAdd: (item: PaletteItem) => void }) {
  const onDragStart = (event: DragEvent, item: PaletteItem) => {
    event.dataTransfer.setData(PALETTE_MIME, JSON.stringify(item));
    event.dataTransfer.effectAllowed = "copy";
  };
  return (
    <div role="group" aria-label="节点类型" className="flex flex-col gap-1">
      <p className="text-xs text-muted-foreground">拖到画布上，或按回车添加</p>
      {items.map(({ item, label, hint }) => (
        <button
          key={label}
          type="button"
          draggable
          onDragStart={(e) => onDragStart(e, item)}
          onClick={() => onAdd(item)}
          title={hint}
          className="cursor-grab rounded-md border border-input bg-background px-2 py-1.5 text-left text-sm hover:bg-muted active:cursor-grabbing"
        >
          {label}
        </button>
      ))}
    </div>
  );
}
