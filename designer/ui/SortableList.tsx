"use client";
/**
 * A vertical list reorderable by dragging its handles, by the keyboard (Space, arrows, Space),
 * and by the up/down buttons. Items render their own content beside the handle.
 */
import type { ReactNode } from "react";
import { DndContext, closestCenter, type DragEndEvent } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { announcements, screenReaderInstructions, translateStyle, useSortableSensors } from "./dnd";
import { smallButtonClass } from "./classes";

export interface SortableListProps<T> {
  items: readonly T[];
  idOf: (item: T) => string;
  nameOf: (item: T) => string;
  onMove: (from: number, to: number) => void;
  render: (item: T, index: number) => ReactNode;
  label: string;
}

function Row({ id, name, index, count, onMove, children }: { id: string; name: string; index: number; count: number; onMove: (from: number, to: number) => void; children: ReactNode }) {
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id });
  return (
    <li ref={setNodeRef} style={translateStyle(transform, transition)} className={`flex items-start gap-2 rounded-md border bg-background p-2 ${isDragging ? "z-10 shadow-lg" : ""}`}>
      <button type="button" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={`拖动排序：${name}`} className="cursor-grab touch-none rounded px-1 text-muted-foreground hover:bg-muted">
        ⠿
      </button>
      <div className="min-w-0 flex-1">{children}</div>
      <div className="flex flex-col gap-0.5">
        <button type="button" className={smallButtonClass} disabled={index === 0} onClick={() => onMove(index, index - 1)}>
          上移<span className="sr-only">{name}</span>
        </button>
        <button type="button" className={smallButtonClass} disabled={index === count - 1} onClick={() => onMove(index, index + 1)}>
          下移<span className="sr-only">{name}</span>
        </button>
      </div>
    </li>
  );
}

export function SortableList<T>({ items, idOf, nameOf, onMove, render, label }: SortableListProps<T>) {
  const sensors = useSortableSensors();
  const ids = items.map(idOf);
  const byId = new Map(items.map((item) => [idOf(item), item]));
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!over || active.id === over.id) return;
    onMove(ids.indexOf(String(active.id)), ids.indexOf(String(over.id)));
  };
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={onDragEnd}
      accessibility={{ announcements: announcements((id) => nameOf(byId.get(String(id))!)), screenReaderInstructions }}
    >
      <SortableContext items={ids} strategy={verticalListSortingStrategy}>
        <ul aria-label={label} className="space-y-2">
          {items.map((item, index) => (
            <Row key={idOf(item)} id={idOf(item)} name={nameOf(item)} index={index} count={items.length} onMove={onMove}>
              {render(item, index)}
            </Row>
          ))}
        </ul>
      </SortableContext>
    </DndContext>
  );
}
