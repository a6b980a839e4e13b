/**
 * Items the parent and a variant added independently under the same id. Ids of materials, forms,
 * fields, steps and connections are names the designer chose ("next free m<N>" in versions made
 * before the variant's ids carried the office), so the parent's new `material/m3` and the
 * variant's own `material/m3` may be two different items that met by chance. Such a meeting is
 * no conflict: the variant's item gets a new id (with every reference to it in the variant) and
 * both are kept. Items that are the same thing (same name, same kind; same ends for a
 * connection) stay one item: the rebase reports them as added on both sides. Pure.
 */
import type { FlowEdge, FlowNode, FormDefinition, ServiceDefinition } from "../schema";
import { isObject } from "../json";
import { definitionItems, fieldKey, kindOfKey, sameValue, type FieldValue, type Item, type ItemKind } from "./items";
import { applyOverlay, overlayOf, type VariantOverlay } from "./overlay";

export interface RenamedItem {
  /** The variant's item key before (the parent's item has it now) … */
  from: string;
  /** … and after. */
  to: string;
  label: string;
}

/** Kinds keyed by a chosen id rather than by what they say; in the order they are separated (a form before its fields, a step before its connections). */
const idKinds: ItemKind[] = ["form", "node", "material", "edge", "field"];

const text = (value: unknown, key: string): unknown => (isObject(value) ? value[key] : undefined);

/** Whether two values under one key are different items (not one item both sides added). */
function differentItems(kind: ItemKind, mine: unknown, theirs: unknown): boolean {
  switch (kind) {
    case "material":
      return String(text(mine, "name") ?? "").trim() !== String(text(theirs, "name") ?? "").trim();
    case "form":
      return String(text(mine, "title") ?? "").trim() !== String(text(theirs, "title") ?? "").trim();
    case "node":
      return text(mine, "type") !== text(theirs, "type") || String(text(mine, "label") ?? "").trim() !== String(text(theirs, "label") ?? "").trim();
    case "edge":
      return text(mine, "from") !== text(theirs, "from") || text(mine, "to") !== text(theirs, "to");
    case "field": {
      const a = (mine as FieldValue).schema;
      const b = (theirs as FieldValue).schema;
      return text(a, "title") !== text(b, "title") || text(a, "type") !== text(b, "type");
    }
    default:
      return false;
  }
}

/** The variant's items that collide with a different item the parent added since. */
function collisions(before: Map<string, Item>, after: Map<string, Item>, mine: Iterable<[string, unknown]>): string[] {
  const out: string[] = [];
  for (const [key, value] of mine) {
    if (before.has(key)) continue;
    const theirs = after.get(key);
    if (!theirs || sameValue(value, theirs.value)) continue;
    const kind = kindOfKey(key);
    if (idKinds.includes(kind) && differentItems(kind, value, theirs.value)) out.push(key);
  }
  return out.sort((a, b) => idKinds.indexOf(kindOfKey(a)) - idKinds.indexOf(kindOfKey(b)));
}

/** `<id>_local`, else `<id>_local2` … : free in every one of `taken`. */
function freshId(id: string, taken: Set<string>): string {
  for (let n = 1; ; n++) {
    const candidate = `${id}_local${n === 1 ? "" : n}`;
    if (!taken.has(candidate)) return candidate;
  }
}

const renameLock = (locks: string[], from: string, to: string) => locks.map((key) => (key === from ? to : key.startsWith(`${from}/`) ? `${to}${key.slice(from.length)}` : key));

/** Rewrites JSON Logic `var` paths that start with `from` (whole segments) to start with `to`. */
function renameVar(logic: unknown, from: string, to: string): unknown {
  if (Array.isArray(logic)) return logic.map((item) => renameVar(item, from, to));
  if (!isObject(logic)) return logic;
  return Object.fromEntries(
    Object.entries(logic).map(([key, value]) => {
      if (key !== "var") return [key, renameVar(value, from, to)];
      const rename = (path: unknown) => (typeof path === "string" && (path === from || path.startsWith(`${from}.`)) ? `${to}${path.slice(from.length)}` : path);
      return [key, Array.isArray(value) ? [rename(value[0]), ...value.slice(1).map((v) => renameVar(v, from, to))] : rename(value)];
    }),
  );
}

const renameEdgesVar = (edges: FlowEdge[], from: string, to: string): FlowEdge[] =>
  edges.map((e) => (e.condition !== undefined && typeof e.condition === "object" ? { ...e, condition: renameVar(e.condition, from, to) as FlowEdge["condition"] } : e));

const pointerSegment = (name: string) => name.replace(/~/g, "~0").replace(/\//g, "~1");

/** The definition with one item's id changed and every reference to it with it. */
function renameItem(def: ServiceDefinition, key: string, id: string): ServiceDefinition {
  const kind = kindOfKey(key);
  const locks = (to: string) => renameLock(def.locks ?? [], key, to);
  if (kind === "material") {
    const from = key.slice("material/".length);
    return { ...def, materials: def.materials.map((m) => (m.id === from ? { ...m, id } : m)), locks: locks(`material/${id}`) };
  }
  if (kind === "node") {
    const from = key.slice("node/".length);
    return {
      ...def,
      flow: {
        ...def.flow,
        nodes: def.flow.nodes.map((n): FlowNode => (n.id === from ? { ...n, id } : n)),
        edges: def.flow.edges.map((e) => (e.from === from || e.to === from ? { ...e, from: e.from === from ? id : e.from, to: e.to === from ? id : e.to } : e)),
      },
      locks: locks(`node/${id}`),
    };
  }
  if (kind === "edge") {
    const from = key.slice("edge/".length);
    return { ...def, flow: { ...def.flow, edges: def.flow.edges.map((e) => (e.id === from ? { ...e, id } : e)) }, locks: locks(`edge/${id}`) };
  }
  if (kind === "form") {
    const from = key.slice("form/".length);
    return {
      ...def,
      forms: def.forms.map((f) => (f.id === from ? { ...f, id } : f)),
      materials: def.materials.map((m) => ({
        ...m,
        formId: m.formId === from ? id : m.formId,
        ...(m.requiredWhen ? { requiredWhen: m.requiredWhen.form === from ? { ...m.requiredWhen, form: id } : m.requiredWhen } : {}),
      })),
      flow: {
        ...def.flow,
        nodes: def.flow.nodes.map((n) => (n.type === "task" && n.forms.some((f) => f.formId === from) ? { ...n, forms: n.forms.map((f) => (f.formId === from ? { ...f, formId: id } : f)) } : n)),
        edges: renameEdgesVar(def.flow.edges, `form.${from}`, `form.${id}`),
      },
      locks: locks(`form/${id}`),
    };
  }
  // A top-level field: its property, required entry, uiSchema entry and order; conditions on it and materials required by it.
  const [, formId, name] = /^form\/([^/]+)\/field\/(.+)$/.exec(key) ?? [];
  const renameField = (form: FormDefinition): FormDefinition => {
    if (form.id !== formId) return form;
    const schema = { ...form.schema };
    if (isObject(schema.properties)) schema.properties = Object.fromEntries(Object.entries(schema.properties).map(([k, v]) => [k === name ? id : k, v]));
    if (Array.isArray(schema.required)) schema.required = schema.required.map((r) => (r === name ? id : r));
    const ui: Record<string, unknown> = Object.fromEntries(Object.entries(form.uiSchema ?? {}).map(([k, v]) => [k === name ? id : k, v]));
    if (Array.isArray(ui["ui:order"])) ui["ui:order"] = ui["ui:order"].map((k) => (k === name ? id : k));
    return { ...form, schema, uiSchema: ui };
  };
  const pointer = `/${pointerSegment(name)}`;
  return {
    ...def,
    forms: def.forms.map(renameField),
    materials: def.materials.map((m) =>
      m.requiredWhen && m.requiredWhen.form === formId && (m.requiredWhen.path === pointer || m.requiredWhen.path.startsWith(`${pointer}/`))
        ? { ...m, requiredWhen: { ...m.requiredWhen, path: `/${pointerSegment(id)}${m.requiredWhen.path.slice(pointer.length)}` } }
        : m,
    ),
    flow: { ...def.flow, edges: renameEdgesVar(def.flow.edges, `form.${formId}.${name}`, `form.${formId}.${id}`) },
    locks: locks(fieldKey(formId, id)),
  };
}

/** The ids in use for items of `key`'s kind (for a field: in its form), in any of `defs`. */
function idsInUse(key: string, defs: ServiceDefinition[]): Set<string> {
  const kind = kindOfKey(key);
  const ids = new Set<string>();
  for (const def of defs) {
    if (kind === "material") def.materials.forEach((m) => ids.add(m.id));
    if (kind === "node") def.flow.nodes.forEach((n) => ids.add(n.id));
    if (kind === "edge") def.flow.edges.forEach((e) => ids.add(e.id));
    if (kind === "form") def.forms.forEach((f) => ids.add(f.id));
    if (kind === "field") {
      const formId = key.split("/")[1];
      const properties = text(def.forms.find((f) => f.id === formId)?.schema, "properties");
      if (isObject(properties)) Object.keys(properties).forEach((k) => ids.add(k));
    }
  }
  return ids;
}

/**
 * The overlay with each of the variant's own items that meets a different item the parent has
 * added under the same key moved to a fresh id; `renamed` says which (empty: the overlay as given).
 */
export function separateAddedTwice(parentBefore: ServiceDefinition, parentAfter: ServiceDefinition, overlay: VariantOverlay): { overlay: VariantOverlay; renamed: RenamedItem[] } {
  const before = definitionItems(parentBefore);
  const after = definitionItems(parentAfter);
  if (collisions(before, after, Object.entries(overlay.set)).length === 0) return { overlay, renamed: [] };
  let mine = applyOverlay(parentBefore, overlay);
  const renamed: RenamedItem[] = [];
  // One at a time: renaming a form moves its fields, renaming a step changes its connections.
  for (let round = 0; round < Object.keys(overlay.set).length; round++) {
    const items = definitionItems(mine);
    const [key] = collisions(before, after, [...items].map(([k, item]) => [k, item.value]));
    if (!key) break;
    const kind = kindOfKey(key);
    const oldId = kind === "field" ? key.slice(key.indexOf("/field/") + "/field/".length) : key.slice(key.indexOf("/") + 1);
    const id = freshId(oldId, idsInUse(key, [parentBefore, parentAfter, mine]));
    mine = renameItem(mine, key, id);
    const to = kind === "field" ? `${key.slice(0, key.length - oldId.length)}${id}` : `${kind}/${id}`;
    renamed.push({ from: key, to, label: items.get(key)!.label });
  }
  return { overlay: overlayOf(parentBefore, mine), renamed };
}
