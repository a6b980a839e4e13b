/**
 * The flow as React Flow nodes and edges. `syncNodes` keeps the node objects React Flow already
 * has (with their measured size and selection) for every flow node that did not change, so an
 * edit of one node re-renders one node, also with hundreds on the canvas.
 */
import { MarkerType, type Edge, type Node } from "@xyflow/react";
import type { FlowEdge, FlowNode } from "@/runtime/definition/schema";
import type { ChangeKind } from "@/runtime/definition/diff";
import { nodeTypeLabels, outcomeLabels, taskRoleLabels } from "@/runtime/definition/labels";
import { nodeSize } from "../core/layout";

export type Mark = ChangeKind | "moved";

export interface NodeData extends Record<string, unknown> {
  node: FlowNode;
  /** Lint messages about this node. */
  problems: readonly string[];
  mark: Mark | null;
}

export interface EdgeData extends Record<string, unknown> {
  edge: FlowEdge;
  problems: readonly string[];
  mark: Mark | null;
}

export type CanvasNode = Node<NodeData>;
export type CanvasEdge = Edge<EdgeData>;


export function nodeAriaLabel(node: FlowNode, problems: readonly string[]): string {
  const parts = [`${nodeTypeLabels[node.type]}“${node.label}”`];
  if (node.type === "task") parts.push(`${taskRoleLabels[node.role] ?? "未指定角色"}办理`);
  if (node.type === "end") parts.push(outcomeLabels[node.outcome] ?? "");
  if (problems.length > 0) parts.push(`${problems.length} 个问题`);
  return parts.filter(Boolean).join("，");
}

const EMPTY: readonly string[] = [];

export interface Decorations {
  problemsByNode: ReadonlyMap<string, readonly string[]>;
  problemsByEdge: ReadonlyMap<string, readonly string[]>;
  marks?: { nodes: Readonly<Record<string, Mark>>; edges: Readonly<Record<string, Mark>> };
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** React Flow nodes for `flowNodes`, reusing `previous` objects that are still right. */
export function syncNodes(previous: readonly CanvasNode[], flowNodes: readonly FlowNode[], decorations: Decorations): CanvasNode[] {
  const before = new Map(previous.map((n) => [n.id, n]));
  return flowNodes.map((node) => {
    const problems = decorations.problemsByNode.get(node.id) ?? EMPTY;
    const mark = decorations.marks?.nodes[node.id] ?? null;
    const old = before.get(node.id);
    if (old && old.data.node === node && old.data.mark === mark && sameList(old.data.problems, problems)) return old;
    const size = nodeSize(node);
    return {
      id: node.id,
      type: node.type,
      position: node.position,
      data: { node, problems, mark },
      width: size.width,
      height: size.height,
      selected: old?.selected ?? false,
      measured: old?.measured,
      deletable: node.type !== "start",
      ariaLabel: nodeAriaLabel(node, problems),
    };
  });
}

const edgeColours: Record<Mark | "problem", string> = {
  added: "#047857",
  removed: "#b91c1c",
  changed: "#b45309",
  moved: "#0369a1",
  problem: "#b91c1c",
};

function edgeLabel(edge: FlowEdge, source: FlowNode | undefined): string | undefined {
  if (edge.label) return edge.label;
  if (source?.type === "task" && edge.action) return source.actions.find((a) => a.id === edge.action)?.label ?? edge.action;
  if (edge.isDefault) return "默认";
  if (edge.condition !== undefined) return "条件";
  return undefined;
}

export function syncEdges(previous: readonly CanvasEdge[], flowEdges: readonly FlowEdge[], flowNodes: readonly FlowNode[], decorations: Decorations): CanvasEdge[] {
  const before = new Map(previous.map((e) => [e.id, e]));
  const nodes = new Map(flowNodes.map((n) => [n.id, n]));
  return flowEdges.map((edge) => {
    const problems = decorations.problemsByEdge.get(edge.id) ?? EMPTY;
    const mark = decorations.marks?.edges[edge.id] ?? null;
    const old = before.get(edge.id);
    const source = nodes.get(edge.from);
    const label = edgeLabel(edge, source);
    if (old && old.data?.edge === edge && old.label === label && old.data.mark === mark && sameList(old.data.problems, problems)) return old;
    const colour = problems.length > 0 ? edgeColours.problem : mark ? edgeColours[mark] : undefined;
    return {
      id: edge.id,
      source: edge.from,
      target: edge.to,
      type: "smoothstep",
      label,
      data: { edge, problems, mark },
      selected: old?.selected ?? false,
      style: colour ? { stroke: colour, strokeWidth: 2, strokeDasharray: mark === "removed" ? "6 4" : undefined } : undefined,
      ariaLabel: `连线：${source?.label ?? edge.from} → ${nodes.get(edge.to)?.label ?? edge.to}${label ? `（${label}）` : ""}${problems.length ? `，${problems.length} 个问题` : ""}`,
      markerEnd: { type: MarkerType.ArrowClosed, width: 18, height: 18 },
    };
  });
}
