/**
 * Flows of the minor layouts beyond buildFlow's single sequence: a shared 申请 step that
 * offers one submit action per alternative procedure (101's three 发布 procedures, 103's two
 * 职业介绍 chains, 146's 接收 / 政审 procedures), and steps led by the applicant's own step
 * carrying the forms the applicant fills.
 */
import type { Action, Flow, FlowEdge, FlowNode } from "@/runtime/definition/schema";
import { taskDefaults } from "@/runtime/definition/blankParts";
import { buildFlow, layoutNodes, roleFor, type StepSpec } from "@/seed/flow/build";

/**
 * Steps that start with the applicant's own 申请 step carrying the forms the applicant fills
 * (buildFlow would otherwise add a bare one).
 */
export function withApplicantStep(steps: StepSpec[], formIds: string[], label = "申请"): StepSpec[] {
  const forms = formIds.map((formId) => ({ formId, mode: "edit" as const }));
  const [first, ...rest] = steps;
  if (first && (first.role ?? roleFor(first.label)) === "applicant") return [{ ...first, forms: [...(first.forms ?? []), ...forms] }, ...rest];
  return [{ label, role: "applicant", forms }, ...steps];
}

/** One alternative procedure of a service (职业供求信息发布 / 市场工资指导价位发布 …). */
export interface FlowBranch {
  /** Shown on the applicant's submit action that chooses this procedure. */
  label: string;
  /** Its steps; a leading applicant step is merged into the shared 申请 step. */
  steps: StepSpec[];
}

/**
 * A flow whose shared 申请 step offers one submit action per alternative procedure; each
 * action leads into that procedure's steps (built with buildFlow and prefixed `b1-` …),
 * and all procedures share the end nodes. One branch → plain buildFlow.
 */
export function buildBranchedFlow(
  branches: FlowBranch[],
  derivation: "text" | "minimal" = "text",
  applyForms: string[] = [],
): Flow {
  if (branches.length === 1) return buildFlow(withApplicantStep(branches[0].steps, applyForms), { derivation });
  const nodes: FlowNode[] = [{ id: "start", type: "start", label: "开始", position: { x: 0, y: 0 } }];
  const edges: FlowEdge[] = [{ id: "start--apply", from: "start", to: "apply" }];
  const applyActions: Action[] = [];
  const endIds = new Set<string>();
  branches.forEach((branch, index) => {
    const prefix = `b${index + 1}-`;
    const flow = buildFlow(branch.steps, { derivation });
    const applicantStep = flow.nodes.find((node) => node.type === "task" && flow.edges.some((e) => e.from === "start" && e.to === node.id));
    const rename = (id: string) => (flow.nodes.find((node) => node.id === id)?.type === "end" ? id : `${prefix}${id}`);
    const entry = flow.edges.find((e) => e.from === applicantStep?.id && e.action?.endsWith("-submit"));
    const action: Action = { id: `apply-submit-${index + 1}`, label: branch.label, kind: "submit", requiresComment: false };
    applyActions.push(action);
    edges.push({ id: `apply--${rename(entry!.to)}--submit`, from: "apply", to: rename(entry!.to), action: action.id, label: branch.label });
    for (const node of flow.nodes) {
      if (node.type === "start" || node.id === applicantStep?.id) continue;
      if (node.type === "end") {
        if (!endIds.has(node.id)) nodes.push(node);
        endIds.add(node.id);
        continue;
      }
      const renamed = { ...node, id: rename(node.id) } as FlowNode;
      if (renamed.type === "task") {
        renamed.actions = renamed.actions.map((act) => ({ ...act, id: `${prefix}${act.id}` }));
      }
      nodes.push(renamed);
    }
    for (const edge of flow.edges) {
      if (edge.from === "start" || edge.from === applicantStep?.id) continue;
      edges.push({
        ...edge,
        id: `${prefix}${edge.id}`,
        from: rename(edge.from),
        to: rename(edge.to),
        ...(edge.action ? { action: `${prefix}${edge.action}` } : {}),
      });
    }
  });
  nodes.splice(1, 0, {
    id: "apply",
    type: "task",
    label: "申请",
    role: "applicant",
    actions: applyActions,
    position: { x: 0, y: 0 },
    ...taskDefaults(),
    forms: applyForms.map((formId) => ({ formId, mode: "edit" as const })),
  });
  const ends = nodes.filter((node) => node.type === "end");
  const rest = nodes.filter((node) => node.type !== "end");
  return { nodes: layoutNodes([...rest, ...ends], edges), edges, derivation };
}

/** The labels of a flow's task nodes in order (for tests and reports). */
export function taskLabels(flow: Flow): string[] {
  return flow.nodes.filter((node) => node.type === "task").map((node) => node.label);
}
