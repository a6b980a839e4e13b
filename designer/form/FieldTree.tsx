"use client";
/**
 * The form's fields as a nested, reorderable list, and the palette of field types. Drag a type
 * onto the list to add it there, drag a field (or, by keyboard: Space on its handle, arrows,
 * Space) to move it among its siblings; a pointer also moves it into and out of sections and tables. Pressing a palette item adds
 * the field after the selected one (inside it, for a section or table).
 */
import type { ReactNode } from "react";
import { DndContext, closestCenter, useDraggable, useDroppable, type DragEndEvent, type UniqueIdentifier } from "@dnd-kit/core";
import { SortableContext, useSortable, verticalListSortingStrategy } from "@dnd-kit/sortable";
import { containerKinds, fieldKindLabels, fieldKinds, type PaletteKind } from "../core/formFields";
import { fieldAt, holdsFields, siblingsAt, type DropOver } from "../core/formEdit";
import type { FieldModel, FormModel } from "../core/formModel";
import { announcements, screenReaderInstructions, translateStyle, useSortableSensors } from "../ui/dnd";

const FIELD = "field:";
const NEW = "new:";
const CONTAINER = "container:";

const pathKey = (path: readonly string[]) => path.join("/");
const splitPath = (key: string) => (key === "" ? [] : key.split("/"));

export interface FieldTreeProps {
  model: FormModel;
  selected: readonly string[] | null;
  onSelect: (path: string[]) => void;
  /** Add a field of `kind` into the container at `index` (end when undefined). */
  onAdd: (kind: PaletteKind, container: string[], index?: number) => void;
  /** Drop the field at `path` over a field or a container's end, dragged by pointer or moved with the keyboard. */
  onMove: (path: string[], over: DropOver, by: "pointer" | "keyboard") => void;
}

function PaletteItem({ kind, onPress }: { kind: PaletteKind; onPress: () => void }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: `${NEW}${kind}`, data: { kind } });
  return (
    <button
      ref={setNodeRef}
      type="button"
      {...attributes}
      {...listeners}
      // The keyboard adds with Enter (dnd-kit's keyboard drag stays on Space).
      onKeyDown={(e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          onPress();
        } else listeners?.onKeyDown?.(e);
      }}
      onClick={onPress}
      aria-roledescription="可拖动的字段类型"
      className={`rounded-md border border-input bg-background px-2 py-1 text-left text-sm hover:bg-muted ${isDragging ? "opacity-50" : ""}`}
    >
      {fieldKindLabels[kind]}
    </button>
  );
}

/** A field's label as shown: its `ui:title` (rjsf shows it over the schema's title), its title, or its key. */
export function shownTitle(field: FieldModel): string {
  return String(field.ui["ui:title"] ?? field.schema.title ?? field.key);
}

function Container({ path, fields, children, readOnly = false }: { path: string[]; fields: FieldModel[]; children: ReactNode; readOnly?: boolean }) {
  const { setNodeRef, isOver } = useDroppable({ id: `${CONTAINER}${pathKey(path)}`, data: { container: path } });
  return (
    <SortableContext items={fields.map((f) => `${FIELD}${pathKey([...path, f.key])}`)} strategy={verticalListSortingStrategy}>
      <ul ref={setNodeRef} className={`min-h-10 space-y-1 rounded-md p-1 ${isOver ? "bg-accent" : ""} ${path.length ? "ml-4 border-l-2 border-dashed" : ""}`}>
        {children}
        {fields.length === 0 && <li className="px-2 py-1 text-xs text-muted-foreground">{readOnly ? "引用的定义中没有可列出的字段" : path.length ? "拖入字段，或选中后从左侧添加" : "从左侧拖入或添加字段"}</li>}
      </ul>
    </SortableContext>
  );
}

function FieldRow({ field, path, index, props }: { field: FieldModel; path: string[]; index: number; props: FieldTreeProps }) {
  const id = `${FIELD}${pathKey(path)}`;
  const { attributes, listeners, setNodeRef, setActivatorNodeRef, transform, transition, isDragging } = useSortable({ id, data: { container: path.slice(0, -1), index } });
  const title = shownTitle(field);
  const isSelected = props.selected !== null && pathKey(props.selected) === pathKey(path);
  return (
    <li ref={setNodeRef} style={translateStyle(transform, transition)} className={isDragging ? "relative z-10 opacity-80" : ""}>
      <div className={`flex items-center gap-1 rounded-md border bg-background px-1 py-1 text-sm ${isSelected ? "border-primary ring-1 ring-primary" : ""}`}>
        <button type="button" ref={setActivatorNodeRef} {...attributes} {...listeners} aria-label={`拖动排序：${title}`} className="cursor-grab touch-none rounded px-1 text-muted-foreground hover:bg-muted">
          ⠿
        </button>
        <button type="button" aria-pressed={isSelected} onClick={() => props.onSelect(path)} className="flex min-w-0 flex-1 items-center gap-2 text-left">
          <span className="truncate">{title}</span>
          {field.required && (
            <span className="text-destructive">
              <span aria-hidden="true">*</span>
              <span className="sr-only">（必填）</span>
            </span>
          )}
          <span className="shrink-0 text-xs text-muted-foreground">{fieldKindLabels[field.kind]}</span>
          {field.visibleWhen && <span className="shrink-0 rounded bg-accent px-1 text-xs">条件显示</span>}
          {field.declaredIn && (
            <span className="shrink-0 rounded bg-amber-100 px-1 text-xs text-amber-900" title={`声明在 ${field.declaredIn}`}>
              只读<span className="sr-only">，声明在 {field.declaredIn}</span>
            </span>
          )}
        </button>
      </div>
      {((containerKinds.has(field.kind) && !field.declaredIn) || field.kind === "ref") && (
        <Container path={path} fields={field.children} readOnly={field.kind === "ref"}>
          {field.children.map((child, i) => (
            <FieldRow key={child.key} field={child} path={[...path, child.key]} index={i} props={props} />
          ))}
        </Container>
      )}
    </li>
  );
}

function titleAt(model: FormModel, path: string[]): string {
  const field = fieldAt(model, path);
  return field ? shownTitle(field) : "";
}

export function FieldTree(props: FieldTreeProps) {
  const sensors = useSortableSensors();
  const { model, selected, onAdd, onMove } = props;
  const nameOf = (id: UniqueIdentifier) => {
    const text = String(id);
    if (text.startsWith(NEW)) return `新字段：${fieldKindLabels[text.slice(NEW.length) as PaletteKind]}`;
    if (text.startsWith(CONTAINER)) return text === CONTAINER ? "表单末尾" : `${titleAt(model, splitPath(text.slice(CONTAINER.length)))}的末尾`;
    return titleAt(model, splitPath(text.slice(FIELD.length)));
  };

  const addFromPalette = (kind: PaletteKind) => {
    const field = selected ? fieldAt(model, selected) : null;
    if (!selected || !field) return onAdd(kind, []);
    if (holdsFields(model, selected)) return onAdd(kind, [...selected]);
    // After the selected field, or after the nearest ancestor in a container the builder edits (not inside a $ref).
    let after = [...selected];
    while (!holdsFields(model, after.slice(0, -1))) after = after.slice(0, -1);
    const container = after.slice(0, -1);
    return onAdd(kind, container, siblingsAt(model, container).findIndex((f) => f.key === after[after.length - 1]) + 1);
  };

  const onDragEnd = ({ active, over, activatorEvent }: DragEndEvent) => {
    if (!over) return;
    const overId = String(over.id);
    const overData = over.data.current as { container?: string[]; index?: number } | undefined;
    const container = overData?.container ?? [];
    const index = overId.startsWith(CONTAINER) ? null : (overData?.index ?? null);
    const activeId = String(active.id);
    // The keyboard's arrows reorder a field among its siblings; a pointer also moves it into and out of sections.
    const by = typeof KeyboardEvent !== "undefined" && activatorEvent instanceof KeyboardEvent ? "keyboard" : "pointer";
    if (activeId.startsWith(NEW)) onAdd(activeId.slice(NEW.length) as PaletteKind, container, index ?? Number.MAX_SAFE_INTEGER);
    else if (activeId !== overId) onMove(splitPath(activeId.slice(FIELD.length)), { container, index }, by);
  };

  return (
    <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd} accessibility={{ announcements: announcements(nameOf), screenReaderInstructions }}>
      <div className="grid gap-3 md:grid-cols-[8rem_minmax(0,1fr)]">
        <div role="group" aria-label="字段类型" className="flex flex-col gap-1">
          <p className="text-xs text-muted-foreground">拖入右侧，或按回车添加</p>
          {fieldKinds.map((kind) => (
            <PaletteItem key={kind} kind={kind} onPress={() => addFromPalette(kind)} />
          ))}
        </div>
        <div aria-label="表单字段" role="region">
          <Container path={[]} fields={model.fields}>
            {model.fields.map((field, i) => (
              <FieldRow key={field.key} field={field} path={[field.key]} index={i} props={props} />
            ))}
          </Container>
        </div>
      </div>
    </DndContext>
  );
}
