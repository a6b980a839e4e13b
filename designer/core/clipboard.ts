/**
 * Copy and paste of flow fragments: the chosen nodes (never the start) with the edges between
 * them. Pasting gives every node and edge a fresh id and shifts the fragment so that it does
 * not cover the original; pasting twice shifts twice as far.
 */
import type { Flow, FlowEdge, FlowNode } from "@/runtime/definition/schema";
import { newItemId } from "./ids";

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

/** Pastes `fragment` (the `times`-th paste of it) and returns the flow and the new node ids; `scope` is a local variant's office (see `newItemId`). */
export function pasteFragment(flow: Flow, fragment: FlowFragment, times = 1, scope?: string | null): { flow: Flow; nodeIds: string[] } {
  const nodeIds = flow.nodes.map((n) => n.id);
  const edgeIds = flow.edges.map((e) => e.id);
  const renamed = new Map<string, string>();
  const shift = PASTE_OFFSET * times;
  const nodes = fragment.nodes.map((node) => {
    // step3 → step_1; a variant's step_150100_2 → step_150100_3 (not step_150100_150100_1).
    const mark = scope?.replace(/[^A-Za-z0-9]/g, "");
    const stem = node.id.replace(/_?\d+$/, "");
    const base = (mark && stem.endsWith(`_${mark}`) ? stem.slice(0, -mark.length - 1) : stem) || "node";
    const id = mark ? newItemId(base, nodeIds, mark) : newItemId(`${base}_`, nodeIds);
    nodeIds.push(id);
    renamed.set(node.id, id);
    return { ...structuredClone(node), id, position: { x: node.position.x + shift, y: node.position.y + shift } };
  });
  const edges = fragment.edges.map((edge) => {
    const id = newItemId("edge", edgeIds, scope);
    edgeIds.push(id);
    return { ...structuredClone(edge), id, from: renamed.get(edge.from)!, to: renamed.get(edge.to)! };
  });
  return { flow: { ...flow, nodes: [...flow.nodes, ...nodes], edges: [...flow.edges, ...edges] }, nodeIds: nodes.map((n) => n.id) };
}
