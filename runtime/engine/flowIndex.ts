/**
 * Lookup tables over a flow, built once per flow object and cached (a definition version's
 * flow never changes, so callers must treat flow objects as immutable).
 */
import type { Flow, FlowEdge, FlowNode, TaskNode } from "../definition/schema";
import { EngineError } from "./errors";

export interface FlowIndex {
  readonly nodes: ReadonlyMap<string, FlowNode>;
  /** Outgoing edges of each node, in the flow's order. */
  readonly outgoing: ReadonlyMap<string, readonly FlowEdge[]>;
  /** The start nodes (a valid flow has exactly one). */
  readonly starts: readonly FlowNode[];
}

const indexes = new WeakMap<Flow, FlowIndex>();

export function indexFlow(flow: Flow): FlowIndex {
  const cached = indexes.get(flow);
  if (cached) return cached;
  const nodes = new Map<string, FlowNode>();
  const outgoing = new Map<string, FlowEdge[]>();
  for (const node of flow.nodes) {
    nodes.set(node.id, node);
    outgoing.set(node.id, []);
  }
  for (const edge of flow.edges) outgoing.get(edge.from)?.push(edge);
  const index: FlowIndex = { nodes, outgoing, starts: flow.nodes.filter((node) => node.type === "start") };
  indexes.set(flow, index);
  return index;
}

export function nodeOf(index: FlowIndex, nodeId: string): FlowNode {
  const node = index.nodes.get(nodeId);
  if (!node) throw new EngineError("FLOW_INVALID", `流程中不存在节点“${nodeId}”`, { nodeId });
  return node;
}

export function taskNodeOf(index: FlowIndex, nodeId: string): TaskNode {
  const node = nodeOf(index, nodeId);
  if (node.type !== "task") throw new EngineError("FLOW_INVALID", `节点“${node.label}”（${nodeId}）不是办理环节`, { nodeId });
  return node;
}

/** The edge a task's action takes. */
export function actionEdgeOf(index: FlowIndex, node: TaskNode, actionId: string): FlowEdge {
  const edge = index.outgoing.get(node.id)?.find((candidate) => candidate.action === actionId);
  if (!edge) {
    throw new EngineError("NO_PATH", `环节“${node.label}”的动作“${actionId}”没有出口连线，流程无法继续`, {
      nodeId: node.id,
      actionId,
    });
  }
  return edge;
}
