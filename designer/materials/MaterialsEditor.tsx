"use client";
/** 材料: the list of materials, reorderable, each linked to the form it is filled in as (if any). */
import type { FormDefinition, Material } from "@/runtime/definition/schema";
import type { LintProblem } from "@/runtime/definition/lint";
import { blankMaterial } from "@/runtime/definition/blankParts";
import { newItemId } from "../core/ids";
import { buttonClass, checkboxLabelClass, inputClass, labelClass, smallButtonClass } from "../ui/classes";
import { SortableList } from "../ui/SortableList";
import { ItemMark } from "../variant/ItemMark";
import { KindMarks } from "../variant/KindMarks";
import { useVariant } from "../variant/VariantContext";

type Change = (materials: Material[], group?: string | null) => void;

const triState = (value: boolean | null) => (value === null ? "" : String(value));
const fromTriState = (value: string) => (value === "" ? null : value === "true");

function MaterialFields({
  material,
  position,
  forms,
  problems,
  onChange,
}: {
  material: Material;
  /** 1-based place in the list: every material has the same fields, so their names say which one. */
  position: number;
  forms: readonly FormDefinition[];
  problems: readonly LintProblem[];
  onChange: (m: Material, group?: string | null) => void;
}) {
  const typing = (key: string) => `material:${material.id}:${key}`;
  const which = <span className="sr-only">（第{position}项）</span>;
  const text = (key: "source" | "kind" | "medium" | "scenario", label: string) => (
    <label className={labelClass}>
      {label}
      <input className={inputClass} value={material[key] ?? ""} onChange={(e) => onChange({ ...material, [key]: e.target.value || null }, typing(key))} />
    </label>
  );
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-end gap-2">
        <label className={`${labelClass} min-w-48 flex-1`}>
          <span>材料名称{which}</span>
          <input className={inputClass} value={material.name} onChange={(e) => onChange({ ...material, name: e.target.value }, typing("name"))} />
        </label>
        <label className={labelClass}>
          <span>在线填写的表单{which}</span>
          <select className={inputClass} value={material.formId ?? ""} onChange={(e) => onChange({ ...material, formId: e.target.value || null })}>
            <option value="">无（上传文件）</option>
            {forms.map((f) => (
              <option key={f.id} value={f.id}>{f.title}</option>
            ))}
            {material.formId && !forms.some((f) => f.id === material.formId) && <option value={material.formId}>{material.formId}（不存在）</option>}
          </select>
        </label>
        <label className={checkboxLabelClass}>
          <input type="checkbox" checked={material.required} onChange={(e) => onChange({ ...material, required: e.target.checked })} />
          <span>必要{which}</span>
        </label>
      </div>
      {problems.map((p, i) => (
        <p key={i} className="text-sm text-destructive">{p.message}</p>
      ))}
      <details>
        <summary className="cursor-pointer text-sm text-muted-foreground">更多属性</summary>
        <div className="mt-2 grid gap-2 md:grid-cols-3">
          {text("source", "来源渠道")}
          {text("kind", "材料类型（原件/复印件）")}
          {text("medium", "材料形式（纸质/电子）")}
          <label className={labelClass}>
            份数
            <input type="number" min={0} className={inputClass} value={material.copies ?? ""} onChange={(e) => onChange({ ...material, copies: e.target.value === "" ? null : Math.max(0, Math.floor(Number(e.target.value))) }, typing("copies"))} />
          </label>
          {text("scenario", "适用情形")}
          <label className={labelClass}>
            必要性说明
            <input className={inputClass} value={material.requirementText ?? ""} onChange={(e) => onChange({ ...material, requirementText: e.target.value || undefined }, typing("requirementText"))} />
          </label>
          <label className={labelClass}>
            留存纸质件
            <select className={inputClass} value={triState(material.keepPaper)} onChange={(e) => onChange({ ...material, keepPaper: fromTriState(e.target.value) })}>
              <option value="">未说明</option>
              <option value="true">是</option>
              <option value="false">否</option>
            </select>
          </label>
          <label className={labelClass}>
            可通过数据共享获取
            <select className={inputClass} value={triState(material.obtainableBySharing)} onChange={(e) => onChange({ ...material, obtainableBySharing: fromTriState(e.target.value) })}>
              <option value="">未说明</option>
              <option value="true">是（申请人免交）</option>
              <option value="false">否</option>
            </select>
          </label>
          <label className={labelClass}>
            证明事项告知承诺制
            <select className={inputClass} value={material.commitmentAllowed ? "true" : ""} onChange={(e) => onChange({ ...material, commitmentAllowed: e.target.value === "true" ? true : undefined })}>
              <option value="">不适用</option>
              <option value="true">适用（申请人可承诺代替提交）</option>
            </select>
          </label>
          <label className={labelClass}>
            备注
            <input className={inputClass} value={material.note ?? ""} onChange={(e) => onChange({ ...material, note: e.target.value || undefined }, typing("note"))} />
          </label>
        </div>
      </details>
    </div>
  );
}

export function MaterialsEditor({ materials, forms, problems, onChange }: { materials: readonly Material[]; forms: readonly FormDefinition[]; problems: readonly LintProblem[]; onChange: Change }) {
  const variant = useVariant();
  /** Locked by the parent of a variant: shown, not editable, not removable. */
  const locked = (m: Material) => variant?.view.states.get(`material/${m.id}`)?.locked ?? false;
  const removed = variant ? [...variant.view.states.values()].filter((s) => s.kind === "material" && s.state === "removed") : [];
  const add = () =>
    onChange([
      ...materials,
      blankMaterial({ id: newItemId("m", materials.map((m) => m.id), variant?.idScope), name: "新材料", source: "申请人自备", formId: null }),
    ]);
  return (
    <div className="space-y-3">
      {materials.length === 0 ? (
        <p className="text-sm text-muted-foreground">还没有材料。</p>
      ) : (
        <SortableList
          label="材料清单"
          items={materials}
          idOf={(m) => m.id}
          nameOf={(m) => m.name}
          onMove={(from, to) => {
            const next = [...materials];
            const [moved] = next.splice(from, 1);
            next.splice(to, 0, moved);
            onChange(next);
          }}
          render={(material, index) => (
            <div className="flex gap-2">
              <div className="min-w-0 flex-1 space-y-1">
                <ItemMark itemKey={`material/${material.id}`} />
                <fieldset className="min-w-0" disabled={locked(material)}>
                <MaterialFields
                  material={material}
                  position={index + 1}
                  forms={forms}
                  problems={problems.filter((p) => p.materialId === material.id)}
                  onChange={(m, group) => onChange(materials.map((x) => (x.id === material.id ? m : x)), group)}
                />
                </fieldset>
              </div>
              <button type="button" className={`${smallButtonClass} self-start text-destructive`} disabled={locked(material)} onClick={() => onChange(materials.filter((x) => x.id !== material.id))}>
                删除<span className="sr-only">{material.name}</span>
              </button>
            </div>
          )}
        />
      )}
      {removed.length > 0 && <KindMarks kind="material" title="材料" removedOnly />}
      <button type="button" className={buttonClass} onClick={add}>添加材料</button>
    </div>
  );
}
