"use client";
/**
 * 一次性告知: the list of everything the applicant must correct, item by item, with quick picks for
 * the materials, and the forms the applicant must correct ticked (only those may be changed in the
 * 补正; a ticked form is listed as an item too). The caseworker's action form and the designer's test run use it.
 */
import { useId } from "react";
import type { FormDefinition, Material } from "@/runtime/definition/schema";

const formItem = (form: FormDefinition) => `请修改完善：${form.title}`;

/** The opinion a 一次性告知 carries when the caseworker writes none of their own. */
export const defaultCorrectionComment = (itemCount: number) => `请一次性补正以下${itemCount}项内容`;

export function CorrectionItems({
  items,
  onChange,
  materials,
  forms,
  formIds,
  onFormsChange,
}: {
  items: string[];
  onChange: (update: (list: string[]) => string[]) => void;
  materials: Material[];
  /** The applicant's forms, which the request may name. */
  forms: FormDefinition[];
  formIds: string[];
  onFormsChange: (ids: string[]) => void;
}) {
  const uid = useId();
  const addItem = (text: string) => onChange((list) => (list.length === 1 && list[0].trim() === "" ? [text] : list.includes(text) ? list : [...list, text]));
  const tickForm = (form: FormDefinition, ticked: boolean) => {
    if (ticked) {
      if (!formIds.includes(form.id)) onFormsChange([...formIds, form.id]);
      onChange((list) => (list.some((item) => item.includes(form.title)) ? list : list.length === 1 && list[0].trim() === "" ? [formItem(form)] : [...list, formItem(form)]));
    } else {
      onFormsChange(formIds.filter((id) => id !== form.id));
      onChange((list) => {
        const rest = list.filter((item) => item !== formItem(form));
        return rest.length ? rest : [""];
      });
    }
  };
  return (
    <fieldset className="rounded-md border p-3">
      <legend className="px-1 font-medium">需补正的内容（一次性告知，逐项列明）</legend>
      <ol className="space-y-2">
        {items.map((item, i) => (
          <li key={i} className="flex items-center gap-2">
            <label htmlFor={`${uid}-item-${i}`} className="w-12 shrink-0 text-sm text-muted-foreground">第{i + 1}项</label>
            <input
              id={`${uid}-item-${i}`}
              value={item}
              onChange={(e) => onChange((list) => list.map((v, j) => (j === i ? e.target.value : v)))}
              className="min-w-0 flex-1 rounded-md border border-input bg-background px-3 py-1.5 text-sm"
              maxLength={500}
            />
            <button
              type="button"
              onClick={() => onChange((list) => (list.length === 1 ? [""] : list.filter((_, j) => j !== i)))}
              className="rounded border px-2 py-1 text-xs hover:bg-muted"
              aria-label={`删除第${i + 1}项`}
            >
              删除
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => onChange((list) => [...list, ""])} className="mt-2 rounded-md border px-3 py-1 text-sm hover:bg-muted">
        添加一项
      </button>
      {forms.length > 0 && (
        <fieldset className="mt-3" data-testid="correction-forms">
          <legend className="text-sm font-medium">需修改的表单</legend>
          <p className="text-xs text-muted-foreground">申请人补正时只能修改勾选的表单，其余表单保持原样。</p>
          <div className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
            {forms.map((f) => (
              <label key={f.id} className="flex items-center gap-1.5 text-sm">
                <input type="checkbox" checked={formIds.includes(f.id)} onChange={(e) => tickForm(f, e.target.checked)} />
                {f.title}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {materials.length > 0 && (
        <div className="mt-3">
          <p className="text-xs text-muted-foreground">快速添加材料：</p>
          <div className="mt-1 flex flex-wrap gap-1">
            {materials.map((m) => {
              const form = m.formId ? forms.find((f) => f.id === m.formId) : undefined;
              return (
                <button
                  key={m.id}
                  type="button"
                  onClick={() => (form ? tickForm(form, true) : addItem(m.formId ? `请修改完善：${m.name}` : `请补充提交：${m.name}`))}
                  className="rounded border bg-background px-2 py-0.5 text-xs hover:bg-muted"
                >
                  + {m.name}
                </button>
              );
            })}
          </div>
        </div>
      )}
    </fieldset>
  );
}
