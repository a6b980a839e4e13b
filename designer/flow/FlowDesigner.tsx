"use client";
/**
 * The flow designer: palette, canvas (React Flow) with minimap and controls, and the inspector
 * of the selected node or edge. Every change goes to the caller as a new flow (one undo step;
 * a drag is one step, arrow-key nudges of the same nodes merge into one). Keyboard: Tab to a
 * node, Enter to select, arrows to move (Shift: faster), Delete to remove with its edges,
 * Ctrl+C / Ctrl+V to copy and paste; the inspector connects nodes without a mouse.
 */
import "@xyflow/react/dist/style.css";
import { startTransition, useCallback, useEffect, useMemo, useRef, useState, type DragEvent, type KeyboardEvent } from "react";
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
} from "@xyflow/react";
import type { Flow, FormDefinition } from "@/runtime/definition/schema";
import type { LintProblem } from "@/runtime/definition/lint";
import { copyFragment, pasteFragment, type FlowFragment } from "../core/clipboard";
import { addNode, connect, moveNodes, removeElements, type PaletteItem, type Position } from "../core/flowOps";
import { freePosition, layoutFlow } from "../core/layout";
import { buttonClass } from "../ui/classes";
import { useIdScope } from "../variant/VariantContext";
import { syncEdges, syncNodes, type CanvasEdge, type CanvasNode, type Decorations } from "./canvasModel";
import { EdgeInspector } from "./EdgeInspector";
import { flowNodeTypes } from "./FlowNodes";
import { NodeInspector, type FlowChange } from "./NodeInspector";
import { Palette, PALETTE_MIME } from "./Palette";
import { flowAriaLabels } from "./ariaLabels";

export interface FlowFocus {
  nodeId?: string;
  edgeId?: string;
  /** Changes each time the same element is asked for again. */
  seq: number;
}

export interface FlowDesignerProps {
  flow: Flow;
  forms: readonly FormDefinition[];
  problems: readonly LintProblem[];
  onChange: FlowChange;
  focus?: FlowFocus | null;
}

export function FlowDesigner(props: FlowDesignerProps) {
  return (
    <ReactFlowProvider>
      <FlowCanvas {...props} />
    </ReactFlowProvider>
  );
}

function group<T>(items: readonly T[], key: (item: T) => string | undefined, value: (item: T) => string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of items) {
    const k = key(item);
    if (k) out.set(k, [...(out.get(k) ?? []), value(item)]);
  }
  return out;
}

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(el.tagName));
}

function FlowCanvas({ flow, forms, problems, onChange, focus }: FlowDesignerProps) {
  const reactFlow = useReactFlow<CanvasNode, CanvasEdge>();
  const decorations = useMemo<Decorations>(
    () => ({
      problemsByNode: group(problems, (p) => p.nodeId, (p) => p.message),
      problemsByEdge: group(problems, (p) => p.edgeId, (p) => p.message),
    }),
    [problems],
  );
  const [nodes, setNodes] = useState<CanvasNode[]>(() => syncNodes([], flow.nodes, decorations));
  const [edges, setEdges] = useState<CanvasEdge[]>(() => syncEdges([], flow.edges, flow.nodes, decorations));
  const [announcement, setAnnouncement] = useState("");
  const flowRef = useRef(flow);
  const idScope = useIdScope();
  flowRef.current = flow;
  const dragging = useRef(false);
  const clipboard = useRef<{ fragment: FlowFragment; pasted: number } | null>(null);
  const pendingSelection = useRef<{ nodes: string[]; edges: string[] } | null>(null);
  const wrapper = useRef<HTMLDivElement>(null);

  useEffect(() => {
    setNodes((previous) => {
      const synced = syncNodes(previous, flow.nodes, decorations);
      const want = pendingSelection.current;
      if (!want) return synced;
      return synced.map((n) => (n.selected === want.nodes.includes(n.id) ? n : { ...n, selected: want.nodes.includes(n.id) }));
    });
    setEdges((previous) => {
      const synced = syncEdges(previous, flow.edges, flow.nodes, decorations);
      const want = pendingSelection.current;
      pendingSelection.current = null;
      if (!want) return synced;
      return synced.map((e) => (e.selected === want.edges.includes(e.id) ? e : { ...e, selected: want.edges.includes(e.id) }));
    });
  }, [flow.nodes, flow.edges, decorations]);

  const select = useCallback((nodeIds: string[], edgeIds: string[] = []) => {
    pendingSelection.current = { nodes: nodeIds, edges: edgeIds };
    setNodes((ns) => ns.map((n) => (n.selected === nodeIds.includes(n.id) ? n : { ...n, selected: nodeIds.includes(n.id) })));
    setEdges((es) => es.map((e) => (e.selected === edgeIds.includes(e.id) ? e : { ...e, selected: edgeIds.includes(e.id) })));
  }, []);

  // A node or edge asked for from outside (the problem list): select it and bring it into view.
  useEffect(() => {
    if (!focus) return;
    const current = flowRef.current;
    const edge = focus.edgeId ? current.edges.find((e) => e.id === focus.edgeId) : undefined;
    const nodeId = focus.nodeId ?? edge?.from;
    select(focus.nodeId ? [focus.nodeId] : [], edge ? [edge.id] : []);
    const node = current.nodes.find((n) => n.id === nodeId);
    if (node) void reactFlow.setCenter(node.position.x + 100, node.position.y + 40, { zoom: 1, duration: 300 });
  }, [focus, reactFlow, select]);

  const onNodesChange = useCallback(
    (changes: NodeChange<CanvasNode>[]) => {
      setNodes((ns) => applyNodeChanges(changes.filter((c) => c.type !== "remove"), ns));
      const settled = new Map<string, Position>();
      for (const change of changes) {
        if (change.type !== "position" || !change.position) continue;
        if (change.dragging) dragging.current = true;
        else settled.set(change.id, change.position);
      }
      if (settled.size === 0) return;
      const wasDrag = dragging.current;
      dragging.current = false;
      // The canvas shows the new place at once; recording the step may follow a frame later.
      startTransition(() => onChange(moveNodes(flowRef.current, settled), wasDrag ? null : `nudge:${[...settled.keys()].sort().join(",")}`));
    },
    [onChange],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<CanvasEdge>[]) => {
    setEdges((es) => applyEdgeChanges(changes.filter((c) => c.type !== "remove"), es));
  }, []);

  const onConnect = useCallback(
    (connection: Connection) => {
      const made = connect(flowRef.current, connection.source, connection.target, idScope);
      if (!made) {
        setAnnouncement("不能这样连接：结束节点没有出口，开始节点只有一条出口且不能被指向，同一判断不能重复连向同一节点");
        return;
      }
      onChange(made.flow);
      select([], [made.edgeId]);
    },
    [onChange, select, idScope],
  );

  const selectedNodeIds = useMemo(() => nodes.filter((n) => n.selected).map((n) => n.id), [nodes]);
  const selectedEdgeIds = useMemo(() => edges.filter((e) => e.selected).map((e) => e.id), [edges]);

  const add = useCallback(
    (item: PaletteItem, at?: Position) => {
      let position = at;
      if (!position) {
        const anchor = flowRef.current.nodes.find((n) => n.id === selectedNodeIds[0]);
        if (anchor) position = { x: anchor.position.x + 260, y: anchor.position.y + 60 };
        else {
          const box = wrapper.current?.getBoundingClientRect();
          position = box ? reactFlow.screenToFlowPosition({ x: box.left + box.width / 2, y: box.top + box.height / 3 }) : { x: 0, y: 0 };
        }
        // Added from the palette (not dropped at a chosen place): never on top of another node.
        position = freePosition(flowRef.current, item.type, { x: Math.round(position.x), y: Math.round(position.y) });
      }
      const made = addNode(flowRef.current, item, { x: Math.round(position.x), y: Math.round(position.y) }, idScope);
      onChange(made.flow);
      select([made.id]);
      setAnnouncement(`已添加节点“${made.flow.nodes.at(-1)!.label}”，在右侧设置它的属性`);
    },
    [onChange, reactFlow, select, selectedNodeIds, idScope],
  );

  const deleteSelected = useCallback(() => {
    const next = removeElements(flowRef.current, selectedNodeIds, selectedEdgeIds);
    if (next === flowRef.current) return;
    onChange(next);
    setAnnouncement(`已删除 ${flowRef.current.nodes.length - next.nodes.length} 个节点和 ${flowRef.current.edges.length - next.edges.length} 条连线`);
  }, [onChange, selectedEdgeIds, selectedNodeIds]);

  const copy = useCallback(() => {
    const fragment = copyFragment(flowRef.current, selectedNodeIds);
    if (!fragment) return;
    clipboard.current = { fragment, pasted: 0 };
    setAnnouncement(`已复制 ${fragment.nodes.length} 个节点`);
  }, [selectedNodeIds]);

  const paste = useCallback(() => {
    const clip = clipboard.current;
    if (!clip) return;
    clip.pasted += 1;
    const pasted = pasteFragment(flowRef.current, clip.fragment, clip.pasted, idScope);
    onChange(pasted.flow);
    select(pasted.nodeIds);
    setAnnouncement(`已粘贴 ${pasted.nodeIds.length} 个节点`);
  }, [onChange, select, idScope]);

  // Connected from the inspector (keyboard): the new edge is selected and, once its inspector
  // shows, that takes the focus (the button pressed is gone with the node's inspector).
  const inspector = useRef<HTMLElement>(null);
  const focusEdgeInspector = useRef<string | null>(null);
  const connectedInInspector = useCallback(
    (edgeId: string) => {
      focusEdgeInspector.current = edgeId;
      select([], [edgeId]);
      setAnnouncement("已添加连线并选中它，在右侧编辑它的属性");
    },
    [select],
  );

  const autoLayout = useCallback(() => {
    onChange(moveNodes(flowRef.current, layoutFlow(flowRef.current)));
    setAnnouncement("已自动排列节点");
    window.setTimeout(() => void reactFlow.fitView({ padding: 0.15, duration: 300 }), 50);
  }, [onChange, reactFlow]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (isTyping(event.target)) return;
    const mod = event.ctrlKey || event.metaKey;
    if (event.key === "Delete" || event.key === "Backspace") {
      event.preventDefault();
      deleteSelected();
    } else if (mod && event.key.toLowerCase() === "c") {
      copy();
    } else if (mod && event.key.toLowerCase() === "v") {
      event.preventDefault();
      paste();
    }
  };

  const onDrop = (event: DragEvent) => {
    const raw = event.dataTransfer.getData(PALETTE_MIME);
    if (!raw) return;
    event.preventDefault();
    add(JSON.parse(raw) as PaletteItem, reactFlow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
  };

  const selectedNode = selectedNodeIds.length === 1 && selectedEdgeIds.length === 0 ? flow.nodes.find((n) => n.id === selectedNodeIds[0]) : undefined;
  const selectedEdge = selectedEdgeIds.length === 1 && selectedNodeIds.length === 0 ? flow.edges.find((e) => e.id === selectedEdgeIds[0]) : undefined;

  const selectedEdgeId = selectedEdge?.id;
  useEffect(() => {
    if (!selectedEdgeId || focusEdgeInspector.current !== selectedEdgeId) return;
    focusEdgeInspector.current = null;
    inspector.current?.querySelector<HTMLElement>("input, select, textarea")?.focus();
  }, [selectedEdgeId]);

  return (
    <div className="grid gap-3 lg:grid-cols-[9rem_minmax(0,1fr)_20rem]" onKeyDown={onKeyDown}>
      <Palette onAdd={(item) => add(item)} />
      <div className="flex min-w-0 flex-col gap-2">
        <div role="toolbar" aria-label="流程工具" className="flex flex-wrap gap-1">
          <button type="button" className={buttonClass} onClick={autoLayout}>自动布局</button>
          <button type="button" className={buttonClass} onClick={copy} disabled={selectedNodeIds.length === 0} aria-keyshortcuts="Control+C">复制</button>
          <button type="button" className={buttonClass} onClick={paste} disabled={!clipboard.current} aria-keyshortcuts="Control+V">粘贴</button>
          <button type="button" className={buttonClass} onClick={deleteSelected} disabled={selectedNodeIds.length + selectedEdgeIds.length === 0} aria-keyshortcuts="Delete">删除所选</button>
        </div>
        <div ref={wrapper} className="flow-canvas h-[560px] rounded-lg border bg-background" onDragOver={(e) => e.preventDefault()} onDrop={onDrop}>
          <ReactFlow<CanvasNode, CanvasEdge>
            nodes={nodes}
            edges={edges}
            nodeTypes={flowNodeTypes}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            deleteKeyCode={null}
            fitView
            fitViewOptions={{ padding: 0.15 }}
            minZoom={0.1}
            ariaLabelConfig={flowAriaLabels}
            aria-label="流程画布"
            proOptions={{ hideAttribution: true }}
          >
            <Background gap={16} />
            <MiniMap pannable zoomable ariaLabel="流程缩略图" />
            <Controls showInteractive={false} />
          </ReactFlow>
        </div>
        <p className="text-xs text-muted-foreground">
          键盘：Tab 移到节点，回车选中，方向键移动（按住 Shift 更快），Delete 删除，Ctrl+C / Ctrl+V 复制粘贴，Ctrl+Z / Ctrl+Y 撤销重做。
        </p>
        <p role="status" aria-live="polite" className="sr-only">{announcement}</p>
      </div>
      <aside ref={inspector} aria-label="属性" className="rounded-lg border bg-background p-3">
        {selectedNode ? (
          <NodeInspector key={selectedNode.id} flow={flow} node={selectedNode} forms={forms} onChange={onChange} onDelete={deleteSelected} onConnected={connectedInInspector} />
        ) : selectedEdge ? (
          <EdgeInspector key={selectedEdge.id} flow={flow} edge={selectedEdge} forms={forms} onChange={onChange} onDelete={deleteSelected} />
        ) : (
          <p className="text-sm text-muted-foreground">
            {selectedNodeIds.length + selectedEdgeIds.length > 1 ? `已选中 ${selectedNodeIds.length} 个节点、${selectedEdgeIds.length} 条连线。` : "选中一个节点或连线，在这里编辑它的属性。"}
          </p>
        )}
      </aside>
    </div>
  );
}
