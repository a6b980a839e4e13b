"use client";
/** How each kind of flow node looks on the canvas: start, step (task), decision (gateway), end. */
import { memo } from "react";
import { Handle, Position, type NodeProps, type NodeTypes } from "@xyflow/react";
import { changeKindLabels, outcomeLabels, taskRoleLabels } from "@/runtime/definition/labels";
import type { CanvasNode, Mark } from "./canvasModel";

const markClasses: Record<Mark, string> = {
  added: "bg-emerald-50 border-emerald-700",
  removed: "bg-red-50 border-red-700 border-dashed opacity-80",
  changed: "bg-amber-50 border-amber-700",
  moved: "bg-sky-50 border-sky-700",
};

function Frame({ data, selected, shape, children }: { data: CanvasNode["data"]; selected: boolean; shape: string; children: React.ReactNode }) {
  const problem = data.problems.length > 0;
  const tone = data.mark ? markClasses[data.mark] : "bg-background border-input";
  return (
    <div
      className={`relative flex h-full w-full flex-col justify-center border-2 px-3 text-sm text-foreground shadow-sm ${shape} ${tone} ${
        problem ? "border-destructive ring-2 ring-destructive/30" : ""
      } ${selected ? "outline outline-2 outline-offset-2 outline-primary" : ""}`}
      title={problem ? data.problems.join("\n") : undefined}
    >
      {children}
      {problem && (
        <span className="absolute -right-2 -top-2 rounded-full bg-destructive px-1.5 text-xs font-semibold text-white" aria-hidden="true">
          {data.problems.length}
        </span>
      )}
      {data.mark && data.mark !== "moved" && (
        <span className="absolute -left-2 -top-2 rounded bg-foreground px-1 text-xs text-background" aria-hidden="true">
          {changeKindLabels[data.mark]}
        </span>
      )}
    </div>
  );
}

const handleClass = "!h-3 !w-3 !border-2 !border-background !bg-primary";

function StartNode({ data, selected }: NodeProps<CanvasNode>) {
  return (
    <Frame data={data} selected={selected} shape="rounded-full items-center">
      <span className="truncate font-medium">▶ {data.node.label}</span>
      <Handle type="source" position={Position.Bottom} className={handleClass} />
    </Frame>
  );
}

function TaskNode({ data, selected }: NodeProps<CanvasNode>) {
  const node = data.node;
  if (node.type !== "task") return null;
  return (
    <Frame data={data} selected={selected} shape="rounded-lg">
      <Handle type="target" position={Position.Top} className={handleClass} />
      <span className="truncate font-medium">{node.label}</span>
      <span className="truncate text-xs text-muted-foreground">
        {taskRoleLabels[node.role] ?? "未指定角色"}
        {node.sla ? ` · ${node.sla.days}${node.sla.unit === "workday" ? "个工作日" : "天"}` : ""}
        {node.pausable ? " · 可中止" : ""}
      </span>
      <span className="truncate text-xs text-muted-foreground">{node.actions.map((a) => a.label).join(" / ") || "（无操作）"}</span>
      <Handle type="source" position={Position.Bottom} className={handleClass} />
    </Frame>
  );
}

function GatewayNode({ data, selected }: NodeProps<CanvasNode>) {
  return (
    <Frame data={data} selected={selected} shape="rounded-md border-dashed items-center text-center">
      <Handle type="target" position={Position.Top} className={handleClass} />
      <span className="text-xs text-muted-foreground">◇ 判断</span>
      <span className="w-full truncate font-medium">{data.node.label}</span>
      <Handle type="source" position={Position.Bottom} className={handleClass} />
    </Frame>
  );
}

function EndNode({ data, selected }: NodeProps<CanvasNode>) {
  const node = data.node;
  return (
    <Frame data={data} selected={selected} shape="rounded-full items-center border-4 border-double">
      <Handle type="target" position={Position.Top} className={handleClass} />
      <span className="w-full truncate text-center font-medium">■ {node.label}</span>
      {node.type === "end" && node.label !== outcomeLabels[node.outcome] && (
        <span className="text-xs text-muted-foreground">{outcomeLabels[node.outcome]}</span>
      )}
    </Frame>
  );
}

export const flowNodeTypes: NodeTypes = {
  start: memo(StartNode),
  task: memo(TaskNode),
  gateway: memo(GatewayNode),
  end: memo(EndNode),
};
