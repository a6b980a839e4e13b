"use client";
/**
 * A decision edge's condition: a small rule editor over the form fields (comparisons joined by
 * 全部/任一) and, always beside it, the JSON Logic it writes, editable as text.
 */
import { useEffect, useId, useMemo, useState } from "react";
import type { FormDefinition } from "@/runtime/definition/schema";
import { formFieldList } from "@/runtime/definition/formFieldList";
import { stableJson } from "@/runtime/definition/diff";
import { parseJsonText } from "../core/jsonText";
import { comparisonLabels, logicToRule, ruleToLogic, type Comparison, type ComparisonOp, type SimpleRule } from "../core/jsonLogicRule";
import { inputClass, labelClass, smallButtonClass } from "../ui/classes";

type Condition = Record<string, unknown> | boolean;

export interface RuleField {
  variable: string;
  label: string;
  type: "text" | "number" | "boolean" | "choice" | "multi";
  options: string[];
}

/** The fields a rule can read: every field of every form, as `form.<formId>.<path>`. */
export function ruleFields(forms: readonly FormDefinition[]): RuleField[] {
  return forms.flatMap((form) =>
    formFieldList(form.schema)
      .filter((f) => !f.group)
      .map((f) => {
        const s = f.schema;
        const items = s.items as { enum?: unknown[] } | undefined;
        const type: RuleField["type"] =
          Array.isArray(s.enum) ? "choice" : s.type === "array" && Array.isArray(items?.enum) ? "multi" : s.type === "boolean" ? "boolean" : s.type === "number" || s.type === "integer" ? "number" : "text";
        const options = (Array.isArray(s.enum) ? s.enum : Array.isArray(items?.enum) ? items.enum : []).map(String);
        return { variable: `form.${form.id}.${f.path}`, label: `${form.title} · ${f.title}`, type, options };
      }),
  );
}

const opsFor: Record<RuleField["type"], ComparisonOp[]> = {
  text: ["==", "!=", "in", "filled", "empty"],
  number: ["==", "!=", ">", ">=", "<", "<=", "filled", "empty"],
  boolean: ["==", "filled", "empty"],
  choice: ["==", "!=", "in", "filled", "empty"],
  multi: ["contains", "filled", "empty"],
};

function ValueInput({ comparison, field, onChange, label }: { comparison: Comparison; field: RuleField | undefined; onChange: (value: unknown) => void; label: string }) {
  if (comparison.op === "filled" || comparison.op === "empty") return null;
  if (comparison.op === "in") {
    const values = Array.isArray(comparison.value) ? comparison.value.map(String) : [];
    if (field && field.options.length > 0) {
      return (
        <fieldset className="flex flex-wrap gap-2 text-sm">
          <legend className="sr-only">{label}</legend>
          {field.options.map((option) => (
            <label key={option} className="flex items-center gap-1">
              <input
                type="checkbox"
                checked={values.includes(option)}
                onChange={(e) => onChange(e.target.checked ? [...values, option] : values.filter((v) => v !== option))}
              />
              {option}
            </label>
          ))}
        </fieldset>
      );
    }
    return <input aria-label={`${label}（用、分隔）`} className={inputClass} value={values.join("、")} onChange={(e) => onChange(e.target.value.split(/[、,，]/).map((v) => v.trim()).filter(Boolean))} />;
  }
  if (field?.type === "boolean") {
    return (
      <select aria-label={label} className={inputClass} value={String(comparison.value === true)} onChange={(e) => onChange(e.target.value === "true")}>
        <option value="true">是</option>
        <option value="false">否</option>
      </select>
    );
  }
  if (field && field.options.length > 0) {
    return (
      <select aria-label={label} className={inputClass} value={String(comparison.value ?? "")} onChange={(e) => onChange(e.target.value)}>
        <option value="">请选择</option>
        {field.options.map((o) => (
          <option key={o} value={o}>{o}</option>
        ))}
      </select>
    );
  }
  if (field?.type === "number") {
    return <input type="number" aria-label={label} className={inputClass} value={typeof comparison.value === "number" ? comparison.value : ""} onChange={(e) => onChange(e.target.value === "" ? null : Number(e.target.value))} />;
  }
  return <input aria-label={label} className={inputClass} value={String(comparison.value ?? "")} onChange={(e) => onChange(e.target.value)} />;
}

export function ConditionEditor({ condition, forms, onChange }: { condition: Condition | undefined; forms: readonly FormDefinition[]; onChange: (condition: Condition) => void }) {
  const id = useId();
  const fields = useMemo(() => ruleFields(forms), [forms]);
  /** A decision's edge may have no condition yet (not the same as `true`, which always holds). */
  const unset = condition === undefined;
  const current = condition ?? true;
  const rule = logicToRule(current);
  const pretty = unset ? "" : JSON.stringify(current, null, 2);
  const [text, setText] = useState(pretty);
  const [textError, setTextError] = useState<string | null>(null);

  // Follow changes made by the rule editor (or undo) unless the text already says the same.
  useEffect(() => {
    setText((old) => {
      if (unset) return old.trim() === "" ? old : pretty;
      try {
        return stableJson(JSON.parse(old)) === stableJson(current) ? old : pretty;
      } catch {
        return old;
      }
    });
  }, [current, pretty, unset]);

  const setRule = (next: SimpleRule) => onChange(ruleToLogic(next));
  const updateComparison = (index: number, patch: Partial<Comparison>) => {
    if (!rule) return;
    setRule({ ...rule, comparisons: rule.comparisons.map((c, i) => (i === index ? { ...c, ...patch } : c)) });
  };

  return (
    <div className="space-y-3">
      {rule ? (
        <div className="space-y-2">
          {rule.comparisons.length > 1 && (
            <label className={labelClass}>
              满足
              <select className={inputClass} value={rule.combinator} onChange={(e) => setRule({ ...rule, combinator: e.target.value as "and" | "or" })}>
                <option value="and">全部条件</option>
                <option value="or">任一条件</option>
              </select>
            </label>
          )}
          {rule.comparisons.length === 0 &&
            (unset ? (
              <p className="text-sm text-destructive">还没有设置条件：请添加条件，或把它设为默认出口。</p>
            ) : (
              <p className="text-sm text-muted-foreground">没有条件：总是走这条连线。</p>
            ))}
          <ol className="space-y-2">
            {rule.comparisons.map((comparison, index) => {
              const field = fields.find((f) => f.variable === comparison.variable);
              const n = index + 1;
              return (
                <li key={index} className="space-y-1 rounded-md border p-2">
                  <select
                    aria-label={`条件${n}的字段`}
                    className={inputClass}
                    value={comparison.variable}
                    onChange={(e) => {
                      const next = fields.find((f) => f.variable === e.target.value);
                      const op = next && !opsFor[next.type].includes(comparison.op) ? opsFor[next.type][0] : comparison.op;
                      updateComparison(index, { variable: e.target.value, op });
                    }}
                  >
                    {!field && <option value={comparison.variable}>{comparison.variable}（未找到该字段）</option>}
                    {fields.map((f) => (
                      <option key={f.variable} value={f.variable}>{f.label}</option>
                    ))}
                  </select>
                  <div className="flex gap-2">
                    <select
                      aria-label={`条件${n}的比较方式`}
                      className={inputClass}
                      value={comparison.op}
                      onChange={(e) => {
                        const op = e.target.value as ComparisonOp;
                        updateComparison(index, { op, value: op === "in" ? [] : op === "filled" || op === "empty" ? undefined : comparison.op === "in" ? "" : comparison.value });
                      }}
                    >
                      {(field ? opsFor[field.type] : (Object.keys(comparisonLabels) as ComparisonOp[])).map((op) => (
                        <option key={op} value={op}>{comparisonLabels[op]}</option>
                      ))}
                    </select>
                    <button type="button" className={smallButtonClass} onClick={() => setRule({ ...rule, comparisons: rule.comparisons.filter((_, i) => i !== index) })}>
                      删除<span className="sr-only">条件{n}</span>
                    </button>
                  </div>
                  <ValueInput comparison={comparison} field={field} label={`条件${n}的值`} onChange={(value) => updateComparison(index, { value })} />
                </li>
              );
            })}
          </ol>
          <button
            type="button"
            className={smallButtonClass}
            disabled={fields.length === 0}
            onClick={() => {
              const first = fields[0];
              setRule({ ...rule, comparisons: [...rule.comparisons, { variable: first.variable, op: opsFor[first.type][0], value: first.options[0] ?? "" }] });
            }}
          >
            添加条件
          </button>
          {fields.length === 0 && <p className="text-xs text-muted-foreground">表单中还没有可用于判断的字段。</p>}
        </div>
      ) : (
        <p className="text-sm text-muted-foreground">这条规则超出了可视化编辑的范围，请直接编辑下面的 JSON Logic。</p>
      )}
      <div>
        <label htmlFor={`${id}-json`} className="text-sm font-medium">JSON Logic</label>
        <textarea
          id={`${id}-json`}
          className={`${inputClass} h-32 font-mono text-xs`}
          spellCheck={false}
          value={text}
          placeholder={unset ? "例如 {\"==\": [{\"var\": \"form.表单编号.字段\"}, \"值\"]}" : undefined}
          aria-invalid={textError ? true : undefined}
          aria-describedby={textError ? `${id}-json-error` : undefined}
          onChange={(e) => {
            setText(e.target.value);
            const parsed = parseJsonText(e.target.value);
            if (!parsed.ok) return setTextError(parsed.message);
            const value = parsed.value;
            if (typeof value !== "boolean" && (typeof value !== "object" || value === null || Array.isArray(value))) return setTextError("规则应为 JSON 对象或 true/false");
            setTextError(null);
            onChange(value as Condition);
          }}
        />
        {textError && (
          <p id={`${id}-json-error`} role="alert" className="text-sm text-destructive">{textError}</p>
        )}
      </div>
    </div>
  );
}
