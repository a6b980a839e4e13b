/**
 * Lint of a flow, for the designer and before a definition is published: every problem
 * found, each with a Chinese message naming the node or edge. An empty list means the
 * engine can run the flow.
 *
 * A 补正 task (the target of a `correction` edge) returns to whichever step asked when the
 * applicant submits, so its `submit` actions need no edge; for the "every path ends" check
 * it leads back to each asking step.
 */
import { applyWithBudget } from "./conditions";
import type { Flow, FlowEdge, FlowNode, TaskNode } from "../definition/schema";

export type FlowProblemCode =
  | "NO_START"
  | "MULTIPLE_STARTS"
  | "START_EDGES"
  | "EDGE_INTO_START"
  | "NO_END"
  | "END_WITH_EDGES"
  | "DUPLICATE_NODE_ID"
  | "DUPLICATE_EDGE_ID"
  | "UNKNOWN_NODE"
  | "TASK_WITHOUT_ROLE"
  | "TASK_WITHOUT_ACTIONS"
  | "EDGE_WITHOUT_ACTION"
  | "UNKNOWN_ACTION"
  | "ACTION_WITHOUT_EDGE"
  | "ACTION_MULTIPLE_EDGES"
  | "MISPLACED_EDGE_RULE"
  | "GATEWAY_WITHOUT_EDGES"
  | "EDGE_WITHOUT_CONDITION"
  | "CONDITION_INVALID"
  | "GATEWAY_NO_DEFAULT"
  | "GATEWAY_MULTIPLE_DEFAULTS"
  | "CORRECTION_TARGET_NOT_APPLICANT"
  | "PUBLIC_NOTICE_WITHOUT_PERIOD"
  | "PUBLIC_NOTICE_WITHOUT_COMPLETE"
  | "UNREACHABLE"
  | "DEAD_END";

export interface FlowProblem {
  code: FlowProblemCode;
  message: string;
  nodeId?: string;
  edgeId?: string;
}

const ROLES = new Set(["applicant", "caseworker", "reviewer"]);

function named(node: FlowNode): string {
  return `“${node.label}”（${node.id}）`;
}

function edgeName(edge: FlowEdge): string {
  return edge.label ? `“${edge.label}”（${edge.id}）` : `“${edge.id}”`;
}

class ProblemList {
  readonly problems: FlowProblem[] = [];

  add(code: FlowProblemCode, message: string, where: { nodeId?: string; edgeId?: string } = {}): void {
    this.problems.push({ code, message, ...where });
  }
}

function checkNodesAndEdgeEnds(flow: Flow, nodes: Map<string, FlowNode>, list: ProblemList): void {
  const seenNodes = new Set<string>();
  for (const node of flow.nodes) {
    if (seenNodes.has(node.id)) list.add("DUPLICATE_NODE_ID", `节点编号“${node.id}”重复`, { nodeId: node.id });
    seenNodes.add(node.id);
  }
  const seenEdges = new Set<string>();
  for (const edge of flow.edges) {
    if (seenEdges.has(edge.id)) list.add("DUPLICATE_EDGE_ID", `连线编号“${edge.id}”重复`, { edgeId: edge.id });
    seenEdges.add(edge.id);
    for (const end of [edge.from, edge.to]) {
      if (!nodes.has(end)) list.add("UNKNOWN_NODE", `连线${edgeName(edge)}引用了不存在的节点“${end}”`, { edgeId: edge.id });
    }
  }
  const starts = flow.nodes.filter((node) => node.type === "start");
  if (starts.length === 0) list.add("NO_START", "流程没有开始节点");
  if (starts.length > 1) list.add("MULTIPLE_STARTS", `流程有 ${starts.length} 个开始节点，只能有一个`);
  if (!flow.nodes.some((node) => node.type === "end")) list.add("NO_END", "流程没有结束节点");
}

function checkTask(node: TaskNode, edges: readonly FlowEdge[], returnsToAsker: boolean, list: ProblemList): void {
  const at = { nodeId: node.id };
  if (!node.role || !ROLES.has(node.role)) list.add("TASK_WITHOUT_ROLE", `环节${named(node)}没有指定办理角色`, at);
  const actions = node.actions ?? [];
  if (actions.length === 0) list.add("TASK_WITHOUT_ACTIONS", `环节${named(node)}没有任何操作`, at);
  for (const edge of edges) {
    if (edge.condition !== undefined || edge.isDefault) {
      list.add("MISPLACED_EDGE_RULE", `连线${edgeName(edge)}从办理环节出发，不应设条件或默认出口`, { edgeId: edge.id });
    }
    if (!edge.action) list.add("EDGE_WITHOUT_ACTION", `连线${edgeName(edge)}从环节${named(node)}出发，但没有对应的操作`, { edgeId: edge.id });
    else if (!actions.some((action) => action.id === edge.action)) {
      list.add("UNKNOWN_ACTION", `连线${edgeName(edge)}引用了环节${named(node)}中不存在的操作“${edge.action}”`, { edgeId: edge.id });
    }
  }
  for (const action of actions) {
    const count = edges.filter((edge) => edge.action === action.id).length;
    if (count > 1) list.add("ACTION_MULTIPLE_EDGES", `环节${named(node)}的操作“${action.label}”有 ${count} 条出口连线，只能有一条`, at);
    if (count === 0 && !(returnsToAsker && action.kind === "submit")) {
      list.add("ACTION_WITHOUT_EDGE", `环节${named(node)}的操作“${action.label}”没有出口连线`, at);
    }
  }
  if (node.publicNotice) {
    if (!node.sla) list.add("PUBLIC_NOTICE_WITHOUT_PERIOD", `公示环节${named(node)}没有设置公示期限`, at);
    if (!actions.some((action) => action.kind === "complete")) {
      list.add("PUBLIC_NOTICE_WITHOUT_COMPLETE", `公示环节${named(node)}没有“完成”类操作，公示期满后无法自动继续`, at);
    }
  }
}

function conditionError(condition: unknown): string | null {
  try {
    applyWithBudget(condition, { form: {}, applicant: {} });
    return null;
  } catch (cause) {
    return cause instanceof Error ? cause.message : String(cause);
  }
}

function checkGateway(node: FlowNode, edges: readonly FlowEdge[], list: ProblemList): void {
  const at = { nodeId: node.id };
  if (edges.length === 0) {
    list.add("GATEWAY_WITHOUT_EDGES", `分支${named(node)}没有出口连线`, at);
    return;
  }
  for (const edge of edges) {
    if (edge.action) list.add("MISPLACED_EDGE_RULE", `连线${edgeName(edge)}从分支出发，不应对应操作`, { edgeId: edge.id });
    if (edge.isDefault) continue;
    if (edge.condition === undefined) {
      list.add("EDGE_WITHOUT_CONDITION", `分支${named(node)}的连线${edgeName(edge)}既没有条件也不是默认出口`, { edgeId: edge.id });
      continue;
    }
    const error = conditionError(edge.condition);
    if (error) list.add("CONDITION_INVALID", `连线${edgeName(edge)}的条件无法计算：${error}`, { edgeId: edge.id });
  }
  const defaults = edges.filter((edge) => edge.isDefault).length;
  if (defaults > 1) list.add("GATEWAY_MULTIPLE_DEFAULTS", `分支${named(node)}有 ${defaults} 个默认出口，只能有一个`, at);
  if (defaults === 0 && !edges.some((edge) => edge.condition === true)) {
    list.add("GATEWAY_NO_DEFAULT", `分支${named(node)}没有默认出口，条件都不成立时办件将无法继续`, at);
  }
}

/** Nodes reached from `roots` over `links`. */
function reach(roots: readonly string[], links: ReadonlyMap<string, readonly string[]>): Set<string> {
  const seen = new Set(roots);
  const queue = [...roots];
  while (queue.length > 0) {
    for (const next of links.get(queue.pop()!) ?? []) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen;
}

export function validateFlow(flow: Flow): FlowProblem[] {
  const list = new ProblemList();
  const nodes = new Map(flow.nodes.map((node) => [node.id, node]));
  checkNodesAndEdgeEnds(flow, nodes, list);

  const outgoing = new Map<string, FlowEdge[]>(flow.nodes.map((node) => [node.id, []]));
  const incoming = new Map<string, FlowEdge[]>(flow.nodes.map((node) => [node.id, []]));
  const links = new Map<string, string[]>(flow.nodes.map((node) => [node.id, []]));
  for (const edge of flow.edges) {
    if (!nodes.has(edge.from) || !nodes.has(edge.to)) continue;
    outgoing.get(edge.from)!.push(edge);
    incoming.get(edge.to)!.push(edge);
    links.get(edge.from)!.push(edge.to);
  }

  // 补正 tasks, linked back to each step that may ask for them (the loop's return leg).
  const correctionTasks = new Set<string>();
  for (const edge of flow.edges) {
    const from = nodes.get(edge.from);
    const to = nodes.get(edge.to);
    if (from?.type !== "task" || !to) continue;
    if (from.actions?.find((action) => action.id === edge.action)?.kind !== "correction") continue;
    if (to.type !== "task" || to.role !== "applicant") {
      list.add("CORRECTION_TARGET_NOT_APPLICANT", `补正连线${edgeName(edge)}应通向申请人的补正环节，${named(to)}不是`, { edgeId: edge.id });
      continue;
    }
    correctionTasks.add(to.id);
    links.get(to.id)!.push(from.id);
  }

  for (const node of flow.nodes) {
    const edges = outgoing.get(node.id) ?? [];
    switch (node.type) {
      case "start":
        if (edges.length !== 1) list.add("START_EDGES", `开始节点${named(node)}应有且只有一条出口连线，实有 ${edges.length} 条`, { nodeId: node.id });
        for (const edge of incoming.get(node.id) ?? []) list.add("EDGE_INTO_START", `连线${edgeName(edge)}不能指向开始节点`, { edgeId: edge.id });
        break;
      case "task":
        checkTask(node, edges, correctionTasks.has(node.id), list);
        break;
      case "gateway":
        checkGateway(node, edges, list);
        break;
      case "end":
        if (edges.length > 0) list.add("END_WITH_EDGES", `结束节点${named(node)}不应有出口连线`, { nodeId: node.id });
        break;
    }
  }

  const start = flow.nodes.find((node) => node.type === "start");
  const reachable = start ? reach([start.id], links) : new Set<string>();
  const reverse = new Map<string, string[]>(flow.nodes.map((node) => [node.id, []]));
  for (const [from, targets] of links) for (const to of targets) reverse.get(to)!.push(from);
  const ending = reach(
    flow.nodes.filter((node) => node.type === "end").map((node) => node.id),
    reverse,
  );
  for (const node of flow.nodes) {
    if (start && !reachable.has(node.id)) {
      list.add("UNREACHABLE", `节点${named(node)}从开始节点无法到达`, { nodeId: node.id });
    } else if (!ending.has(node.id)) {
      list.add("DEAD_END", `从节点${named(node)}出发无法到达任何结束节点`, { nodeId: node.id });
    }
  }
  return list.problems;
}
