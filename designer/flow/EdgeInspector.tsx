"use client";
/** The selected edge: from a step, the action that takes it; from a decision, its condition or the default exit. */
import type { Flow, FlowEdge, FormDefinition } from "@/runtime/definition/schema";
import { updateEdge } from "../core/flowOps";
import { buttonClass, checkboxLabelClass, inputClass, labelClass } from "../ui/classes";
import { ConditionEditor } from "./ConditionEditor";
import type { FlowChange } from "./NodeInspector";

export function EdgeInspector({ flow, edge, forms, onChange, onDelete }: { flow: Flow; edge: FlowEdge; forms: readonly FormDefinition[]; onChange: FlowChange; onDelete: () => void }) {
  const source = flow.nodes.find((n) => n.id === edge.from);
  const target = flow.nodes.find((n) => n.id === edge.to);
  const set = (update: (e: FlowEdge) => FlowEdge, group: string | null = null) => onChange(updateEdge(flow, edge.id, update), group);
  return (
    <div className="space-y-3">
      <h2 className="font-semibold">
        连线：{source?.label ?? edge.from} → {target?.label ?? edge.to}
      </h2>
      <label className={labelClass}>
        名称（显示在连线上）
        <input className={inputClass} value={edge.label ?? ""} onChange={(e) => set((x) => ({ ...x, label: e.target.value || undefined }), `edge-label:${edge.id}`)} />
      </label>
      {source?.type === "task" && (
        <label className={labelClass}>
          由哪个操作走这条连线
          <select className={inputClass} value={edge.action ?? ""} onChange={(e) => set((x) => ({ ...x, action: e.target.value || undefined }))}>
            <option value="">（未指定）</option>
            {source.actions.map((a) => (
              <option key={a.id} value={a.id}>{a.label}</option>
            ))}
          </select>
        </label>
      )}
      {source?.type === "gateway" && (
        <>
          <label className={checkboxLabelClass}>
            <input
              type="checkbox"
              checked={edge.isDefault === true}
              onChange={(e) =>
                set((x) => {
                  const { condition: _c, isDefault: _d, ...rest } = x;
                  return e.target.checked ? { ...rest, isDefault: true } : { ...rest, condition: true };
                })
              }
            />
            默认出口（其他条件都不满足时）
          </label>
          {!edge.isDefault && (
            <fieldset>
              <legend className="mb-1 text-sm font-medium">条件</legend>
              <ConditionEditor key={edge.id} condition={edge.condition} forms={forms} onChange={(condition) => set((x) => ({ ...x, condition }), `condition:${edge.id}`)} />
            </fieldset>
          )}
        </>
      )}
      <button type="button" className={`${buttonClass} w-full text-destructive`} onClick={onDelete}>
        删除此连线
      </button>
    </div>
  );
}
