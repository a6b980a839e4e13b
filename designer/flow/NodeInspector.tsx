"use client";
/** The selected node's properties: name, id, role, actions with where each leads, forms, time limit, pause. */
import { useId, useState } from "react";
import type { ActionKind, Flow, FlowNode, FormDefinition, TaskNode } from "@/runtime/definition/schema";
import { addAction, connect, removeAction, renameAction, renameNode, updateEdge, updateNode } from "../core/flowOps";
import { actionKindLabels, outcomeLabels, taskRoleLabels } from "@/runtime/definition/labels";
import { isValidId } from "../core/ids";
import { nodeChoiceLabels } from "../core/nodeChoices";
import { ItemMark } from "../variant/ItemMark";
import { useIdScope, useItemLocked } from "../variant/VariantContext";
import { buttonClass, checkboxLabelClass, inputClass, labelClass, smallButtonClass } from "../ui/classes";

export type FlowChange = (next: Flow, group?: string | null) => void;


/** An id field that only takes valid, unused ids (applied on blur / Enter). */
function IdInput({ label, value, taken, onRename }: { label: string; value: string; taken: (id: string) => boolean; onRename: (id: string) => void }) {
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const apply = () => {
    if (draft === value) return setError(null);
    if (!isValidId(draft)) return setError("只能包含字母、数字、下划线和连字符，并以字母开头");
    if (taken(draft)) return setError("该编号已被使用");
    setError(null);
    onRename(draft);
  };
  return (
    <label className={labelClass}>
      {label}
      <input
        className={`${inputClass} font-mono`}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === "Enter" && apply()}
      />
      {error && <span id={errorId} className="text-xs font-normal text-destructive">{error}</span>}
    </label>
  );
}

function TaskFields({ flow, node, forms, onChange }: { flow: Flow; node: TaskNode; forms: readonly FormDefinition[]; onChange: FlowChange }) {
  const set = (patch: Partial<TaskNode>, group: string | null = null) => onChange(updateNode(flow, node.id, (n) => ({ ...n, ...patch }) as FlowNode), group);
  const outgoing = flow.edges.filter((e) => e.from === node.id);
  const targets = flow.nodes.filter((n) => n.id !== node.id && n.type !== "start");
  const targetLabels = nodeChoiceLabels(targets);
  const idScope = useIdScope();
  const setTarget = (actionId: string, to: string) => {
    const edge = outgoing.find((e) => e.action === actionId);
    if (edge) {
      onChange(to ? updateEdge(flow, edge.id, (e) => ({ ...e, to })) : { ...flow, edges: flow.edges.filter((e) => e.id !== edge.id) });
      return;
    }
    if (!to) return;
    const made = connect(flow, node.id, to, idScope);
    if (made) onChange(updateEdge(made.flow, made.edgeId, (e) => ({ ...e, action: actionId })));
  };
  return (
    <>
      <label className={labelClass}>
        办理角色
        <select className={inputClass} value={node.role ?? ""} onChange={(e) => set({ role: e.target.value as TaskNode["role"] })}>
          {Object.entries(taskRoleLabels).map(([value, label]) => (
            <option key={value} value={value}>{label}</option>
          ))}
        </select>
      </label>

      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">操作（每个操作对应一条出口连线）</legend>
        {node.actions.length === 0 && <p className="text-sm text-destructive">至少需要一个操作。</p>}
        <ol className="space-y-2">
          {node.actions.map((action, index) => {
            const n = `操作${index + 1}`;
            const setAction = (patch: Partial<TaskNode["actions"][number]>, group: string | null = null) =>
              set({ actions: node.actions.map((a) => (a.id === action.id ? { ...a, ...patch } : a)) }, group);
            return (
              <li key={action.id} className="space-y-1 rounded-md border p-2">
                <input aria-label={`${n}的名称`} className={inputClass} value={action.label} onChange={(e) => setAction({ label: e.target.value }, `action-label:${node.id}:${action.id}`)} />
                <div className="grid grid-cols-2 gap-1">
                  <select aria-label={`${n}的类型`} className={inputClass} value={action.kind} onChange={(e) => setAction({ kind: e.target.value as ActionKind })}>
                    {Object.entries(actionKindLabels).map(([value, label]) => (
                      <option key={value} value={value}>{label}</option>
                    ))}
                  </select>
                  <select aria-label={`${n}通向`} className={inputClass} value={outgoing.find((e) => e.action === action.id)?.to ?? ""} onChange={(e) => setTarget(action.id, e.target.value)}>
                    <option value="">（未连接）</option>
                    {targets.map((t) => (
                      <option key={t.id} value={t.id}>→ {targetLabels.get(t.id)}</option>
                    ))}
                  </select>
                </div>
                <IdInput key={action.id} label={`${n}的编号`} value={action.id} taken={(id) => node.actions.some((a) => a.id === id)} onRename={(id) => onChange(renameAction(flow, node.id, action.id, id))} />
                <div className="flex items-center justify-between">
                  <label className={checkboxLabelClass}>
                    <input type="checkbox" checked={action.requiresComment} onChange={(e) => setAction({ requiresComment: e.target.checked })} />
                    须填写意见
                  </label>
                  <button type="button" className={smallButtonClass} onClick={() => onChange(removeAction(flow, node.id, action.id))}>
                    删除<span className="sr-only">{n}</span>
                  </button>
                </div>
              </li>
            );
          })}
        </ol>
        <button type="button" className={smallButtonClass} onClick={() => onChange(addAction(flow, node.id))}>添加操作</button>
      </fieldset>

      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">本环节的表单</legend>
        {forms.length === 0 && <p className="text-sm text-muted-foreground">还没有表单。</p>}
        {forms.map((form) => {
          const mode = node.forms.find((f) => f.formId === form.id)?.mode ?? "";
          return (
            <label key={form.id} className="flex items-center justify-between gap-2 text-sm">
              <span className="truncate">{form.title}</span>
              <select
                className={`${inputClass} w-24`}
                value={mode}
                onChange={(e) => {
                  const others = node.forms.filter((f) => f.formId !== form.id);
                  const value = e.target.value;
                  set({ forms: value ? [...others, { formId: form.id, mode: value as "view" | "edit" }] : others });
                }}
              >
                <option value="">不显示</option>
                <option value="view">查看</option>
                <option value="edit">填写</option>
              </select>
            </label>
          );
        })}
      </fieldset>

      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">办理时限</legend>
        <label className={checkboxLabelClass}>
          <input type="checkbox" checked={node.sla !== null} onChange={(e) => set({ sla: e.target.checked ? { days: 1, unit: "workday" } : null })} />
          设置时限
        </label>
        {node.sla && (
          <div className="grid grid-cols-2 gap-1">
            <input
              type="number"
              min={0}
              aria-label="时限天数"
              className={inputClass}
              value={node.sla.days}
              onChange={(e) => set({ sla: { ...node.sla!, days: Math.max(0, Math.floor(Number(e.target.value) || 0)) } }, `sla:${node.id}`)}
            />
            <select aria-label="时限单位" className={inputClass} value={node.sla.unit} onChange={(e) => set({ sla: { ...node.sla!, unit: e.target.value as "workday" | "day" } })}>
              <option value="workday">个工作日</option>
              <option value="day">个自然日</option>
            </select>
          </div>
        )}
      </fieldset>

      <fieldset className="space-y-1">
        <legend className="text-sm font-medium">办理规则</legend>
        <label className={checkboxLabelClass}>
          <input type="checkbox" checked={node.pausable} onChange={(e) => set({ pausable: e.target.checked })} />
          允许中止（暂停办理）
        </label>
        <label className={checkboxLabelClass}>
          <input type="checkbox" checked={node.clockStops} onChange={(e) => set({ clockStops: e.target.checked })} />
          等待期间不计时（补正、公示）
        </label>
        <label className={checkboxLabelClass}>
          <input type="checkbox" checked={node.publicNotice} onChange={(e) => set({ publicNotice: e.target.checked })} />
          公示环节（期满自动继续）
        </label>
        <label className={checkboxLabelClass}>
          <input
            type="checkbox"
            checked={!!node.separateFromPrevious}
            disabled={node.role === "applicant"}
            aria-describedby={`separate-hint-${node.id}`}
            onChange={(e) => set({ separateFromPrevious: e.target.checked })}
          />
          须与上一环节由不同人员办理（不相容岗位分离）
        </label>
        <p id={`separate-hint-${node.id}`} className="text-xs text-muted-foreground">
          勾选后，办理本件上一工作人员环节（如受理、审核）的人员不能办理本环节。
        </p>
      </fieldset>

      <label className={labelClass}>
        审核要点（每行一条）
        <textarea
          className={`${inputClass} h-20`}
          value={node.checkpoints.join("\n")}
          onChange={(e) => set({ checkpoints: e.target.value.split("\n") }, `checkpoints:${node.id}`)}
          onBlur={() => set({ checkpoints: node.checkpoints.map((c) => c.trim()).filter(Boolean) })}
        />
      </label>
    </>
  );
}

export function NodeInspector({
  flow,
  node,
  forms,
  onChange,
  onDelete,
  onConnected,
}: {
  flow: Flow;
  node: FlowNode;
  forms: readonly FormDefinition[];
  onChange: FlowChange;
  onDelete: () => void;
  /** A new edge made here: the designer selects it, so that its condition or action can be set next. */
  onConnected?: (edgeId: string) => void;
}) {
  const [connectTo, setConnectTo] = useState("");
  const [connectError, setConnectError] = useState<string | null>(null);
  const connectErrorId = useId();
  const canConnect = node.type !== "end";
  const connectable = flow.nodes.filter((n) => n.id !== node.id && n.type !== "start");
  const connectableLabels = nodeChoiceLabels(connectable, { withId: true });
  const idScope = useIdScope();
  const locked = useItemLocked(`node/${node.id}`);
  return (
    <div className="space-y-3">
      <h2 className="font-semibold">
        {node.type === "task" ? "步骤" : node.type === "gateway" ? "判断" : node.type === "end" ? "结束" : "开始"}：{node.label || "（未命名）"}
      </h2>
      <ItemMark itemKey={`node/${node.id}`} />
      <fieldset disabled={locked} className="min-w-0 space-y-3">
      <label className={labelClass}>
        名称
        <input className={inputClass} value={node.label} onChange={(e) => onChange(updateNode(flow, node.id, (n) => ({ ...n, label: e.target.value })), `label:${node.id}`)} />
      </label>
      <IdInput key={node.id} label="编号" value={node.id} taken={(id) => flow.nodes.some((n) => n.id === id)} onRename={(id) => onChange(renameNode(flow, node.id, id))} />
      {node.type === "task" && <TaskFields flow={flow} node={node} forms={forms} onChange={onChange} />}
      {node.type === "end" && (
        <label className={labelClass}>
          办理结果
          <select
            className={inputClass}
            value={node.outcome}
            onChange={(e) => onChange(updateNode(flow, node.id, (n) => ({ ...n, outcome: e.target.value as typeof node.outcome })))}
          >
            {Object.entries(outcomeLabels).map(([value, label]) => (
              <option key={value} value={value}>{label}</option>
            ))}
          </select>
        </label>
      )}
      {canConnect && (
        <div className="flex items-end gap-1">
          <label className={`${labelClass} flex-1`}>
            添加连线到
            <select
              className={inputClass}
              value={connectTo}
              aria-describedby={connectError ? connectErrorId : undefined}
              onChange={(e) => {
                setConnectTo(e.target.value);
                setConnectError(null);
              }}
            >
              <option value="">请选择节点</option>
              {connectable.map((n) => (
                <option key={n.id} value={n.id}>{connectableLabels.get(n.id)}</option>
              ))}
            </select>
          </label>
          <button
            type="button"
            className={buttonClass}
            disabled={!connectTo}
            onClick={() => {
              const made = connect(flow, node.id, connectTo, idScope);
              if (!made) {
                const target = flow.nodes.find((n) => n.id === connectTo);
                setConnectError(`不能再连接到“${target?.label ?? connectTo}”：${node.type === "start" ? "开始节点只能有一条出口" : "这个判断已经有一条连线通向它"}`);
                return;
              }
              setConnectTo("");
              onChange(made.flow);
              onConnected?.(made.edgeId);
            }}
          >
            连接
          </button>
        </div>
      )}
      {connectError && (
        <p id={connectErrorId} role="alert" className="text-sm text-destructive">{connectError}</p>
      )}
      {node.type !== "start" && (
        <button type="button" className={`${buttonClass} w-full text-destructive`} onClick={onDelete}>
          删除此节点及其连线
        </button>
      )}
      </fieldset>
    </div>
  );
}
