/**
 * Copy and paste of flow fragments: the chosen nodes (never the start) with the edges between
 * them. Pasting gives every node and edge a fresh id and shifts the fragment so that it does
 * not cover the original; pasting twice shifts twice as far.
 */
import type { Flow, FlowEdge, FlowNode } from "@/runtime/definition/schema";
import { uniqueId } from "./ids";

export interface FlowFragment {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

export const PASTE_OFFSET = 40;

export function copyFragment(flow: Flow, nodeIds: Iterable<string>): FlowFragment | null {
  const ids = new Set(nodeIds);
  const nodes = flow.nodes.filter((n) => ids.has(n.id) && n.type !== "start");
  if (nodes.length === 0) return null;
  const kept = new Set(nodes.map((n) => n.id));
  const edges = flow.edges.filter((e) => kept.has(e.from) && kept.has(e.to));
  return structuredClone({ nodes, edges });
}

/** Pastes `fragment` (the `times`-th paste of it) and returns the flow and the new node ids. */
export function pasteFragment(flow: Flow, fragment: FlowFragment, times = 1): { flow: Flow; nodeIds: string[] } {
  const nodeIds = flow.nodes.map((n) => n.id);
  const edgeIds = flow.edges.map((e) => e.id);
  const renamed = new Map<string, string>();
  const shift = PASTE_OFFSET * times;
  const nodes = fragment.nodes.map((node) => {
    const base = node.id.replace(/_?\d+$/, "") || "node";
    const id = uniqueId(`${base}_`, nodeIds);
    nodeIds.push(id);
    renamed.set(node.id, id);
    return { ...structuredClone(node), id, position: { x: node.position.x + shift, y: node.position.y + shift } };
  });
  const edges = fragment.edges.map((edge) => {
    const id = uniqueId("edge", edgeIds);
    edgeIds.push(id);
    return { ...structuredClone(edge), id, from: renamed.get(edge.from)!, to: renamed.get(edge.to)! };
  });
  return { flow: { ...flow, nodes: [...flow.nodes, ...nodes], edges: [...flow.edges, ...edges] }, nodeIds: nodes.map((n) => n.id) };
}
