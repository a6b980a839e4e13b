/** Automatic top-to-bottom layout of a flow with dagre. */
import dagre from "@dagrejs/dagre";
import type { Flow, FlowNode } from "@/runtime/definition/schema";
import type { Position } from "./flowOps";

/** The size the canvas draws each kind of node at (also what the layout reserves). */
export function nodeSize(node: Pick<FlowNode, "type">): { width: number; height: number } {
  switch (node.type) {
    case "task":
      return { width: 200, height: 72 };
    case "gateway":
      return { width: 160, height: 64 };
    default:
      return { width: 140, height: 48 };
  }
}

/** New positions (top-left corners) for every node. */
export function layoutFlow(flow: Flow): Map<string, Position> {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({ rankdir: "TB", nodesep: 48, ranksep: 64, edgesep: 16 });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of flow.nodes) graph.setNode(node.id, nodeSize(node));
  for (const edge of flow.edges) {
    if (graph.hasNode(edge.from) && graph.hasNode(edge.to)) graph.setEdge(edge.from, edge.to, {}, edge.id);
  }
  dagre.layout(graph);
  const positions = new Map<string, Position>();
  for (const node of flow.nodes) {
    const laid = graph.node(node.id);
    const { width, height } = nodeSize(node);
    positions.set(node.id, { x: Math.round(laid.x - width / 2), y: Math.round(laid.y - height / 2) });
  }
  return positions;
}

/** Vertical step when looking for a free place: a task's height and a gap. */
const FREE_STEP = nodeSize({ type: "task" }).height + 24;

/**
 * `wanted`, or the first place below it where a new node of `type` covers no node already on the
 * canvas (so that adding twice beside the same node does not stack the new nodes on each other).
 */
export function freePosition(flow: Flow, type: FlowNode["type"], wanted: Position): Position {
  const { width, height } = nodeSize({ type });
  const overlaps = (at: Position) =>
    flow.nodes.some((node) => {
      const size = nodeSize(node);
      return at.x < node.position.x + size.width && node.position.x < at.x + width && at.y < node.position.y + size.height && node.position.y < at.y + height;
    });
  let at = wanted;
  for (let i = 0; i < flow.nodes.length + 1 && overlaps(at); i++) at = { x: wanted.x, y: at.y + FREE_STEP };
  return at;
}
