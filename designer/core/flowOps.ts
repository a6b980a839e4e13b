/**
 * Edit operations on a flow, pure: each takes a flow and returns a new one (or the same object
 * when nothing changed), so the history can keep every state.
 */
import type { EndNode, Flow, FlowEdge, FlowNode, TaskNode } from "@/runtime/definition/schema";
import { taskDefaults } from "@/runtime/definition/blankParts";
import { outcomeLabels } from "@/runtime/definition/labels";
import { newItemId, uniqueId } from "./ids";

export type Position = { x: number; y: number };

/** What the palette offers: a step, a decision, or an end with its outcome. */
export type PaletteItem =
  | { type: "task" }
  | { type: "gateway" }
  | { type: "end"; outcome: EndNode["outcome"] };

export function newNode(item: PaletteItem, id: string, position: Position): FlowNode {
  switch (item.type) {
    case "task":
      return {
        id,
        type: "task",
        label: "新步骤",
        position,
        role: "caseworker",
        actions: [{ id: "approve", label: "通过", kind: "approve", requiresComment: false }],
        ...taskDefaults(),
      };
    case "gateway":
      return { id, type: "gateway", label: "条件判断", position };
    case "end":
      return { id, type: "end", label: outcomeLabels[item.outcome], outcome: item.outcome, position };
  }
}

const idPrefix: Record<PaletteItem["type"], string> = { task: "step", gateway: "decision", end: "end" };

/** Adds a node; `scope` is the office of a local variant (see `newItemId`). */
export function addNode(flow: Flow, item: PaletteItem, position: Position, scope?: string | null): { flow: Flow; id: string } {
  const id = newItemId(idPrefix[item.type], flow.nodes.map((n) => n.id), scope);
  return { flow: { ...flow, nodes: [...flow.nodes, newNode(item, id, position)] }, id };
}

export function moveNodes(flow: Flow, positions: ReadonlyMap<string, Position>): Flow {
  let changed = false;
  const nodes = flow.nodes.map((node) => {
    const to = positions.get(node.id);
    if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
    changed = true;
    return { ...node, position: { x: to.x, y: to.y } };
  });
  return changed ? { ...flow, nodes } : flow;
}

export function updateNode(flow: Flow, id: string, update: (node: FlowNode) => FlowNode): Flow {
  return { ...flow, nodes: flow.nodes.map((node) => (node.id === id ? update(node) : node)) };
}

/** Renames a node and the edges that touch it. */
export function renameNode(flow: Flow, id: string, newId: string): Flow {
  if (id === newId || flow.nodes.some((n) => n.id === newId)) return flow;
  return {
    ...flow,
    nodes: flow.nodes.map((n) => (n.id === id ? { ...n, id: newId } : n)),
    edges: flow.edges.map((e) => (e.from === id || e.to === id ? { ...e, from: e.from === id ? newId : e.from, to: e.to === id ? newId : e.to } : e)),
  };
}

/** Renames a task's action and the edges taken by it. */
export function renameAction(flow: Flow, nodeId: string, actionId: string, newId: string): Flow {
  const node = flow.nodes.find((n) => n.id === nodeId);
  if (node?.type !== "task" || actionId === newId || node.actions.some((a) => a.id === newId)) return flow;
  return {
    ...flow,
    nodes: flow.nodes.map((n) =>
      n.id === nodeId && n.type === "task" ? { ...n, actions: n.actions.map((a) => (a.id === actionId ? { ...a, id: newId } : a)) } : n,
    ),
    edges: flow.edges.map((e) => (e.from === nodeId && e.action === actionId ? { ...e, action: newId } : e)),
  };
}

/** Adds an action to a task. */
export function addAction(flow: Flow, nodeId: string, label = "新操作"): Flow {
  return updateNode(flow, nodeId, (node) => {
    if (node.type !== "task") return node;
    const id = uniqueId("action", node.actions.map((a) => a.id));
    return { ...node, actions: [...node.actions, { id, label, kind: "approve", requiresComment: false }] };
  });
}

/** Removes a task's action and the edges taken by it. */
export function removeAction(flow: Flow, nodeId: string, actionId: string): Flow {
  const updated = updateNode(flow, nodeId, (node) =>
    node.type === "task" ? ({ ...node, actions: node.actions.filter((a) => a.id !== actionId) } satisfies TaskNode) : node,
  );
  return { ...updated, edges: updated.edges.filter((e) => !(e.from === nodeId && e.action === actionId)) };
}

/** Removes nodes with every edge touching them, and the given edges. The start node stays. */
export function removeElements(flow: Flow, nodeIds: Iterable<string>, edgeIds: Iterable<string> = []): Flow {
  const nodes = new Set([...nodeIds].filter((id) => flow.nodes.find((n) => n.id === id)?.type !== "start"));
  const edges = new Set(edgeIds);
  if (nodes.size === 0 && edges.size === 0) return flow;
  const next: Flow = {
    ...flow,
    nodes: flow.nodes.filter((n) => !nodes.has(n.id)),
    edges: flow.edges.filter((e) => !edges.has(e.id) && !nodes.has(e.from) && !nodes.has(e.to)),
  };
  return next.nodes.length === flow.nodes.length && next.edges.length === flow.edges.length ? flow : next;
}

/**
 * Connects `from` to `to`. From a task the edge takes the first action that has no edge yet
 * (a new action when every action has one); from a decision the first edge is the default exit
 * and later ones wait for a condition. Refused (null) out of an end, into the start, to itself,
 * a second edge out of the start, or a decision's second edge to the same node.
 */
export function connect(flow: Flow, from: string, to: string, scope?: string | null): { flow: Flow; edgeId: string } | null {
  const source = flow.nodes.find((n) => n.id === from);
  const target = flow.nodes.find((n) => n.id === to);
  if (!source || !target || from === to || source.type === "end" || target.type === "start") return null;
  const outgoing = flow.edges.filter((e) => e.from === from);
  if (source.type === "start" && outgoing.length > 0) return null;
  if (source.type === "gateway" && outgoing.some((e) => e.to === to)) return null;
  const edge: FlowEdge = { id: newItemId("edge", flow.edges.map((e) => e.id), scope), from, to };
  let next = flow;
  if (source.type === "task") {
    const free = source.actions.find((a) => !outgoing.some((e) => e.action === a.id));
    if (free) edge.action = free.id;
    else {
      next = addAction(flow, from, `转到“${target.label}”`);
      const added = next.nodes.find((n) => n.id === from) as TaskNode;
      edge.action = added.actions[added.actions.length - 1].id;
    }
  }
  if (source.type === "gateway" && !outgoing.some((e) => e.isDefault)) {
    edge.isDefault = true;
    edge.label = "其他情形";
  }
  return { flow: { ...next, edges: [...next.edges, edge] }, edgeId: edge.id };
}

export function updateEdge(flow: Flow, id: string, update: (edge: FlowEdge) => FlowEdge): Flow {
  return { ...flow, edges: flow.edges.map((edge) => (edge.id === id ? update(edge) : edge)) };
}
