"use client";
/**
 * The form designer: the service's forms, and for the chosen one the field palette and list,
 * the selected field's properties, a live preview (rendered by the caller, as applicants see
 * it) and the JSON Schema / uiSchema as text — all views of one form, kept in step.
 */
import { useMemo, useState, type ReactNode } from "react";
import type { FormDefinition } from "@/runtime/definition/schema";
import type { LintProblem } from "@/runtime/definition/lint";
import { newForm } from "../core/definitionOps";
import { addField, dropField, fieldAt, removeField, renameField, siblingsAt, updateField } from "../core/formEdit";
import { readForm, writeForm, type FormModel } from "../core/formModel";
import { isValidId } from "../core/ids";
import { buttonClass, inputClass, labelClass } from "../ui/classes";
import { FieldProperties } from "./FieldProperties";
import { ItemMark } from "../variant/ItemMark";
import { useVariant } from "../variant/VariantContext";
import { isLocked } from "@/runtime/definition/variant";
import { FieldTree } from "./FieldTree";
import { SchemaText } from "./SchemaText";
import { FormImport } from "./FormImport";

export interface FormDesignerProps {
  forms: readonly FormDefinition[];
  problems: readonly LintProblem[];
  onChange: (forms: FormDefinition[], group?: string | null) => void;
  /** Renames a form and its references elsewhere in the service; false when the id is taken. */
  onRenameForm: (from: string, to: string) => boolean;
  renderPreview: (form: FormDefinition) => ReactNode;
  /** The form to show first (from the problem list). */
  initialFormId?: string;
}

function FormIdInput({ form, onRename }: { form: FormDefinition; onRename: (to: string) => boolean }) {
  const [draft, setDraft] = useState(form.id);
  const [error, setError] = useState<string | null>(null);
  const apply = () => {
    if (draft === form.id) return setError(null);
    if (!isValidId(draft)) return setError("只能包含字母、数字、下划线和连字符，并以字母开头");
    if (!onRename(draft)) return setError("该编号已被其他表单使用");
    setError(null);
  };
  return (
    <label className={labelClass}>
      表单编号
      <input className={`${inputClass} font-mono`} value={draft} onChange={(e) => setDraft(e.target.value)} onBlur={apply} onKeyDown={(e) => e.key === "Enter" && apply()} aria-invalid={error ? true : undefined} />
      {error && <span className="text-xs font-normal text-destructive">{error}</span>}
    </label>
  );
}

export function FormDesigner({ forms, problems, onChange, onRenameForm, renderPreview, initialFormId }: FormDesignerProps) {
  const [formId, setFormId] = useState<string | null>(initialFormId ?? forms[0]?.id ?? null);
  const [selected, setSelected] = useState<string[] | null>(null);
  const [view, setView] = useState<"visual" | "json">("visual");
  const [importing, setImporting] = useState(false);
  const form = forms.find((f) => f.id === formId) ?? forms[0] ?? null;
  const model = useMemo(() => (form ? readForm(form.schema, form.uiSchema) : null), [form]);

  const replaceForm = (next: FormDefinition, group: string | null = null) => onChange(forms.map((f) => (f.id === next.id ? next : f)), group);
  const setModel = (next: FormModel, group: string | null = null) => {
    if (!form) return;
    const written = writeForm(next);
    replaceForm({ ...form, schema: written.schema, uiSchema: written.uiSchema }, group && `form:${form.id}:${group}`);
  };
  const formProblems = problems.filter((p) => p.formId === form?.id);
  const selectedField = model && selected ? fieldAt(model, selected) : null;
  // In a local variant: the parent's locks on this form or a top-level field (the field a nested one sits in).
  const variant = useVariant();
  const parentLocks = variant?.view.parent;
  const fieldLocked = (path: string[]) => !!(parentLocks && form && isLocked(parentLocks, `form/${form.id}/field/${path[0]}`));

  const add = () => {
    const created = newForm(forms, variant?.idScope);
    onChange([...forms, created]);
    setFormId(created.id);
    setSelected(null);
  };

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end gap-2">
        <label className={labelClass}>
          表单
          <select className={`${inputClass} min-w-60`} value={form?.id ?? ""} onChange={(e) => { setFormId(e.target.value); setSelected(null); }}>
            {forms.map((f) => (
              <option key={f.id} value={f.id}>{f.title}（{f.id}）</option>
            ))}
          </select>
        </label>
        <button type="button" className={buttonClass} onClick={add}>新建表单</button>
        <button type="button" className={buttonClass} aria-expanded={importing} onClick={() => setImporting((open) => !open)}>导入表单</button>
        {form && (
          <button
            type="button"
            className={`${buttonClass} text-destructive`}
            onClick={() => {
              if (!window.confirm(`删除表单“${form.title}”？引用它的材料和流程环节会在检查中列出。`)) return;
              onChange(forms.filter((f) => f.id !== form.id));
              setFormId(forms.find((f) => f.id !== form.id)?.id ?? null);
            }}
          >
            删除表单
          </button>
        )}
      </div>
      {importing && (
        <FormImport
          onClose={() => setImporting(false)}
          onImport={(imported) => {
            const created = { ...newForm(forms, variant?.idScope), title: imported.title, schema: imported.schema, uiSchema: imported.uiSchema };
            onChange([...forms, created]);
            setFormId(created.id);
            setSelected(null);
            setImporting(false);
          }}
        />
      )}
      {!form || !model ? (
        <p className="text-sm text-muted-foreground">这个事项还没有表单。</p>
      ) : (
        <>
          <ItemMark itemKey={`form/${form.id}`} />
          <div className="grid gap-2 md:grid-cols-2">
            <label className={labelClass}>
              表单标题
              <input className={inputClass} value={form.title} onChange={(e) => replaceForm({ ...form, title: e.target.value }, `form:${form.id}:title`)} />
            </label>
            <FormIdInput key={form.id} form={form} onRename={(to) => {
              const ok = onRenameForm(form.id, to);
              if (ok) setFormId(to);
              return ok;
            }} />
          </div>
          {form.generated && (
            <p className="rounded-md bg-muted px-3 py-2 text-sm text-muted-foreground" data-testid="generated-form-source">
              本表由平台生成（办事指南未附样表）：{form.generated.basis}。依据指南
              {form.generated.from.map((f) => `第 ${f.first}–${f.last} 行`).join("、")}。
            </p>
          )}
          {formProblems.length > 0 && (
            <ul className="rounded-md border border-destructive/40 bg-destructive/5 p-2 text-sm text-destructive">
              {formProblems.map((p, i) => <li key={i}>{p.message}</li>)}
            </ul>
          )}
          <div role="tablist" aria-label="编辑方式" className="flex gap-1">
            {(["visual", "json"] as const).map((v) => (
              <button key={v} type="button" role="tab" aria-selected={view === v} onClick={() => setView(v)} className={`rounded-md border px-3 py-1 text-sm ${view === v ? "border-primary bg-accent" : "bg-background"}`}>
                {v === "visual" ? "可视化编辑" : "JSON 源码"}
              </button>
            ))}
          </div>
          {view === "visual" ? (
            <div className="grid gap-4 xl:grid-cols-[minmax(0,1.2fr)_18rem_minmax(0,1fr)]">
              <FieldTree
                model={model}
                selected={selected}
                onSelect={setSelected}
                onAdd={(kind, container, index) => {
                  const made = addField(model, kind, container, index, variant?.idScope);
                  setModel(made.model);
                  setSelected(made.path);
                }}
                onMove={(path, over, by) => {
                  const moved = dropField(model, path, over, by);
                  setModel(moved.model);
                  setSelected(moved.path);
                }}
              />
              <aside aria-label="字段属性" className="self-start rounded-lg border bg-background p-3 xl:sticky xl:top-2 xl:max-h-[95vh] xl:overflow-auto">
                {selectedField && selected ? (
                  <div className="space-y-2">
                  {selected.length === 1 && <ItemMark itemKey={`form/${form.id}/field/${selected[0]}`} />}
                  <fieldset disabled={fieldLocked(selected)} className="min-w-0">
                  <FieldProperties
                    key={`${form.id}:${selected.join("/")}`}
                    field={selectedField}
                    siblings={siblingsAt(model, selected.slice(0, -1))}
                    onChange={(field, group) => setModel(updateField(model, selected, () => field), group ?? null)}
                    onRename={(key) => {
                      const renamed = renameField(model, selected, key);
                      if (!renamed) return false;
                      setModel(renamed);
                      setSelected([...selected.slice(0, -1), key]);
                      return true;
                    }}
                    onRemove={() => {
                      setModel(removeField(model, selected));
                      setSelected(null);
                    }}
                  />
                  </fieldset>
                  </div>
                ) : (
                  <p className="text-sm text-muted-foreground">选中一个字段，在这里设置它的属性。</p>
                )}
              </aside>
              <section aria-label="表单预览" className="self-start rounded-lg border bg-background p-3 xl:sticky xl:top-2 xl:max-h-[95vh] xl:overflow-auto">
                <h2 className="mb-2 font-semibold">预览（申请人看到的样子）</h2>
                {renderPreview(form)}
              </section>
            </div>
          ) : (
            <SchemaText schema={form.schema} uiSchema={form.uiSchema} onChange={(next, group) => replaceForm({ ...form, ...next }, `form:${form.id}:${group}`)} />
          )}
        </>
      )}
    </div>
  );
}
