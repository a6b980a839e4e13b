/**
 * Builds a contract Flow from the steps a service text states (申请 → 受理 → 审核 → … → 办结),
 * with the branches the text gives (一次性告知补正, 不予受理, 终止办理, 退回, 中止/恢复),
 * and lays it out top-to-bottom with dagre for React Flow.
 */
import dagre from "@dagrejs/dagre";
import type {
  Action,
  ActionKind,
  Flow,
  FlowEdge,
  FlowNode,
  LineRange,
  TaskNode,
  TaskRole,
  TimeLimit,
} from "@/runtime/definition/schema";
import { taskDefaults } from "@/runtime/definition/blankParts";

export interface StepSla {
  days: number;
  unit: "workday" | "day";
}

/** One step as the text states it. Only `label` is required. */
export interface StepSpec {
  /** 申请 / 受理 / 审核 / 复核 / 公示 / 办理 / 办结 / 结果反馈 … as written. */
  label: string;
  /** Defaults from the label (see `roleFor`). */
  role?: TaskRole;
  sla?: StepSla | null;
  /** A 公示 period: the step completes when the period ends. */
  publicNotice?: boolean;
  /** 一次性告知: the step can send the case back to the applicant for 补正材料. */
  correction?: boolean;
  /** The step can refuse the case (不予受理); a string overrides the action label. */
  refuse?: boolean | string;
  /** The step can end the case (终止办理); a string overrides the action label. */
  terminate?: boolean | string;
  /** Label of an earlier step the case can be sent back to (退回至初审环节重新核实). */
  returnTo?: string;
  /** 中止/恢复 allowed. */
  pausable?: boolean;
  /** 审核要点 shown to the caseworker. */
  checkpoints?: string[];
  forms?: { formId: string; mode: "view" | "edit" }[];
  source?: LineRange;
}

export interface BuildFlowOptions {
  derivation: "text" | "minimal";
}

/** Slugs for step ids (ids must be ASCII); unknown labels get `step-N`. */
const STEP_SLUGS: [RegExp, string][] = [
  [/补正/, "correction"],
  [/申请|申报|发起/, "apply"],
  [/受理/, "accept"],
  [/初审/, "review"],
  [/复核|复审/, "recheck"],
  [/审批|批准|决定/, "approve"],
  [/审核|审查|核实|核查|调查/, "review"],
  [/公示/, "notice"],
  [/结果反馈|反馈/, "feedback"],
  [/办结|归档/, "complete"],
  [/办理|经办|发放|拨付/, "handle"],
];

/** The role that performs a step, from its label. */
export function roleFor(label: string): TaskRole {
  if (/申请|申报|补正|发起/.test(label) && !/受理|审/.test(label)) return "applicant";
  if (/复核|复审|审批|批准|决定/.test(label)) return "reviewer";
  return "caseworker";
}

/** The SLA of a step from a parsed time limit (instant and unknown limits carry none). */
export function slaFromLimit(limit: Pick<TimeLimit, "days" | "unit"> | null | undefined): StepSla | null {
  if (!limit || limit.days === null || (limit.unit !== "workday" && limit.unit !== "day")) return null;
  return { days: limit.days, unit: limit.unit };
}

/** A public notice runs by itself only with a period; without one it is an ordinary step staff close. */
function isPublicNotice(step: StepSpec): boolean {
  return !!step.publicNotice && !!step.sla;
}

function passAction(step: StepSpec, role: TaskRole, isLast: boolean): { kind: ActionKind; label: string } {
  if (role === "applicant") return { kind: "submit", label: /申报/.test(step.label) ? "提交申报" : "提交申请" };
  if (isLast) return { kind: "complete", label: "办结" };
  if (isPublicNotice(step)) return { kind: "complete", label: "公示期满无异议" };
  if (/受理/.test(step.label)) return { kind: "approve", label: "予以受理" };
  if (/审|核/.test(step.label)) return { kind: "approve", label: `${step.label}通过` };
  return { kind: "approve", label: "完成" };
}

const NODE_SIZE: Record<FlowNode["type"], { width: number; height: number }> = {
  start: { width: 48, height: 48 },
  end: { width: 48, height: 48 },
  gateway: { width: 56, height: 56 },
  task: { width: 180, height: 64 },
};

const END_NODES = {
  completed: { id: "end-completed", label: "办结" },
  refused: { id: "end-refused", label: "不予受理" },
  terminated: { id: "end-terminated", label: "终止办理" },
} as const;

/** Ensures the flow starts with the applicant's 申请 step. */
function withApplication(steps: StepSpec[]): StepSpec[] {
  if (steps.length > 0 && (steps[0].role ?? roleFor(steps[0].label)) === "applicant") return steps;
  return [{ label: "申请", role: "applicant" }, ...steps];
}

/**
 * The intake (受理: the first staff step) of every service can tell the applicant at once what to add
 * or correct (一次性告知补正), whether or not the service's text says so: 一次性告知 is the rule for
 * every public service. And a caseworker must be able to turn down what does not qualify: where
 * no step of the text refuses or ends the case (不予受理, 终止办理), the intake can refuse it.
 */
function withIntakeBranches(steps: StepSpec[]): StepSpec[] {
  const intake = steps.findIndex((step) => (step.role ?? roleFor(step.label)) !== "applicant");
  const refuses = steps.some((step) => step.refuse || step.terminate);
  return steps.map((step, i) => (i === intake ? { ...step, correction: true, refuse: step.refuse || !refuses } : step));
}

/** Ensures there is a step after the applicant's own (a flow needs a caseworker step). */
function withHandling(steps: StepSpec[]): StepSpec[] {
  return steps.length > 1 ? steps : [...steps, { label: "受理" }];
}

function uniqueIds(steps: StepSpec[]): string[] {
  const used = new Map<string, number>();
  return steps.map((step, i) => {
    const slug = STEP_SLUGS.find(([pattern]) => pattern.test(step.label))?.[1] ?? `step-${i + 1}`;
    const count = (used.get(slug) ?? 0) + 1;
    used.set(slug, count);
    return count === 1 ? slug : `${slug}-${count}`;
  });
}

/**
 * Builds the flow: start → 申请 (added when the steps do not start with an applicant step)
 * → each step in order → end `completed`; the intake offers 一次性告知补正 and a refusal
 * (`withIntakeBranches`). Per step, the branches it states become actions:
 * `correction` → an applicant task 补正材料 (clock stopped) whose `submit` returns to the step;
 * `refuse` → end `refused`; `terminate` → end `terminated`; `returnTo` → back to that step.
 * Nodes are laid out top-to-bottom with dagre (positions are the nodes' top-left corners).
 */
export function buildFlow(specs: StepSpec[], options: BuildFlowOptions): Flow {
  const steps = withIntakeBranches(withHandling(withApplication(specs)));
  const ids = uniqueIds(steps);
  const nodes: FlowNode[] = [{ id: "start", type: "start", label: "开始", position: { x: 0, y: 0 } }];
  const edges: FlowEdge[] = [];
  const ends = new Set<keyof typeof END_NODES>(["completed"]);
  const edge = (from: string, to: string, action?: Action) =>
    edges.push({
      id: `${from}--${to}${action ? `--${action.kind}` : ""}`,
      from,
      to,
      ...(action ? { action: action.id, label: action.label } : {}),
    });

  edge("start", ids[0]);
  steps.forEach((step, i) => {
    const id = ids[i];
    const role = step.role ?? roleFor(step.label);
    const isLast = i === steps.length - 1;
    const pass = passAction(step, role, isLast);
    const actions: Action[] = [{ id: `${id}-${pass.kind}`, label: pass.label, kind: pass.kind, requiresComment: false }];
    edge(id, isLast ? END_NODES.completed.id : ids[i + 1], actions[0]);

    if (step.correction && role !== "applicant") {
      const correction: Action = { id: `${id}-correction`, label: "一次性告知补正", kind: "correction", requiresComment: true };
      const taskId = `${id}-supplement`;
      const resubmit: Action = { id: `${taskId}-submit`, label: "提交补正材料", kind: "submit", requiresComment: false };
      actions.push(correction);
      nodes.push(task({ id: taskId, label: "补正材料", role: "applicant", actions: [resubmit], clockStops: true }));
      edge(id, taskId, correction);
      edge(taskId, id, resubmit);
    }
    const returnIndex = step.returnTo ? steps.findIndex((other, j) => j < i && other.label.includes(step.returnTo!)) : -1;
    if (returnIndex >= 0) {
      const sendBack: Action = { id: `${id}-return`, label: `退回${steps[returnIndex].label}`, kind: "reject", requiresComment: true };
      actions.push(sendBack);
      edge(id, ids[returnIndex], sendBack);
    }
    if (step.refuse) {
      const refuse: Action = { id: `${id}-reject`, label: labelOf(step.refuse, "不予受理"), kind: "reject", requiresComment: true };
      actions.push(refuse);
      ends.add("refused");
      edge(id, END_NODES.refused.id, refuse);
    }
    if (step.terminate) {
      const terminate: Action = { id: `${id}-terminate`, label: labelOf(step.terminate, "终止办理"), kind: "terminate", requiresComment: true };
      actions.push(terminate);
      ends.add("terminated");
      edge(id, END_NODES.terminated.id, terminate);
    }
    nodes.push(
      task({
        id,
        label: step.label,
        role,
        actions,
        sla: step.sla ?? null,
        pausable: step.pausable ?? false,
        separateFromPrevious: separateFromPrevious(steps, i),
        clockStops: isPublicNotice(step),
        publicNotice: isPublicNotice(step),
        checkpoints: step.checkpoints ?? [],
        forms: step.forms ?? [],
        source: step.source,
      }),
    );
  });
  for (const outcome of ["completed", "refused", "terminated"] as const) {
    if (ends.has(outcome)) nodes.push({ ...END_NODES[outcome], type: "end", outcome, position: { x: 0, y: 0 } });
  }
  return { nodes: layoutNodes(orderNodes(nodes, ids), edges), edges, derivation: options.derivation };
}

/** The smallest flow any service supports: 申请 → 受理 → 办结. */
export function minimalFlow(): Flow {
  return buildFlow([{ label: "申请" }, { label: "受理" }, { label: "办结" }], { derivation: "minimal" });
}

/**
 * Steps whose label names a review or a decision (受理 / 初审 / 审核 / 复核 / 审批 / 调查核实 / 作出决定 …),
 * not a step that mentions one (领取受理结果). 工伤认定's 调查核实 is its 审核, and its 作出决定 is
 * taken by someone other than the one who investigated.
 */
const REVIEW_STEP = /^.{0,10}(受理|初审|审核|复核|复审|审批|审查|核实|作出决定)$/;

/**
 * 不相容岗位分离: a staff review step right after another staff review step (受理 → 审核,
 * 审核 → 复核) is done by someone other than the one who did the step before.
 */
function separateFromPrevious(steps: StepSpec[], i: number): boolean {
  if (i === 0) return false;
  const [previous, step] = [steps[i - 1], steps[i]];
  const staff = (s: StepSpec) => (s.role ?? roleFor(s.label)) !== "applicant";
  return staff(previous) && staff(step) && !isPublicNotice(step) && REVIEW_STEP.test(previous.label) && REVIEW_STEP.test(step.label);
}

function labelOf(value: boolean | string, fallback: string): string {
  return typeof value === "string" ? value : fallback;
}

function task(fields: Partial<TaskNode> & Pick<TaskNode, "id" | "label" | "role" | "actions">): TaskNode {
  const { source, ...rest } = fields;
  return {
    type: "task",
    position: { x: 0, y: 0 },
    ...taskDefaults(),
    ...rest,
    ...(source ? { source } : {}),
  };
}

/** Start, then each step followed by its 补正 task, then the end nodes. */
function orderNodes(nodes: FlowNode[], stepIds: string[]): FlowNode[] {
  const rank = (node: FlowNode): number => {
    if (node.type === "start") return -1;
    if (node.type === "end") return stepIds.length * 2 + 1;
    const own = stepIds.indexOf(node.id);
    return own >= 0 ? own * 2 : stepIds.indexOf(node.id.replace(/-supplement$/, "")) * 2 + 1;
  };
  return [...nodes].sort((a, b) => rank(a) - rank(b));
}

/** Top-to-bottom dagre layout; positions are rounded top-left corners. */
export function layoutNodes(nodes: FlowNode[], edges: FlowEdge[]): FlowNode[] {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "TB", nodesep: 60, ranksep: 56, marginx: 20, marginy: 20 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of nodes) graph.setNode(node.id, { ...NODE_SIZE[node.type] });
  for (const edge of edges) graph.setEdge(edge.from, edge.to, {}, edge.id);
  dagre.layout(graph);
  return nodes.map((node) => {
    const { x, y } = graph.node(node.id);
    const { width, height } = NODE_SIZE[node.type];
    return { ...node, position: { x: Math.round(x - width / 2), y: Math.round(y - height / 2) } };
  });
}
