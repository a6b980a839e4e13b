/**
 * A service definition as addressable items, the unit a local variant overrides, a template
 * locks and a rebase merges. Keys are stable across versions (ids, names), never positions:
 *
 * | key | item |
 * | --- | --- |
 * | `summary` | 事项概述 |
 * | `guide.<field>` | one guide field (everything but the legal basis and the headed notes) |
 * | `legalBasis/<title｜docNo｜clause>` | one legal-basis entry |
 * | `note/<label>` | one headed note (服务时间, 咨询电话 …) |
 * | `material/<id>` | one material |
 * | `form/<formId>` | a form without its top-level fields (title, other schema keywords, ui options) |
 * | `form/<formId>/field/<name>` | one top-level field: its schema, its uiSchema entry, whether required |
 * | `node/<id>`, `edge/<id>` | one flow step or connection |
 * | `document/<kind>` | one formal document's text (受理通知书, 认定工伤决定书 …) |
 *
 * `composeDefinition(frame, items)` is the inverse: the frame (the parent) gives identity and
 * order, items present are placed in the frame's order, new ones after. Pure.
 */
import type { DocumentTemplate, FlowEdge, FlowNode, FormDefinition, Material, ServiceDefinition, TimeLimit } from "../schema";
import { guideFieldLabels } from "../labels";
import { flowNames, stableJson } from "../diff";
import { limitWords } from "../timeLimits";
import { isObject } from "@/runtime/definition/json";

export type ItemKind = "summary" | "guide" | "legalBasis" | "note" | "material" | "form" | "field" | "node" | "edge" | "document";

export interface Item {
  key: string;
  kind: ItemKind;
  /** The item named for people: 「材料：居民身份证」. */
  label: string;
  value: unknown;
}

/** A top-level form field as one item. */
export interface FieldValue {
  schema: unknown;
  ui?: unknown;
  required: boolean;
}

type Guide = ServiceDefinition["guide"];
type LegalBasisEntry = Guide["legalBasis"][number];
type Note = Guide["notes"][number];

/** Guide fields that are items of their own; `legalBasis` and `notes` are split into entries. */
const splitGuideFields = new Set(["legalBasis", "notes"]);

export const sameValue = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

export function kindOfKey(key: string): ItemKind {
  if (key === "summary") return "summary";
  if (key.startsWith("guide.")) return "guide";
  if (key.startsWith("legalBasis/")) return "legalBasis";
  if (key.startsWith("note/")) return "note";
  if (key.startsWith("material/")) return "material";
  if (key.startsWith("form/")) return key.includes("/field/") ? "field" : "form";
  if (key.startsWith("node/")) return "node";
  if (key.startsWith("edge/")) return "edge";
  if (key.startsWith("document/")) return "document";
  throw new Error(`未知的事项要素：${key}`);
}

/** Keys of legal-basis entries: by what they cite, numbered when two cite the same. */
function legalBasisKeys(entries: LegalBasisEntry[]): string[] {
  const seen = new Map<string, number>();
  return entries.map((e) => {
    const base = `legalBasis/${[e.title.slice(0, 120), (e.docNo ?? "").slice(0, 60), (e.clause ?? "").slice(0, 40)].join("｜")}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

function noteKeys(notes: Note[]): string[] {
  const seen = new Map<string, number>();
  return notes.map((note) => {
    const base = `note/${note.label}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

/** A form split into its frame and its top-level fields. */
function splitForm(form: FormDefinition): { frame: FormDefinition; fields: [string, FieldValue][] } {
  const schema = form.schema as Record<string, unknown>;
  const properties = isObject(schema.properties) ? schema.properties : {};
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  const ui = (form.uiSchema ?? {}) as Record<string, unknown>;
  const names = Object.keys(properties);
  const fields = names.map((name): [string, FieldValue] => {
    const field: FieldValue = { schema: properties[name], required: required.has(name) };
    if (name in ui) field.ui = ui[name];
    return [name, field];
  });
  const restSchema: Record<string, unknown> = { ...schema };
  delete restSchema.properties;
  delete restSchema.required;
  // Required names that are not fields (rare) stay with the frame.
  const orphanRequired = [...required].filter((r) => !(r in properties));
  if (orphanRequired.length) restSchema.required = orphanRequired;
  if ("properties" in schema) restSchema.properties = {};
  const restUi = Object.fromEntries(Object.entries(ui).filter(([k]) => !(names.includes(k))));
  return { frame: { ...form, schema: restSchema, uiSchema: restUi }, fields };
}

function joinForm(frame: FormDefinition, fields: [string, FieldValue][], hadRequired: boolean): FormDefinition {
  const schema: Record<string, unknown> = { ...(frame.schema as Record<string, unknown>) };
  const properties: Record<string, unknown> = {};
  const ui: Record<string, unknown> = { ...(frame.uiSchema ?? {}) };
  const required = Array.isArray(schema.required) ? [...(schema.required as string[])] : [];
  for (const [name, field] of fields) {
    properties[name] = field.schema;
    if (field.ui !== undefined) ui[name] = field.ui;
    if (field.required) required.push(name);
  }
  if (fields.length || "properties" in schema) schema.properties = properties;
  if (required.length || hadRequired) schema.required = required;
  else delete schema.required;
  return { ...frame, schema, uiSchema: ui };
}

export const fieldKey = (formId: string, name: string) => `form/${formId}/field/${name}`;

/** The items of a definition, in its order. */
export function definitionItems(def: ServiceDefinition): Map<string, Item> {
  const items = new Map<string, Item>();
  const add = (key: string, kind: ItemKind, label: string, value: unknown) => items.set(key, { key, kind, label, value });
  add("summary", "summary", "事项概述", def.summary);
  for (const [field, value] of Object.entries(def.guide)) {
    if (splitGuideFields.has(field)) continue;
    add(`guide.${field}`, "guide", `办事指南：${guideFieldLabels[field] ?? field}`, value);
  }
  const lbKeys = legalBasisKeys(def.guide.legalBasis);
  def.guide.legalBasis.forEach((entry, i) => add(lbKeys[i], "legalBasis", `设定依据：${entry.title}${entry.clause ? ` ${entry.clause}` : ""}`, entry));
  const nKeys = noteKeys(def.guide.notes ?? []);
  (def.guide.notes ?? []).forEach((note, i) => add(nKeys[i], "note", `办事指南：${note.label}`, note));
  for (const m of def.materials) add(`material/${m.id}`, "material", `材料：${m.name}`, m);
  for (const form of def.forms) {
    const { frame, fields } = splitForm(form);
    add(`form/${form.id}`, "form", `表单：${form.title}`, frame);
    for (const [name, field] of fields) {
      const title = isObject(field.schema) && typeof field.schema.title === "string" ? field.schema.title : name;
      add(fieldKey(form.id, name), "field", `表单「${form.title}」字段：${title}`, field);
    }
  }
  for (const node of def.flow.nodes) add(`node/${node.id}`, "node", `流程环节：${node.label}`, node);
  for (const edge of def.flow.edges) add(`edge/${edge.id}`, "edge", `流程连线：${edgeLabel(def, edge)}`, edge);
  for (const doc of def.documents ?? []) add(`document/${doc.kind}`, "document", `文书：${doc.title}`, doc);
  return items;
}

function edgeLabel(def: ServiceDefinition, edge: FlowEdge): string {
  const name = flowNames(def).step;
  return `${name(edge.from)} → ${name(edge.to)}${edge.label ? `（${edge.label}）` : ""}`;
}

/** Placed in `order` first (where present in `values`), then the rest in their own order. */
function ordered<T>(order: string[], values: Map<string, T>): [string, T][] {
  const out: [string, T][] = [];
  for (const key of order) if (values.has(key)) out.push([key, values.get(key) as T]);
  for (const [key, value] of values) if (!order.includes(key)) out.push([key, value]);
  return out;
}

/**
 * A definition from items: identity (code, title, group, source, appendices, schema version,
 * flow derivation) and the order of items come from `frame`; `items` gives every item's value
 * (an item missing from `items` is absent from the result).
 */
export function composeDefinition(frame: ServiceDefinition, items: Map<string, unknown>): ServiceDefinition {
  const frameItems = [...definitionItems(frame).keys()];
  const byKind = (kind: ItemKind) => new Map([...items].filter(([key]) => kindOfKey(key) === kind));
  const frameOrder = (kind: ItemKind) => frameItems.filter((key) => kindOfKey(key) === kind);

  const guide: Record<string, unknown> = {};
  for (const [key, value] of ordered(frameOrder("guide"), byKind("guide"))) guide[key.slice("guide.".length)] = value;
  guide.legalBasis = ordered(frameOrder("legalBasis"), byKind("legalBasis")).map(([, v]) => v as LegalBasisEntry);
  guide.notes = ordered(frameOrder("note"), byKind("note")).map(([, v]) => v as Note);
  // Keep the guide's field order as the frame has it.
  const guideOrdered: Record<string, unknown> = {};
  for (const field of Object.keys(frame.guide)) if (field in guide) guideOrdered[field] = guide[field];
  for (const [field, value] of Object.entries(guide)) if (!(field in guideOrdered)) guideOrdered[field] = value;

  const materials = ordered(frameOrder("material"), byKind("material")).map(([, v]) => v as Material);

  const fieldItems = byKind("field");
  const frameForms = new Map(frame.forms.map((f) => [f.id, f]));
  const forms = ordered(frameOrder("form"), byKind("form")).map(([key, value]) => {
    const formId = key.slice("form/".length);
    const prefix = `form/${formId}/field/`;
    const fields = new Map([...fieldItems].filter(([k]) => k.startsWith(prefix)).map(([k, v]) => [k.slice(prefix.length), v as FieldValue]));
    const frameForm = frameForms.get(formId);
    const frameFields = frameForm ? splitForm(frameForm).fields.map(([name]) => name) : [];
    const hadRequired = frameForm ? Array.isArray((frameForm.schema as Record<string, unknown>).required) : false;
    return joinForm(value as FormDefinition, ordered(frameFields, fields), hadRequired);
  });

  const nodes = ordered(frameOrder("node"), byKind("node")).map(([, v]) => v as FlowNode);
  const edges = ordered(frameOrder("edge"), byKind("edge")).map(([, v]) => v as FlowEdge);

  const documents = ordered(frameOrder("document"), byKind("document")).map(([, v]) => v as DocumentTemplate);

  return {
    ...frame,
    ...(documents.length > 0 || frame.documents ? { documents } : {}),
    summary: (items.has("summary") ? items.get("summary") : frame.summary) as string,
    guide: guideOrdered as Guide,
    materials,
    forms,
    flow: { ...frame.flow, nodes, edges },
  };
}

/** The item's name for people, from whichever definition has it. */
export function itemLabel(key: string, ...defs: ServiceDefinition[]): string {
  for (const def of defs) {
    const item = definitionItems(def).get(key);
    if (item) return item.label;
  }
  return key;
}

/** A limit as written, with its parsed length when the wording does not state it: 「3个工作日（自受理之日起）」. */
function limitText(l: TimeLimit): string {
  const words = limitWords(l);
  const compact = (text: string) => text.replace(/\s+/g, "");
  const text = !l.text || compact(l.text) === compact(words) ? words : compact(l.text).includes(compact(words)) ? l.text : `${l.text}（${words}）`;
  return `${text}${l.channel && !text.includes(l.channel) ? `（${l.channel}）` : ""}`;
}

const clip = (text: string, max = 160) => (text.length > max ? `${text.slice(0, max)}…` : text);

/**
 * An item's value in a line of words, for the comparisons of a local variant with its parent
 * (本地差异, the marks beside the editors, 本地版本概览, 有新版本): steps, actions and forms an item
 * refers to are named by their labels (`flowNames`), looked up in `defs` in order — the
 * definition the value comes from first, then the other side's, which knows a step the one side
 * added or removed. Pure.
 */
export function itemValueWords(key: string, value: unknown, ...defs: ServiceDefinition[]): string {
  if (value === undefined) return "（无）";
  if (value === null || value === "") return "（空）";
  if (typeof value === "string") return clip(value);
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  const kind = kindOfKey(key);
  if ((key === "guide.promisedLimit" || key === "guide.legalLimit") && Array.isArray(value)) {
    return value.length ? (value as TimeLimit[]).map(limitText).join("；") : "（未规定）";
  }
  if (Array.isArray(value)) return value.length ? clip(value.map((v) => (typeof v === "string" ? v : JSON.stringify(v))).join("；")) : "（空）";
  if (!isObject(value)) return clip(JSON.stringify(value));
  if (key === "guide.fee") return `${String(value.text ?? "")}${value.free ? "（不收费）" : ""}`;
  if (kind === "material") return `${String(value.name)}，${value.required ? "必要" : "非必要"}${value.source ? `，${String(value.source)}` : ""}${value.kind ? `，${String(value.kind)}` : ""}`;
  if (kind === "legalBasis") return clip(`${String(value.title)}${value.docNo ? ` ${String(value.docNo)}` : ""}${value.clause ? ` ${String(value.clause)}` : ""}`);
  if (kind === "note") return clip(`${String(value.label)}：${String(value.text)}`);
  if (kind === "field") {
    const schema = isObject(value.schema) ? value.schema : {};
    return `${String(schema.title ?? "")}${value.required ? "（必填）" : "（选填）"}`;
  }
  if (kind === "node") {
    const sla = isObject(value.sla) ? `，时限 ${limitWords({ text: "", days: Number(value.sla.days), unit: value.sla.unit === "day" ? "day" : "workday" })}` : "";
    return `${String(value.label ?? "")}${sla}`;
  }
  if (kind === "edge") {
    const edge = value as Partial<FlowEdge>;
    return clip(flowNames(...defs).edge({ from: String(edge.from), to: String(edge.to), action: edge.action, label: edge.label, isDefault: edge.isDefault }));
  }
  if (kind === "form") return String(value.title ?? "");
  return clip(JSON.stringify(value));
}
