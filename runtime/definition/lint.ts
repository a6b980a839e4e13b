/**
 * The checks a service definition must pass before it is published, in the designer as you
 * edit and on the server when publishing: the contract itself, the flow (the engine's
 * `validateFlow`: reachable, every path ends, decisions with a default, tasks with a role and
 * actions), forms that compile and exist where referenced, decision rules that read real
 * fields, materials with a place to hand them in (an upload at submission, or the form they are
 * filled in as, which must exist), and promised limits within the legal ones. Pure; tolerant of half-edited drafts (it reports, never throws).
 */
import "@/runtime/zod";
import { outcomeDocumentKind, unknownPlaceholders } from "./documents";
import { serviceDefinition, type ConnectorBindings, type Flow, type ServiceDefinition } from "@/runtime/definition/schema";
import { validateFlow } from "@/runtime/engine/validateFlow";
import { schemaProblem } from "@/runtime/forms/schemaCheck";
import { schemaDialect } from "@/runtime/forms/dialect";
import { schemaBoundProblems } from "@/runtime/forms/schemaBounds";
import { formFieldList } from "./formFieldList";
import { definitionFieldLabels, limitUnitLabels } from "./labels";
import { exceeds, legalLimitsFor } from "./timeLimits";
import { connectorById } from "./connectors";
import { limitTextDisagreement } from "./limitText";
import { isObject } from "./json";

export type LintArea = "basic" | "guide" | "materials" | "flow" | "forms" | "documents";

export interface LintProblem {
  code: string;
  area: LintArea;
  message: string;
  nodeId?: string;
  edgeId?: string;
  formId?: string;
  materialId?: string;
}

type Draft = Partial<ServiceDefinition> & Record<string, unknown>;

/**
 * Decision steps and document texts: an outcome is chosen with a passing action (approve /
 * complete), so a step offering outcomes needs one; outcome ids are unique per step and name one
 * meaning across the flow (its document is `outcome-<id>`); a step offers at least two outcomes;
 * a document text uses known placeholders only, and a kind once.
 */
function lintDecisions(draft: Draft, out: LintProblem[]): void {
  const nodes = Array.isArray(draft.flow?.nodes) ? draft.flow.nodes : [];
  const meaning = new Map<string, string>();
  for (const node of nodes) {
    if (node?.type !== "task" || !Array.isArray(node.outcomes) || node.outcomes.length === 0) continue;
    const where = `环节“${node.label}”（${node.id}）`;
    if (!node.actions?.some((a) => a.kind === "approve" || a.kind === "complete")) {
      out.push({ code: "OUTCOMES_WITHOUT_DECISION", area: "flow", nodeId: node.id, message: `${where}列出了决定结果，但没有“通过/办结”类操作来作出决定` });
    }
    if (node.outcomes.length < 2) out.push({ code: "OUTCOMES_TOO_FEW", area: "flow", nodeId: node.id, message: `${where}至少应有两个决定结果（如：认定 / 不予认定）` });
    const ids = new Set<string>();
    for (const outcome of node.outcomes) {
      if (ids.has(outcome.id)) out.push({ code: "OUTCOME_DUPLICATE", area: "flow", nodeId: node.id, message: `${where}的决定结果编码“${outcome.id}”重复` });
      ids.add(outcome.id);
      const before = meaning.get(outcome.id);
      if (before !== undefined && before !== outcome.label) {
        out.push({ code: "OUTCOME_CONFLICT", area: "flow", nodeId: node.id, message: `决定结果编码“${outcome.id}”在不同环节表示不同结果（“${before}”与“${outcome.label}”）` });
      }
      meaning.set(outcome.id, outcome.label);
    }
  }
  // 不予受理, 不予办理, 终止 and every unfavourable outcome tell the applicant how to challenge them (救济途径).
  const unfavourable = new Set(["refusal", "rejection", "termination"]);
  for (const node of nodes) {
    if (node?.type !== "task" || !Array.isArray(node.outcomes)) continue;
    for (const outcome of node.outcomes) if (outcome && outcome.favourable === false) unfavourable.add(outcomeDocumentKind(String(outcome.id)));
  }
  const kinds = new Set<string>();
  for (const doc of Array.isArray(draft.documents) ? draft.documents : []) {
    if (unfavourable.has(doc.kind) && !/行政复议|行政诉讼/.test(doc.rightsNotice ?? "")) {
      out.push({ code: "DOCUMENT_RIGHTS_NOTICE_MISSING", area: "documents", message: `文书《${doc.title}》须告知申请行政复议或者提起行政诉讼的途径和期限` });
    }
    if (kinds.has(doc.kind)) out.push({ code: "DOCUMENT_DUPLICATE", area: "documents", message: `文书“${doc.title}”（${doc.kind}）重复` });
    kinds.add(doc.kind);
    const unknown = unknownPlaceholders(`${doc.body ?? ""}\n${doc.rightsNotice ?? ""}`);
    if (unknown.length) out.push({ code: "DOCUMENT_PLACEHOLDER_UNKNOWN", area: "documents", message: `文书《${doc.title}》使用了无法识别的占位符：${unknown.map((u) => `{${u}}`).join("、")}` });
  }
}

const list = <T>(value: unknown): T[] => (Array.isArray(value) ? (value as T[]) : []);

const areaOf: Record<string, LintArea> = { guide: "guide", materials: "materials", forms: "forms", flow: "flow" };

function itemName(value: unknown, fallback: string): string {
  if (!isObject(value)) return fallback;
  const name = value.label ?? value.name ?? value.title;
  const id = typeof value.id === "string" ? value.id : "";
  return typeof name === "string" && name ? `“${name}”${id ? `（${id}）` : ""}` : id ? `“${id}”` : fallback;
}

function contractProblem(issue: { path: PropertyKey[]; message: string }, draft: Draft): LintProblem {
  const [top, second, index] = issue.path;
  const problem: LintProblem = { code: "CONTRACT", area: areaOf[String(top)] ?? "basic", message: "" };
  let where = definitionFieldLabels[String(top)] ?? String(top ?? "");
  if (top === "flow" && (second === "nodes" || second === "edges") && typeof index === "number") {
    const item = list<Record<string, unknown>>((draft.flow as Record<string, unknown> | undefined)?.[second])[index];
    where = `${second === "nodes" ? "流程节点" : "流程连线"}${itemName(item, `第${index + 1}个`)}`;
    if (second === "nodes" && typeof item?.id === "string") problem.nodeId = item.id;
    if (second === "edges" && typeof item?.id === "string") problem.edgeId = item.id;
  } else if ((top === "forms" || top === "materials") && typeof second === "number") {
    const item = list<Record<string, unknown>>(draft[top])[second];
    where = `${top === "forms" ? "表单" : "材料"}${itemName(item, `第${second + 1}个`)}`;
    if (typeof item?.id === "string") problem[top === "forms" ? "formId" : "materialId"] = item.id;
  }
  const rest = issue.path.slice(top === "flow" ? 3 : top === "forms" || top === "materials" ? 2 : 1).join(".");
  problem.message = `${where}${rest ? `（${rest}）` : ""}：${issue.message}`;
  return problem;
}

/** Check results by schema object: a draft keeps the objects of forms that did not change. */
const compiled = new WeakMap<object, string | null>();

/** Why a form schema is not usable, or null. */
function compileError(schema: Record<string, unknown>): string | null {
  const known = compiled.get(schema);
  if (known !== undefined) return known;
  const dialect = schemaDialect(schema);
  const error = dialect ? schemaProblem(schema, dialect) : `不支持的 $schema“${String(schema.$schema)}”（支持 draft-07 和 2020-12）`;
  compiled.set(schema, error);
  return error;
}

/**
 * Whether a form schema is an object: `"type": "object"`, or (as rjsf reads it) no `type` and
 * `properties` or a `$ref` — forms written for rjsf elsewhere often leave the type out.
 */
export function isObjectForm(schema: Record<string, unknown>): boolean {
  if (schema.type === "object") return true;
  return schema.type === undefined && (isObject(schema.properties) || typeof schema.$ref === "string");
}

function lintForms(draft: Draft, out: LintProblem[]): void {
  const seen = new Set<string>();
  for (const form of list<Record<string, unknown>>(draft.forms)) {
    const id = String(form.id ?? "");
    const name = itemName(form, "表单");
    if (seen.has(id)) out.push({ code: "DUPLICATE_FORM_ID", area: "forms", formId: id, message: `表单编号“${id}”重复` });
    seen.add(id);
    const schema = form.schema;
    if (!isObject(schema) || !isObjectForm(schema)) {
      out.push({ code: "FORM_NOT_OBJECT", area: "forms", formId: id, message: `表单${name}的 JSON Schema 顶层应为对象（"type": "object"）` });
      continue;
    }
    const error = compileError(schema);
    if (error) out.push({ code: "FORM_SCHEMA_INVALID", area: "forms", formId: id, message: `表单${name}的 JSON Schema 无效：${error}` });
    for (const message of schemaBoundProblems(schema)) out.push({ code: "FORM_SCHEMA_UNBOUNDED", area: "forms", formId: id, message: `表单${name}：${message}` });
    lintVisibility(id, name, schema, out);
  }
}

/** Fields shown on a condition must depend on a field that exists beside them. */
function lintVisibility(formId: string, formName: string, schema: Record<string, unknown>, out: LintProblem[]): void {
  const visit = (node: Record<string, unknown>) => {
    const properties = isObject(node.properties) ? node.properties : {};
    for (const entry of list<Record<string, unknown>>(node.allOf)) {
      const test = isObject(entry) && isObject(entry.if) && isObject(entry.if.properties) ? entry.if.properties : null;
      const then = isObject(entry) && isObject(entry.then) && isObject(entry.then.properties) ? entry.then.properties : {};
      for (const dep of Object.keys(test ?? {})) {
        if (dep in properties) continue;
        for (const key of Object.keys(then)) {
          out.push({ code: "VISIBILITY_UNKNOWN_FIELD", area: "forms", formId, message: `表单${formName}的字段“${key}”的显示条件引用了不存在的字段“${dep}”` });
        }
      }
      Object.values(then).filter(isObject).forEach(visit);
    }
    Object.values(properties).filter(isObject).forEach((child) => {
      visit(child);
      if (isObject(child.items)) visit(child.items);
    });
  };
  visit(schema);
}

/** Every `var` path a JSON Logic rule reads. */
export function variablesOf(logic: unknown): string[] {
  const found = new Set<string>();
  const walk = (node: unknown) => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (isObject(node)) {
      for (const [key, value] of Object.entries(node)) {
        const path = key === "var" ? (Array.isArray(value) ? value[0] : value) : undefined;
        if (typeof path === "string" && path) found.add(path);
        else walk(value);
      }
    }
  };
  walk(logic);
  return [...found];
}

function lintReferences(draft: Draft, flow: Flow, out: LintProblem[]): void {
  const forms = new Map(list<Record<string, unknown>>(draft.forms).map((f) => [String(f.id), f]));
  for (const node of flow.nodes) {
    if (node.type !== "task") continue;
    for (const ref of list<{ formId: string }>(node.forms)) {
      if (!forms.has(ref.formId)) {
        out.push({ code: "TASK_FORM_MISSING", area: "flow", nodeId: node.id, message: `环节“${node.label}”（${node.id}）引用的表单“${ref.formId}”不存在` });
      }
    }
  }
  const fieldsByForm = new Map<string, Set<string>>();
  const fieldsOf = (formId: string) => {
    let fields = fieldsByForm.get(formId);
    if (!fields) {
      const schema = forms.get(formId)?.schema;
      fields = new Set(isObject(schema) ? formFieldList(schema).map((f) => f.path) : []);
      fieldsByForm.set(formId, fields);
    }
    return fields;
  };
  for (const edge of flow.edges) {
    if (edge.condition === undefined || typeof edge.condition === "boolean") continue;
    for (const variable of variablesOf(edge.condition)) {
      const [scope, formId, ...rest] = variable.split(".");
      if (scope !== "form") continue;
      const name = edge.label ? `“${edge.label}”（${edge.id}）` : `“${edge.id}”`;
      if (!forms.has(formId)) {
        out.push({ code: "CONDITION_UNKNOWN_FORM", area: "flow", edgeId: edge.id, message: `连线${name}的条件引用了不存在的表单“${formId}”` });
      } else if (rest.length === 0 || !fieldsOf(formId).has(rest.join("."))) {
        out.push({ code: "CONDITION_UNKNOWN_FIELD", area: "flow", edgeId: edge.id, message: `连线${name}的条件引用了表单“${formId}”中不存在的字段“${rest.join(".")}”` });
      }
    }
  }
}

function lintMaterials(draft: Draft, out: LintProblem[]): void {
  const formIds = new Set(list<Record<string, unknown>>(draft.forms).map((f) => String(f.id)));
  const seen = new Set<string>();
  for (const material of list<Record<string, unknown>>(draft.materials)) {
    const id = String(material.id ?? "");
    const name = itemName(material, "材料");
    if (seen.has(id)) out.push({ code: "DUPLICATE_MATERIAL_ID", area: "materials", materialId: id, message: `材料编号“${id}”重复` });
    seen.add(id);
    const formId = material.formId;
    if (typeof formId === "string" && !formIds.has(formId)) {
      const what = material.required === true ? "必要材料" : "材料";
      out.push({ code: "MATERIAL_FORM_MISSING", area: "materials", materialId: id, message: `${what}${name}关联的表单“${formId}”不存在，申请人无处填写` });
    }
    // 代他人申请 → 授权委托书: the answer that makes it required must be in a form of the service
    const when = material.requiredWhen as { form?: unknown } | undefined;
    if (when && typeof when.form === "string" && !formIds.has(when.form)) {
      out.push({ code: "MATERIAL_CONDITION_FORM_MISSING", area: "materials", materialId: id, message: `材料${name}的必要条件引用的表单“${when.form}”不存在，该材料将永远不被要求` });
    }
  }
}

/**
 * A limit as it now stands: its days and unit, which the designer edits (the document's wording
 * in `text` is not updated with them, so quoting it would name a value no longer there).
 */
function limitWords(limit: ServiceDefinition["guide"]["legalLimit"][number]): string {
  if (limit.unit === "instant") return `“${limitUnitLabels.instant}”`;
  if (typeof limit.days !== "number") return `“${limit.text}”`;
  return `“${limit.days} 个${limitUnitLabels[limit.unit === "day" ? "day" : "workday"]}”`;
}

function lintLimits(draft: Draft, out: LintProblem[]): void {
  const guide: Record<string, unknown> = isObject(draft.guide) ? draft.guide : {};
  const legal = list<ServiceDefinition["guide"]["legalLimit"][number]>(guide.legalLimit);
  for (const promised of list<ServiceDefinition["guide"]["promisedLimit"][number]>(guide.promisedLimit)) {
    for (const limit of legalLimitsFor(promised, legal)) {
      if (exceeds(promised, limit)) {
        out.push({
          code: "PROMISED_EXCEEDS_LEGAL",
          area: "guide",
          message: `承诺办结时限${limitWords(promised)}${promised.channel ? `（${promised.channel}）` : ""}长于法定办结时限${limitWords(limit)}${limit.channel && !promised.channel ? `（${limit.channel}）` : ""}`,
        });
      }
    }
  }
}

/** 校验与共享: every binding names a known connector, a fact it answers, and a staff step of the flow. */
function lintConnectors(draft: Draft, flow: Flow | null, out: LintProblem[]): void {
  const bindings = isObject(draft.connectors) ? (draft.connectors as Partial<ConnectorBindings>) : null;
  if (!bindings) return;
  const steps = new Set((flow?.nodes ?? []).filter((n) => n.type === "task" && n.role !== "applicant").map((n) => n.id));
  const problem = (message: string) => out.push({ code: "CONNECTOR_BINDING", area: "guide", message: `校验与共享：${message}` });
  const stepOk = (what: string, step: unknown) => {
    if (typeof step === "string" && flow && !steps.has(step)) problem(`${what}的执行环节“${step}”不是流程中的经办环节`);
  };
  for (const b of list<ConnectorBindings["preChecks"][number]>(bindings.preChecks)) {
    const spec = connectorById.get(b.connector);
    if (!spec) problem(`前置校验“${b.check}”绑定的接口“${b.connector}”不存在`);
    else if (!spec.facts.some((f) => f.key === b.fact)) problem(`前置校验“${b.check}”绑定的${spec.system}不提供校验项“${b.fact}”`);
    stepOk(`前置校验“${b.check}”`, b.step);
  }
  for (const b of list<ConnectorBindings["dataSharing"][number]>(bindings.dataSharing)) {
    if (!connectorById.has(b.connector)) problem(`共享需求“${b.need}”绑定的接口“${b.connector}”不存在`);
    stepOk(`共享需求“${b.need}”`, b.step);
  }
  for (const b of list<ConnectorBindings["materials"][number]>(bindings.materials)) {
    if (!connectorById.has(b.connector)) problem(`材料“${b.materialId}”绑定的接口“${b.connector}”不存在`);
  }
}

/** The wording (原文表述) of each legal and promised limit states what its days and unit say. */
function lintLimitWording(draft: Draft, out: LintProblem[]): void {
  const guide: Record<string, unknown> = isObject(draft.guide) ? draft.guide : {};
  const kinds = [["legalLimit", "法定办结时限"], ["promisedLimit", "承诺办结时限"]] as const;
  for (const [field, name] of kinds) {
    for (const limit of list<ServiceDefinition["guide"]["legalLimit"][number]>(guide[field])) {
      if (!isObject(limit) || typeof limit.text !== "string") continue;
      const stated = limitTextDisagreement(limit);
      if (!stated) continue;
      out.push({
        code: "LIMIT_TEXT_MISMATCH",
        area: "guide",
        message: `${name}${limit.channel ? `（${limit.channel}）` : ""}的原文表述“${limit.text}”写的是${stated.map((s) => `“${s.match}”`).join("、")}，与设定的${limitWords(limit)}不一致：请同时修改原文表述或天数`,
      });
    }
  }
}

export function lintDefinition(definition: unknown): LintProblem[] {
  const draft = (isObject(definition) ? definition : {}) as Draft;
  const out: LintProblem[] = [];
  const parsed = serviceDefinition.safeParse(draft);
  if (!parsed.success) for (const issue of parsed.error.issues) out.push(contractProblem(issue, draft));
  const flow = isObject(draft.flow) ? (draft.flow as Flow) : null;
  if (flow && Array.isArray(flow.nodes) && Array.isArray(flow.edges)) {
    for (const problem of validateFlow(flow)) {
      out.push({ code: problem.code, area: "flow", message: problem.message, nodeId: problem.nodeId, edgeId: problem.edgeId });
    }
    lintReferences(draft, flow, out);
  }
  lintForms(draft, out);
  lintMaterials(draft, out);
  lintLimits(draft, out);
  lintDecisions(draft, out);
  lintConnectors(draft, flow, out);
  lintLimitWording(draft, out);
  return out;
}
