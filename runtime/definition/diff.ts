/**
 * A readable difference between two versions of a service definition: the basic data, each
 * guide field, materials, flow nodes and edges, and form fields, as entries with the
 * subject's name, what changed, and the values before and after in words; plus the flow's
 * node and edge ids by kind of change, to colour the canvas. Pure.
 */
import type { FlowEdge, FlowNode, FormDefinition, Material, ServiceDefinition } from "@/runtime/definition/schema";
import { formFieldList } from "./formFieldList";
import { caseTypeLabels, definitionFieldLabels, guideFieldLabels, levelLabels, nodeTypeLabels, outcomeLabels, taskRoleLabels } from "./labels";
import type { LintArea } from "./lint";
import { isObject } from "./json";

export type ChangeKind = "added" | "removed" | "changed";

export interface DiffEntry {
  area: LintArea;
  kind: ChangeKind;
  /** What changed, named for people: 环节“受理”, 材料“居民身份证”, 表单“登记表”字段“姓名”. */
  subject: string;
  /** The attribute that changed (for `changed`). */
  attribute?: string;
  before?: string;
  after?: string;
  nodeId?: string;
  edgeId?: string;
  formId?: string;
  materialId?: string;
}

export interface DefinitionDiff {
  entries: DiffEntry[];
  /** Flow nodes by change; `moved` when only the position changed. */
  nodes: Record<string, ChangeKind | "moved">;
  edges: Record<string, ChangeKind>;
}

/** JSON with sorted keys, for comparing values whatever their key order. */
export function stableJson(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    isObject(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  ) ?? "";
}

const same = (a: unknown, b: unknown) => stableJson(a) === stableJson(b);

function words(value: unknown): string {
  if (value === undefined || value === null || value === "") return "（空）";
  if (typeof value === "boolean") return value ? "是" : "否";
  if (typeof value === "string" || typeof value === "number") return String(value);
  if (Array.isArray(value)) return value.length === 0 ? "（空）" : value.map(words).join("；");
  return stableJson(value);
}

/** A coded value in words, from one of the label maps. */
const wordFor = (labels: Record<string, string>, value: unknown) => labels[String(value)] ?? words(value);

// ------------------------------------------------------------------ names of flow parts

/**
 * The words for what a flow refers to by id: steps by their labels, a step's actions as
 * 「审核：通过」, edges as 「受理 → 审核」, forms by their titles. Looked up in `defs` in order (the
 * side being shown first, then the other side of the comparison, which names a step it removed or
 * added); an id no definition knows stays as it is. The one place every diff view (版本比较,
 * 本地差异, 本地版本概览, 有新版本) names them.
 */
export interface FlowNames {
  step(id: string): string;
  /** The action's label alone (「通过」). */
  actionLabel(stepId: string, actionId: string): string;
  /** The action with its step: 「审核：通过」. */
  action(stepId: string, actionId: string): string;
  /** 「受理 → 审核」, with the edge's own name, its action and whether it is the default exit: 「审核 → 办结（操作：通过）」. */
  edge(edge: Pick<FlowEdge, "from" | "to" | "action" | "label" | "isDefault">): string;
  form(id: string): string;
}

export function flowNames(...defs: Pick<ServiceDefinition, "flow" | "forms">[]): FlowNames {
  const nodeOf = (id: string) => {
    for (const def of defs) {
      const node = def.flow.nodes.find((n) => n.id === id);
      if (node) return node;
    }
    return undefined;
  };
  const step = (id: string) => nodeOf(id)?.label ?? id;
  const actionLabel = (stepId: string, actionId: string) => {
    for (const def of defs) {
      const node = def.flow.nodes.find((n) => n.id === stepId);
      const action = node?.type === "task" ? node.actions.find((a) => a.id === actionId) : undefined;
      if (action) return action.label;
    }
    return actionId;
  };
  return {
    step,
    actionLabel,
    action: (stepId, actionId) => `${step(stepId)}：${actionLabel(stepId, actionId)}`,
    edge: (edge) => {
      const action = edge.action ? actionLabel(edge.from, edge.action) : undefined;
      const notes = [edge.label, action && action !== edge.label ? `操作：${action}` : undefined, edge.isDefault ? "默认出口" : undefined].filter(Boolean);
      return `${step(edge.from)} → ${step(edge.to)}${notes.length ? `（${notes.join("，")}）` : ""}`;
    },
    form: (id) => {
      for (const def of defs) {
        const form = def.forms.find((f) => f.id === id);
        if (form) return form.title;
      }
      return id;
    },
  };
}

// ------------------------------------------------------------------ guide

/** One guide item (or scalar) in words. */
function guideItemWords(key: string, item: unknown): string {
  if (!isObject(item)) {
    if (key === "levels") return wordFor(levelLabels, item);
    if (key === "caseType") return wordFor(caseTypeLabels, item);
    return words(item);
  }
  switch (key) {
    case "legalLimit":
    case "promisedLimit":
      return item.channel ? `${item.channel}：${item.text}` : String(item.text);
    case "fee":
      return String(item.text);
    case "legalBasis":
      return [item.title, item.docNo, item.clause].filter(Boolean).join(" ");
    case "preChecks":
      return `${item.check}${item.who ? `（${item.who}）` : ""}`;
    case "dataSharing":
      return String(item.need);
    case "risks":
      return `${item.step ? `${item.step}：` : ""}${item.risk}${item.control ? `；防控：${item.control}` : ""}`;
    case "operationNotes":
      return `${item.step}：${words(item.notes)}`;
    case "notes":
      return `${item.label}：${item.text}`;
    case "archive":
      return [item.text, words(item.types), item.retention, item.storage].filter((s) => s && s !== "（空）").join("；");
    default:
      return stableJson(item);
  }
}

function diffGuide(before: Record<string, unknown>, after: Record<string, unknown>, out: DiffEntry[]): void {
  const keys = [...new Set([...Object.keys(guideFieldLabels), ...Object.keys(before), ...Object.keys(after)])];
  for (const key of keys) {
    const a = before[key];
    const b = after[key];
    if (same(a, b)) continue;
    const subject = `办事指南“${guideFieldLabels[key] ?? key}”`;
    if (Array.isArray(a) || Array.isArray(b)) {
      const was = (Array.isArray(a) ? a : []).map((i) => guideItemWords(key, i));
      const now = (Array.isArray(b) ? b : []).map((i) => guideItemWords(key, i));
      const removed = was.filter((w) => !now.includes(w));
      const added = now.filter((w) => !was.includes(w));
      for (const w of removed) out.push({ area: "guide", kind: "removed", subject, before: w });
      for (const w of added) out.push({ area: "guide", kind: "added", subject, after: w });
      if (removed.length === 0 && added.length === 0) out.push({ area: "guide", kind: "changed", subject, attribute: "顺序", before: was.join("；"), after: now.join("；") });
    } else {
      out.push({ area: "guide", kind: "changed", subject, before: guideItemWords(key, a), after: guideItemWords(key, b) });
    }
  }
}

// ------------------------------------------------------------------ keyed lists

/** Attribute-by-attribute changes of two versions of one item. */
function attributeChanges<T extends object>(
  a: T,
  b: T,
  labels: Record<string, string>,
  describe: (key: string, value: unknown, side: "before" | "after") => string,
  ignore: readonly string[] = [],
): { attribute: string; before: string; after: string }[] {
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].filter((k) => !ignore.includes(k));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  return keys
    .filter((k) => !same(ra[k], rb[k]))
    .map((k) => ({ attribute: labels[k] ?? k, before: describe(k, ra[k], "before"), after: describe(k, rb[k], "after") }));
}

function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  return new Map(items.map((item) => [item.id, item]));
}

const materialLabels: Record<string, string> = {
  name: "名称",
  source: "来源渠道",
  kind: "材料类型",
  copies: "份数",
  medium: "材料形式",
  required: "是否必要",
  requirementText: "必要性说明",
  keepPaper: "留存纸质件",
  obtainableBySharing: "可通过共享获取",
  commitmentAllowed: "适用告知承诺制",
  scenario: "适用情形",
  formId: "关联表单",
  note: "备注",
};

function diffMaterials(before: readonly Material[], after: readonly Material[], out: DiffEntry[]): void {
  const was = byId(before);
  const now = byId(after);
  for (const m of before) if (!now.has(m.id)) out.push({ area: "materials", kind: "removed", subject: `材料“${m.name}”`, materialId: m.id });
  for (const m of after) {
    const old = was.get(m.id);
    if (!old) {
      out.push({ area: "materials", kind: "added", subject: `材料“${m.name}”`, materialId: m.id });
      continue;
    }
    for (const change of attributeChanges(old, m, materialLabels, (_k, v) => words(v))) {
      out.push({ area: "materials", kind: "changed", subject: `材料“${m.name}”`, materialId: m.id, ...change });
    }
  }
  const common = (list: readonly Material[], other: Map<string, Material>) => list.filter((m) => other.has(m.id)).map((m) => m.id);
  if (common(before, now).join() !== common(after, was).join()) {
    out.push({ area: "materials", kind: "changed", subject: "材料清单", attribute: "顺序", before: before.map((m) => m.name).join("、"), after: after.map((m) => m.name).join("、") });
  }
}

const nodeLabels: Record<string, string> = {
  id: "编号",
  label: "名称",
  type: "类型",
  role: "办理角色",
  actions: "操作",
  forms: "表单",
  sla: "办理时限",
  pausable: "允许中止",
  separateFromPrevious: "与上一环节不同人办理",
  clockStops: "暂停计时",
  publicNotice: "公示",
  checkpoints: "审核要点",
  outcome: "办理结果",
  source: "来源行",
};

function nodeValueWords(key: string, value: unknown, names: FlowNames): string {
  switch (key) {
    case "role":
      return wordFor(taskRoleLabels, value);
    case "type":
      return wordFor(nodeTypeLabels, value);
    case "outcome":
      return wordFor(outcomeLabels, value);
    case "actions":
      return Array.isArray(value) ? value.map((a: { label: string; id: string }) => `${a.label}（${a.id}）`).join("、") || "（无）" : words(value);
    case "forms":
      return Array.isArray(value)
        ? value.map((f: { formId: string; mode: string }) => `${names.form(f.formId)}（${f.mode === "edit" ? "填写" : "查看"}）`).join("、") || "（无）"
        : words(value);
    case "sla":
      return isObject(value) ? `${value.days}${value.unit === "workday" ? "个工作日" : "天"}` : "（无）";
    case "source":
      return isObject(value) ? `第${value.first}–${value.last}行` : "（无）";
    default:
      return words(value);
  }
}

function nodeName(node: FlowNode): string {
  return `${node.type === "gateway" ? "判断" : node.type === "end" ? "结束" : node.type === "start" ? "开始" : "环节"}“${node.label}”`;
}

function diffNodes(before: readonly FlowNode[], after: readonly FlowNode[], names: FlowNames, out: DiffEntry[], marks: DefinitionDiff["nodes"]): void {
  const was = byId(before);
  const now = byId(after);
  for (const n of before) {
    if (now.has(n.id)) continue;
    marks[n.id] = "removed";
    out.push({ area: "flow", kind: "removed", subject: nodeName(n), nodeId: n.id });
  }
  for (const n of after) {
    const old = was.get(n.id);
    if (!old) {
      marks[n.id] = "added";
      out.push({ area: "flow", kind: "added", subject: nodeName(n), nodeId: n.id });
      continue;
    }
    const changes = attributeChanges(old, n, nodeLabels, (key, value) => nodeValueWords(key, value, names), ["position"]);
    for (const change of changes) out.push({ area: "flow", kind: "changed", subject: nodeName(n), nodeId: n.id, ...change });
    if (changes.length > 0) marks[n.id] = "changed";
    else if (!same(old.position, n.position)) marks[n.id] = "moved";
  }
}

const edgeLabels: Record<string, string> = {
  from: "起点",
  to: "终点",
  action: "对应操作",
  condition: "条件",
  isDefault: "默认出口",
  label: "名称",
};

function edgeName(edge: FlowEdge, names: FlowNames): string {
  return `连线“${names.step(edge.from)} → ${names.step(edge.to)}”${edge.label ? `（${edge.label}）` : ""}`;
}

function diffEdges(before: ServiceDefinition, after: ServiceDefinition, out: DiffEntry[], marks: DefinitionDiff["edges"]): void {
  const was = byId(before.flow.edges);
  const now = byId(after.flow.edges);
  // Each side named from its own version first: a removed edge from the old one, the rest from the new.
  const oldNames = flowNames(before, after);
  const newNames = flowNames(after, before);
  for (const e of before.flow.edges) {
    if (now.has(e.id)) continue;
    marks[e.id] = "removed";
    out.push({ area: "flow", kind: "removed", subject: edgeName(e, oldNames), edgeId: e.id });
  }
  for (const e of after.flow.edges) {
    const old = was.get(e.id);
    if (!old) {
      marks[e.id] = "added";
      out.push({ area: "flow", kind: "added", subject: edgeName(e, newNames), edgeId: e.id });
      continue;
    }
    const describe = (names: FlowNames, edge: FlowEdge) => (key: string, value: unknown) => {
      if (value === undefined) return key === "condition" || key === "action" ? "（无）" : words(value);
      if (key === "from" || key === "to") return names.step(String(value));
      if (key === "action") return names.action(edge.from, String(value));
      if (key === "condition") return stableJson(value);
      return words(value);
    };
    const changes = attributeChanges(old, e, edgeLabels, (key, value, side) => (side === "before" ? describe(oldNames, old) : describe(newNames, e))(key, value));
    for (const change of changes) out.push({ area: "flow", kind: "changed", subject: edgeName(e, newNames), edgeId: e.id, ...change });
    if (changes.length > 0) marks[e.id] = "changed";
  }
}

// ------------------------------------------------------------------ forms

const fieldLabels: Record<string, string> = {
  title: "标题",
  type: "类型",
  format: "格式",
  description: "说明",
  enum: "选项",
  items: "选项或列",
  default: "默认值",
  minimum: "最小值",
  maximum: "最大值",
  minLength: "最少字数",
  maxLength: "最多字数",
  minItems: "最少行数",
  maxItems: "最多行数",
  pattern: "格式规则",
  errorMessage: "格式提示",
  required: "必填",
  conditional: "显示条件",
  ui: "显示设置",
};

interface FieldSnapshot {
  title: string;
  values: Record<string, unknown>;
}

/** The fields of a form (and of its tables' rows) with what the diff compares. */
function fieldSnapshots(form: FormDefinition): Map<string, FieldSnapshot> {
  const out = new Map<string, FieldSnapshot>();
  const ui = isObject(form.uiSchema) ? form.uiSchema : {};
  const uiAt = (path: string[]) => path.reduce<unknown>((node, key) => (isObject(node) ? node[key] : undefined), ui);
  const visit = (schema: Record<string, unknown>, prefix: string[], titlePrefix: string) => {
    for (const field of formFieldList(schema)) {
      const path = [...prefix, ...field.path.split(".")];
      const { properties: _p, required: _r, allOf: _a, items, ...own } = field.schema;
      const rowSchema = isObject(items) && items.type === "object" ? items : null;
      const fieldUi = uiAt(path);
      const ownUi = isObject(fieldUi) ? Object.fromEntries(Object.entries(fieldUi).filter(([k]) => k.startsWith("ui:"))) : {};
      out.set(path.join("."), {
        title: `${titlePrefix}${field.title}`,
        values: { ...own, ...(rowSchema || items === undefined ? {} : { items }), required: field.required, conditional: field.conditional, ui: ownUi },
      });
      if (rowSchema) visit(rowSchema, [...path, "items"], `${titlePrefix}${field.title}·`);
    }
  };
  visit(form.schema, [], "");
  return out;
}

function diffForms(before: readonly FormDefinition[], after: readonly FormDefinition[], out: DiffEntry[]): void {
  const was = byId(before);
  const now = byId(after);
  for (const f of before) if (!now.has(f.id)) out.push({ area: "forms", kind: "removed", subject: `表单“${f.title}”`, formId: f.id });
  for (const f of after) {
    const old = was.get(f.id);
    if (!old) {
      out.push({ area: "forms", kind: "added", subject: `表单“${f.title}”`, formId: f.id });
      continue;
    }
    if (old.title !== f.title) out.push({ area: "forms", kind: "changed", subject: `表单“${f.title}”`, formId: f.id, attribute: "标题", before: old.title, after: f.title });
    const oldFields = fieldSnapshots(old);
    const newFields = fieldSnapshots(f);
    for (const [path, field] of oldFields) {
      if (!newFields.has(path)) out.push({ area: "forms", kind: "removed", subject: `表单“${f.title}”字段“${field.title}”`, formId: f.id, before: path });
    }
    for (const [path, field] of newFields) {
      const prior = oldFields.get(path);
      const subject = `表单“${f.title}”字段“${field.title}”`;
      if (!prior) {
        out.push({ area: "forms", kind: "added", subject, formId: f.id, after: path });
        continue;
      }
      for (const change of attributeChanges(prior.values, field.values, fieldLabels, (_k, v) => words(v))) {
        out.push({ area: "forms", kind: "changed", subject, formId: f.id, ...change });
      }
    }
    const order = (def: FormDefinition) => stableJson((def.uiSchema as Record<string, unknown>)["ui:order"] ?? Object.keys((def.schema.properties as object) ?? {}));
    if (order(old) !== order(f)) out.push({ area: "forms", kind: "changed", subject: `表单“${f.title}”`, formId: f.id, attribute: "字段顺序" });
  }
}

// ------------------------------------------------------------------ all

export function diffDefinitions(before: ServiceDefinition, after: ServiceDefinition): DefinitionDiff {
  const entries: DiffEntry[] = [];
  const basic = (d: ServiceDefinition) => ({ title: d.title, summary: d.summary, part: d.group.part, category: d.group.category });
  for (const change of attributeChanges(basic(before), basic(after), definitionFieldLabels, (_k, v) => words(v))) {
    entries.push({ area: "basic", kind: "changed", subject: "基本信息", ...change });
  }
  diffGuide(before.guide as Record<string, unknown>, after.guide as Record<string, unknown>, entries);
  diffMaterials(before.materials, after.materials, entries);
  const nodes: DefinitionDiff["nodes"] = {};
  const edges: DefinitionDiff["edges"] = {};
  diffNodes(before.flow.nodes, after.flow.nodes, flowNames(after, before), entries, nodes);
  diffEdges(before, after, entries, edges);
  diffForms(before.forms, after.forms, entries);
  return { entries, nodes, edges };
}
