/**
 * Edit operations on the form builder's model, pure. A field is addressed by its path: the keys
 * from the root (`["applicant", "name"]` is the field `name` in the section `applicant`).
 */
import { containerKinds, fieldKindLabels, fieldTemplate, type JsonSchema, type PaletteKind, type UiSchema } from "./formFields";
import type { FieldModel, FormModel } from "./formModel";
import { newItemId, uniqueId } from "./ids";

export type FieldPath = readonly string[];

function mapChildren(fields: FieldModel[], path: FieldPath, update: (siblings: FieldModel[]) => FieldModel[]): FieldModel[] {
  if (path.length === 0) return update(fields);
  const [head, ...rest] = path;
  return fields.map((field) => (field.key === head ? { ...field, children: mapChildren(field.children, rest, update) } : field));
}

/** Applies `update` to the list of fields inside the container at `containerPath` ([] for the root). */
function inContainer(model: FormModel, containerPath: FieldPath, update: (siblings: FieldModel[]) => FieldModel[]): FormModel {
  return { ...model, fields: mapChildren(model.fields, containerPath, update) };
}

export function fieldAt(model: FormModel, path: FieldPath): FieldModel | null {
  let fields = model.fields;
  let found: FieldModel | null = null;
  for (const key of path) {
    found = fields.find((f) => f.key === key) ?? null;
    if (!found) return null;
    fields = found.children;
  }
  return found;
}

export function siblingsAt(model: FormModel, containerPath: FieldPath): FieldModel[] {
  return containerPath.length === 0 ? model.fields : (fieldAt(model, containerPath)?.children ?? []);
}

/**
 * Whether fields can be added to or moved into the container at `path`: the form, or a section or
 * table the builder edits (not a `$ref` field's referenced fields, not a field declared in a branch).
 */
export function holdsFields(model: FormModel, path: FieldPath): boolean {
  if (path.length === 0) return true;
  const field = fieldAt(model, path);
  return !!field && containerKinds.has(field.kind) && !field.declaredIn;
}

/** Whether the field's own schema is edited here (false for a field declared in a branch, a condition or behind a `$ref`). */
export function isEditable(field: FieldModel): boolean {
  return !field.declaredIn;
}

/** Adds a new field of `kind` into the container at `index` (default: at the end); returns its path. A container that cannot hold fields is left as it is. `scope`: a local variant's office (see `newItemId`). */
export function addField(model: FormModel, kind: PaletteKind, containerPath: FieldPath = [], index?: number, scope?: string | null): { model: FormModel; path: string[] } {
  if (!holdsFields(model, containerPath)) return { model, path: [...containerPath] };
  const siblings = siblingsAt(model, containerPath);
  const key = newItemId("field", siblings.map((f) => f.key), scope);
  const { schema, ui } = fieldTemplate(kind, fieldKindLabels[kind]);
  const field: FieldModel = { key, kind, required: false, schema, ui, children: [], ordered: false, visibleWhen: null };
  const next = inContainer(model, containerPath, (list) => {
    const copy = [...list];
    copy.splice(index ?? copy.length, 0, field);
    return copy;
  });
  return { model: next, path: [...containerPath, key] };
}

export function moveField(model: FormModel, containerPath: FieldPath, from: number, to: number): FormModel {
  if (from === to) return model;
  return inContainer(model, containerPath, (list) => {
    if (from < 0 || from >= list.length || to < 0 || to >= list.length) return list;
    const copy = [...list];
    const [moved] = copy.splice(from, 1);
    copy.splice(to, 0, moved);
    return copy;
  });
}

export function updateField(model: FormModel, path: FieldPath, update: (field: FieldModel) => FieldModel): FormModel {
  const key = path[path.length - 1];
  return inContainer(model, path.slice(0, -1), (list) => list.map((f) => (f.key === key ? update(f) : f)));
}

/** Removes a field, and the visibility rules of its siblings that depended on it. A field declared outside `properties` stays (its schema is not edited here). */
export function removeField(model: FormModel, path: FieldPath): FormModel {
  const key = path[path.length - 1];
  const field = fieldAt(model, path);
  if (field && !isEditable(field)) return model;
  return inContainer(model, path.slice(0, -1), (list) =>
    list.filter((f) => f.key !== key).map((f) => (f.visibleWhen?.field === key ? { ...f, visibleWhen: null } : f)),
  );
}

/** Renames a field's key, and the visibility rules of its siblings that refer to it. Null when the key is taken. */
export function renameField(model: FormModel, path: FieldPath, newKey: string): FormModel | null {
  const key = path[path.length - 1];
  if (key === newKey) return model;
  const field = fieldAt(model, path);
  if (field && !isEditable(field)) return null;
  const containerPath = path.slice(0, -1);
  if (siblingsAt(model, containerPath).some((f) => f.key === newKey)) return null;
  return inContainer(model, containerPath, (list) =>
    list.map((f) => {
      const renamed = f.key === key ? { ...f, key: newKey } : f;
      return renamed.visibleWhen?.field === key ? { ...renamed, visibleWhen: { ...renamed.visibleWhen, field: newKey } } : renamed;
    }),
  );
}

/**
 * Moves a field into another container (a section or table, or the root) at `index`. Its key is
 * kept unless a field there has it already; a visibility rule is kept when its field is among the new
 * siblings, else dropped (it named an old sibling).
 */
export function moveFieldTo(model: FormModel, path: FieldPath, containerPath: FieldPath, index: number): { model: FormModel; path: string[] } {
  const field = fieldAt(model, path);
  const from = path.slice(0, -1);
  const intoItself = path.every((key, i) => containerPath[i] === key);
  if (!field || intoItself) return { model, path: [...path] };
  const sameContainer = from.join("/") === containerPath.join("/");
  // A field declared in a branch or behind a `$ref` keeps its container; nothing moves into one the builder does not edit.
  if (!sameContainer && (!isEditable(field) || !holdsFields(model, containerPath))) return { model, path: [...path] };
  if (sameContainer) {
    const siblings = siblingsAt(model, from);
    const at = siblings.findIndex((f) => f.key === field.key);
    return { model: moveField(model, from, at, Math.min(index, siblings.length - 1)), path: [...path] };
  }
  const without = removeField(model, path);
  const targets = siblingsAt(without, containerPath);
  const key = targets.some((f) => f.key === field.key) ? uniqueId(`${field.key}_`, targets.map((f) => f.key)) : field.key;
  // A rule names a sibling: it goes along when the new siblings have a field of that key.
  const keepsRule = !!field.visibleWhen && targets.some((f) => f.key === field.visibleWhen!.field);
  const moved: FieldModel = { ...field, key, visibleWhen: keepsRule ? field.visibleWhen : null };
  const next = inContainer(without, containerPath, (list) => {
    const copy = [...list];
    copy.splice(Math.min(index, copy.length), 0, moved);
    return copy;
  });
  return { model: next, path: [...containerPath, key] };
}

/** Where a dragged field was dropped: over a field (its container and index), or over a container's empty end (`index` null). */
export interface DropOver {
  container: readonly string[];
  index: number | null;
}

/**
 * A reorder among siblings: the position the field at `path` takes when dropped over `overPath`,
 * which is one of its siblings or lies inside one (a section's field, a section's end). Null when
 * the drop is not among its siblings.
 */
export function reorderIndex(model: FormModel, path: FieldPath, overPath: FieldPath): number | null {
  const container = path.slice(0, -1);
  if (overPath.length <= container.length || !container.every((key, i) => overPath[i] === key)) return null;
  const index = siblingsAt(model, container).findIndex((f) => f.key === overPath[container.length]);
  return index < 0 ? null : index;
}

/**
 * Drops the field at `path`. A pointer drag moves it where it was dropped, into and out of
 * sections and tables; a keyboard move (the arrows step over the neighbouring row) is a reorder
 * among its siblings, so stepping past a section does not move the field into it (which would
 * drop its display condition and change its data's place).
 */
export function dropField(model: FormModel, path: FieldPath, over: DropOver, by: "pointer" | "keyboard"): { model: FormModel; path: string[] } {
  if (by === "pointer") return moveFieldTo(model, path, over.container, over.index ?? Number.MAX_SAFE_INTEGER);
  const overKey = over.index === null ? null : siblingsAt(model, over.container)[over.index]?.key;
  const overPath = overKey === undefined ? null : overKey === null ? over.container : [...over.container, overKey];
  const to = overPath ? reorderIndex(model, path, overPath) : null;
  const container = path.slice(0, -1);
  const from = siblingsAt(model, container).findIndex((f) => f.key === path[path.length - 1]);
  if (to === null || from < 0) return { model, path: [...path] };
  return { model: moveField(model, container, from, to), path: [...path] };
}

/** Schema keywords that are not about the type, kept when a field's type changes. */
const keptSchemaKeys = ["title", "description", "readOnly", "writeOnly", "examples", "deprecated"];
/** uiSchema settings that are not about the type, kept when a field's type changes. */
const keptUiKeys = ["ui:title", "ui:description", "ui:help", "ui:disabled", "ui:readonly", "ui:autofocus", "ui:classNames", "ui:style", "ui:label"];

function pick(record: Record<string, unknown>, keys: readonly string[]): Record<string, unknown> {
  return Object.fromEntries(keys.filter((k) => record[k] !== undefined).map((k) => [k, record[k]]));
}

/**
 * The field as a field of another type: the new type's schema and uiSchema, with the settings
 * that are not about the type kept (title, description, read-only, help, disabled …). A section
 * or table keeps its fields when it stays a container.
 */
export function changeKind(field: FieldModel, next: PaletteKind): FieldModel {
  if (!isEditable(field)) return field;
  const fresh = fieldTemplate(next, String(field.schema.title ?? fieldKindLabels[next]));
  const schema: JsonSchema = { ...fresh.schema, ...pick(field.schema, keptSchemaKeys) };
  const ui: UiSchema = { ...fresh.ui, ...pick(field.ui, keptUiKeys) };
  const keepsChildren = containerKinds.has(next) && containerKinds.has(field.kind);
  return { ...field, kind: next, schema, ui, children: keepsChildren ? field.children : [], source: keepsChildren ? field.source : undefined };
}
