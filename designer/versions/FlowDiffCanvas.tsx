"use client";
/** The flow of the newer version with the older one's removed nodes and edges, coloured by change. */
import "@xyflow/react/dist/style.css";
import { useMemo } from "react";
import { Background, Controls, MiniMap, ReactFlow, ReactFlowProvider } from "@xyflow/react";
import type { Flow } from "@/runtime/definition/schema";
import type { DefinitionDiff } from "@/runtime/definition/diff";
import { flowAriaLabels } from "../flow/ariaLabels";
import { syncEdges, syncNodes, type CanvasEdge, type CanvasNode } from "../flow/canvasModel";
import { flowNodeTypes } from "../flow/FlowNodes";

const legend = [
  { label: "新增", className: "bg-emerald-50 border-emerald-700" },
  { label: "修改", className: "bg-amber-50 border-amber-700" },
  { label: "删除", className: "bg-red-50 border-red-700 border-dashed" },
  { label: "仅移动", className: "bg-sky-50 border-sky-700" },
];

export function FlowDiffCanvas({ before, after, diff }: { before: Flow; after: Flow; diff: DefinitionDiff }) {
  const { nodes, edges } = useMemo(() => {
    const removedNodes = before.nodes.filter((n) => diff.nodes[n.id] === "removed");
    const removedEdges = before.edges.filter((e) => diff.edges[e.id] === "removed");
    const allNodes = [...after.nodes, ...removedNodes];
    const decorations = { problemsByNode: new Map(), problemsByEdge: new Map(), marks: { nodes: diff.nodes, edges: diff.edges } };
    return {
      nodes: syncNodes([], allNodes, decorations),
      edges: syncEdges([], [...after.edges, ...removedEdges], allNodes, decorations),
    };
  }, [before, after, diff]);
  return (
    <div className="space-y-2">
      <ul className="flex flex-wrap gap-3 text-xs" aria-label="图例">
        {legend.map((item) => (
          <li key={item.label} className="flex items-center gap-1">
            <span className={`inline-block h-3 w-5 rounded border-2 ${item.className}`} aria-hidden="true" />
            {item.label}
          </li>
        ))}
      </ul>
      <div className="h-[480px] rounded-lg border bg-background">
        <ReactFlowProvider>
          <ReactFlow<CanvasNode, CanvasEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={flowNodeTypes}
            nodesDraggable={false}
            nodesConnectable={false}
            elementsSelectable={false}
            deleteKeyCode={null}
            fitView
            minZoom={0.1}
            ariaLabelConfig={flowAriaLabels}
            aria-label="流程差异"
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={16} />
            <MiniMap pannable zoomable ariaLabel="流程差异缩略图" />
            <Controls showInteractive={false} />
          </ReactFlow>
        </ReactFlowProvider>
      </div>
    </div>
  );
}
