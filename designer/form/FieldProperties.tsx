"use client";
/**
 * The selected field's properties: type, label, key, help, required, default, placeholder,
 * range, length, pattern with its message, options (with their labels), rows, signature,
 * read-only / disabled / fixed value / format, 不能晚于今天 (a date of an event that has happened),
 * and the rule that shows it; the settings it has no control for are listed read-only ("其他设置"),
 * kept as they are. A field declared in a branch, a condition or behind a `$ref` shows where, and
 * only its display settings can be changed here.
 */
import { useId, useState, type ReactNode } from "react";
import { attestationModeOf, attestationSchema, type AttestationMode } from "@/runtime/forms/attestation";
import { NOT_AFTER_TODAY } from "@/runtime/forms/notAfterToday";
import {
  containerKinds,
  fieldKindLabels,
  fieldKinds,
  numericKinds,
  optionKinds,
  typedTextKinds,
  type JsonSchema,
  type PaletteKind,
} from "../core/formFields";
import type { FieldModel, VisibilityOp, VisibilityRule } from "../core/formModel";
import { changeKind } from "../core/formEdit";
import { choiceOptions, parseOptionValue, withChoiceOptions, type ChoiceOption } from "../core/choiceOptions";
import { extraSettings, textFormats } from "../core/fieldSettings";
import { isValidId } from "../core/ids";
import { buttonClass, checkboxLabelClass, inputClass, labelClass } from "../ui/classes";

type Change = (field: FieldModel, group?: string | null) => void;

const opLabels: Record<VisibilityOp, string> = { eq: "等于", neq: "不等于", in: "是其中之一", contains: "包含（多选）" };

function numberOrUndefined(text: string): number | undefined {
  if (text.trim() === "") return undefined;
  const n = Number(text);
  return Number.isFinite(n) ? n : undefined;
}

/** Sets or removes (undefined) keys of an object. */
function withKeys<T extends Record<string, unknown>>(object: T, patch: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...object };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined || v === "") delete out[k];
    else out[k] = v;
  }
  return out as T;
}

function Row({ children }: { children: ReactNode }) {
  return <div className="grid grid-cols-2 gap-2">{children}</div>;
}

function optionsOf(field: FieldModel): string[] {
  return optionKinds.has(field.kind) ? choiceOptions(field).map((o) => String(o.value)) : [];
}

/** The options of a choice as rows of value and label; labels are written as the form writes them (oneOf + const + title, or ui:enumNames). */
function OptionsEditor({ field, onChange }: { field: FieldModel; onChange: Change }) {
  const options = choiceOptions(field);
  const set = (next: ChoiceOption[], what: string | null) => onChange(withChoiceOptions(field, next), what && `field:${field.key}:${what}`);
  return (
    <fieldset className="space-y-1 rounded-md border p-2">
      <legend className="px-1 text-sm font-medium">选项</legend>
      <p className="text-xs text-muted-foreground">“值”保存在数据中，“显示文字”是申请人看到的（可留空，显示值本身）。</p>
      {options.map((option, i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-center gap-1">
          <input aria-label={`选项${i + 1}的值`} className={`${inputClass} font-mono`} value={String(option.value ?? "")} onChange={(e) => set(options.map((o, j) => (j === i ? { ...o, value: parseOptionValue(field, e.target.value) } : o)), `option:${i}:value`)} />
          <input aria-label={`选项${i + 1}的显示文字`} className={inputClass} value={option.label} placeholder="显示文字" onChange={(e) => set(options.map((o, j) => (j === i ? { ...o, label: e.target.value } : o)), `option:${i}:label`)} />
          <button type="button" aria-label={`删除选项${i + 1}`} className="rounded px-1 text-destructive hover:bg-muted" onClick={() => set(options.filter((_, j) => j !== i), null)}>✕</button>
        </div>
      ))}
      <button type="button" className={`${buttonClass} w-full`} onClick={() => set([...options, { value: parseOptionValue(field, `选项${options.length + 1}`), label: "" }], null)}>添加选项</button>
    </fieldset>
  );
}

/** Settings the inspector has no control for: listed, kept, changed in the JSON source. */
function ExtraSettings({ field }: { field: FieldModel }) {
  const extras = extraSettings(field);
  if (extras.length === 0) return null;
  return (
    <section aria-label="其他设置" className="space-y-1 rounded-md border border-dashed p-2">
      <h3 className="text-sm font-medium">其他设置（只读）</h3>
      <p className="text-xs text-muted-foreground">这些设置会原样保留，可在“JSON 源码”中修改。</p>
      <dl className="space-y-1 text-xs">
        {extras.map((extra) => (
          <div key={`${extra.where}:${extra.key}`}>
            <dt className="font-mono">{extra.where === "uiSchema" ? "uiSchema · " : ""}{extra.key}</dt>
            <dd className="break-all font-mono text-muted-foreground">{JSON.stringify(extra.value)}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

/** Display settings every field has: help text, read-only, disabled. */
function DisplaySettings({ field, onChange, schemaEditable }: { field: FieldModel; onChange: Change; schemaEditable: boolean }) {
  const group = (what: string) => `field:${field.key}:${what}`;
  const setUi = (patch: Record<string, unknown>, what: string | null = null) => onChange({ ...field, ui: withKeys(field.ui, patch) }, what && group(what));
  return (
    <>
      <label className={labelClass}>
        帮助文字（显示在输入框下方）
        <input className={inputClass} value={String(field.ui["ui:help"] ?? "")} onChange={(e) => setUi({ "ui:help": e.target.value }, "help")} />
      </label>
      {schemaEditable && (
        <label className={checkboxLabelClass}>
          <input type="checkbox" checked={field.schema.readOnly === true} onChange={(e) => onChange({ ...field, schema: withKeys(field.schema, { readOnly: e.target.checked ? true : undefined }) })} />
          只读（申请人不能修改，readOnly）
        </label>
      )}
      <label className={checkboxLabelClass}>
        <input type="checkbox" checked={field.ui["ui:disabled"] === true} onChange={(e) => setUi({ "ui:disabled": e.target.checked ? true : undefined })} />
        禁用（灰显，不能填写）
      </label>
    </>
  );
}

/** A field declared in a branch, a condition or behind a `$ref`: where, its schema read-only, its display settings editable. */
function DeclaredElsewhere({ field, onChange }: { field: FieldModel; onChange: Change }) {
  const setUi = (patch: Record<string, unknown>, what: string) => onChange({ ...field, ui: withKeys(field.ui, patch) }, `field:${field.key}:${what}`);
  return (
    <div className="space-y-3">
      <p role="note" className="rounded-md border border-amber-500/50 bg-amber-50 p-2 text-sm text-amber-900">
        字段“{field.key}”声明在 {field.declaredIn} 中，不在表单的字段列表（properties）里。这里可以调整它的显示标题、帮助文字和顺序；字段本身（类型、校验、选项）请在“JSON 源码”中修改。
      </p>
      <label className={labelClass}>
        显示标题（ui:title）
        <input className={inputClass} value={String(field.ui["ui:title"] ?? "")} placeholder={String(field.schema.title ?? field.key)} onChange={(e) => setUi({ "ui:title": e.target.value }, "uiTitle")} />
      </label>
      <DisplaySettings field={field} onChange={onChange} schemaEditable={false} />
      <section aria-label="声明的字段定义" className="space-y-1">
        <h3 className="text-sm font-medium">字段定义（只读，{fieldKindLabels[field.kind]}）</h3>
        <pre className="max-h-48 overflow-auto rounded-md bg-muted p-2 text-xs">{JSON.stringify(field.schema, null, 2)}</pre>
      </section>
      <ExtraSettings field={field} />
    </div>
  );
}

function KeyInput({ field, onRename }: { field: FieldModel; onRename: (key: string) => boolean }) {
  const [draft, setDraft] = useState(field.key);
  const [error, setError] = useState<string | null>(null);
  const errorId = useId();
  const apply = () => {
    if (draft === field.key) return setError(null);
    if (!isValidId(draft)) return setError("只能包含字母、数字、下划线和连字符，并以字母开头");
    if (!onRename(draft)) return setError("同一层级已有该编号");
    setError(null);
  };
  return (
    <label className={labelClass}>
      字段编号（数据中的键）
      <input
        className={`${inputClass} font-mono`}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onBlur={apply}
        onKeyDown={(e) => e.key === "Enter" && apply()}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error && <span id={errorId} className="text-xs font-normal text-destructive">{error}</span>}
    </label>
  );
}

function VisibilityEditor({ field, siblings, onChange }: { field: FieldModel; siblings: readonly FieldModel[]; onChange: Change }) {
  // A rule names a sibling in `properties` (not one declared in a branch or a `$ref`: the condition could not see it).
  const candidates = siblings.filter((s) => s.key !== field.key && !containerKinds.has(s.kind) && s.kind !== "attestation" && s.kind !== "ref" && !s.declaredIn);
  const rule = field.visibleWhen;
  const dep = candidates.find((c) => c.key === rule?.field);
  const depOptions = dep ? (dep.kind === "yesNo" ? ["true", "false"] : optionsOf(dep)) : [];
  const set = (next: VisibilityRule | null, group: string | null = null) => onChange({ ...field, visibleWhen: next }, group);
  const parse = (raw: string): unknown => (dep?.kind === "yesNo" ? raw === "true" : numericKinds.has(dep?.kind ?? "text") ? Number(raw) : raw);
  const show = (value: unknown) => (typeof value === "boolean" ? (value ? "是" : "否") : String(value));
  return (
    <fieldset className="space-y-2 rounded-md border p-2">
      <legend className="px-1 text-sm font-medium">显示条件</legend>
      <label className={checkboxLabelClass}>
        <input
          type="checkbox"
          checked={rule !== null}
          disabled={candidates.length === 0}
          onChange={(e) => {
            const first = candidates[0];
            set(e.target.checked && first ? { field: first.key, op: first.kind === "multiChoice" ? "contains" : "eq", value: first.kind === "yesNo" ? true : (optionsOf(first)[0] ?? "") } : null);
          }}
        />
        仅当其他字段满足条件时显示
      </label>
      {candidates.length === 0 && <p className="text-xs text-muted-foreground">同一层级没有可作为条件的字段。</p>}
      {rule && (
        <>
          <label className={labelClass}>
            当字段
            <select className={inputClass} value={rule.field} onChange={(e) => set({ ...rule, field: e.target.value })}>
              {!dep && <option value={rule.field}>{rule.field}（不存在）</option>}
              {candidates.map((c) => (
                <option key={c.key} value={c.key}>{String(c.schema.title ?? c.key)}</option>
              ))}
            </select>
          </label>
          <label className={labelClass}>
            比较
            <select className={inputClass} value={rule.op} onChange={(e) => set({ ...rule, op: e.target.value as VisibilityOp, value: e.target.value === "in" ? [] : rule.value })}>
              {(Object.keys(opLabels) as VisibilityOp[]).map((op) => (
                <option key={op} value={op}>{opLabels[op]}</option>
              ))}
            </select>
          </label>
          {rule.op === "in" ? (
            depOptions.length > 0 ? (
              <fieldset className="flex flex-wrap gap-2 text-sm">
                <legend className="sr-only">取值</legend>
                {depOptions.map((o) => {
                  const values = Array.isArray(rule.value) ? rule.value : [];
                  const value = parse(o);
                  return (
                    <label key={o} className="flex items-center gap-1">
                      <input type="checkbox" checked={values.includes(value)} onChange={(e) => set({ ...rule, value: e.target.checked ? [...values, value] : values.filter((v) => v !== value) })} />
                      {show(value)}
                    </label>
                  );
                })}
              </fieldset>
            ) : (
              <input aria-label="取值（用、分隔）" className={inputClass} value={(Array.isArray(rule.value) ? rule.value : []).join("、")} onChange={(e) => set({ ...rule, value: e.target.value.split(/[、,，]/).map((v) => v.trim()).filter(Boolean).map(parse) })} />
            )
          ) : depOptions.length > 0 ? (
            <select aria-label="取值" className={inputClass} value={String(rule.value)} onChange={(e) => set({ ...rule, value: parse(e.target.value) })}>
              {depOptions.map((o) => (
                <option key={o} value={o}>{show(parse(o))}</option>
              ))}
            </select>
          ) : (
            <input aria-label="取值" className={inputClass} value={String(rule.value ?? "")} onChange={(e) => set({ ...rule, value: parse(e.target.value) }, `visible:${field.key}`)} />
          )}
        </>
      )}
    </fieldset>
  );
}

export interface FieldPropertiesProps {
  field: FieldModel;
  siblings: readonly FieldModel[];
  onChange: Change;
  onRename: (key: string) => boolean;
  onRemove: () => void;
}

export function FieldProperties(props: FieldPropertiesProps) {
  if (props.field.declaredIn) return <DeclaredElsewhere field={props.field} onChange={props.onChange} />;
  return <OwnFieldProperties {...props} />;
}

function OwnFieldProperties({ field, siblings, onChange, onRename, onRemove }: FieldPropertiesProps) {
  const { schema, ui, kind } = field;
  const kindNoteId = useId();
  const group = (what: string) => `field:${field.key}:${what}`;
  const setSchema = (patch: Record<string, unknown>, what: string | null = null) => onChange({ ...field, schema: withKeys(schema, patch) }, what && group(what));
  const setUi = (patch: Record<string, unknown>, what: string | null = null) => onChange({ ...field, ui: withKeys(ui, patch) }, what && group(what));
  const options = optionKinds.has(kind) ? choiceOptions(field) : [];
  const mode = attestationModeOf(schema);
  const dated = Array.isArray((schema as { required?: unknown }).required) && ((schema as { required: string[] }).required).includes("date");
  const setAttestation = (next: { mode?: AttestationMode; required?: boolean; dated?: boolean }) => {
    const required = next.required ?? field.required;
    const fresh = attestationSchema(String(schema.title ?? ""), next.mode ?? mode ?? "signature", { required, dated: next.dated ?? dated });
    onChange({ ...field, required, schema: { ...fresh, ...(schema.description ? { description: schema.description } : {}) } });
  };
  const patternMessage = ((schema.errorMessage as Record<string, unknown> | undefined)?.pattern as string | undefined) ?? "";

  /** 最少/最多 items of a list (条) or a table (行). */
  const itemBounds = (unit: "条" | "行") => (
    <Row>
      <label className={labelClass}>
        最少{unit}数
        <input type="number" min={0} className={inputClass} value={schema.minItems === undefined ? "" : String(schema.minItems)} onChange={(e) => setSchema({ minItems: numberOrUndefined(e.target.value) }, "minItems")} />
      </label>
      <label className={labelClass}>
        最多{unit}数
        <input type="number" min={0} className={inputClass} value={schema.maxItems === undefined ? "" : String(schema.maxItems)} onChange={(e) => setSchema({ maxItems: numberOrUndefined(e.target.value) }, "maxItems")} />
      </label>
    </Row>
  );

  return (
    <div className="space-y-3">
      <label className={labelClass}>
        字段类型
        <select
          className={inputClass}
          value={kind}
          aria-describedby={kindNoteId}
          onChange={(e) => onChange(changeKind(field, e.target.value as PaletteKind))}
        >
          {kind === "other" && <option value="other">{fieldKindLabels.other}（请在 JSON 中编辑）</option>}
          {kind === "ref" && <option value="ref">{fieldKindLabels.ref}（{String(schema.$ref)}）</option>}
          {fieldKinds.map((k) => (
            <option key={k} value={k}>{fieldKindLabels[k]}</option>
          ))}
        </select>
      </label>
      {/* A description of the select (aria-describedby), not part of its name. */}
      <p id={kindNoteId} className="-mt-2 text-xs text-muted-foreground">更改类型会换用新类型的设置，标题、说明、只读、帮助文字等保留；可撤销。</p>
      {kind === "ref" && (
        <p role="note" className="rounded-md border border-amber-500/50 bg-amber-50 p-2 text-sm text-amber-900">
          此字段引用定义 {String(schema.$ref)}：被引用的定义（及其中的字段）在“JSON 源码”中修改；这里的标题和说明写在引用旁，只对此字段生效。
        </p>
      )}
      <label className={labelClass}>
        标题
        <input className={inputClass} value={String(schema.title ?? "")} onChange={(e) => setSchema({ title: e.target.value }, "title")} />
      </label>
      <KeyInput key={field.key} field={field} onRename={onRename} />
      <label className={labelClass}>
        填写说明
        <textarea className={`${inputClass} h-16`} value={String(schema.description ?? "")} onChange={(e) => setSchema({ description: e.target.value }, "description")} />
      </label>
      {kind === "attestation" ? (
        <>
          <label className={labelClass}>
            方式
            <select className={inputClass} value={mode ?? "signature"} onChange={(e) => setAttestation({ mode: e.target.value as AttestationMode })}>
              <option value="signature">签字（个人）</option>
              <option value="seal">盖章（单位）</option>
            </select>
          </label>
          <label className={checkboxLabelClass}>
            <input type="checkbox" checked={field.required} onChange={(e) => setAttestation({ required: e.target.checked })} />
            必须签署
          </label>
          <label className={checkboxLabelClass}>
            <input type="checkbox" checked={dated} onChange={(e) => setAttestation({ dated: e.target.checked })} />
            须填写日期
          </label>
        </>
      ) : (
        <label className={checkboxLabelClass}>
          <input type="checkbox" checked={field.required} onChange={(e) => onChange({ ...field, required: e.target.checked })} />
          必填
        </label>
      )}

      {(typedTextKinds.has(kind) || numericKinds.has(kind) || ["residentId", "creditCode", "phone", "yearMonth", "date"].includes(kind)) && (
        <label className={labelClass}>
          占位提示
          <input className={inputClass} value={String(ui["ui:placeholder"] ?? "")} onChange={(e) => setUi({ "ui:placeholder": e.target.value }, "placeholder")} />
        </label>
      )}

      {(kind === "date" || kind === "yearMonth") && (
        <label className={checkboxLabelClass} title="已经发生的事（如事故发生时间、出生日期）：申请人填写和提交时都会检查">
          <input type="checkbox" checked={schema[NOT_AFTER_TODAY] === true} onChange={(e) => setSchema({ [NOT_AFTER_TODAY]: e.target.checked ? true : undefined })} />
          {kind === "date" ? "不能晚于今天" : "不能晚于本月"}
        </label>
      )}

      {(typedTextKinds.has(kind) || kind === "choice") && (
        <label className={labelClass}>
          默认值
          {kind === "choice" ? (
            <select className={inputClass} value={schema.default === undefined ? "" : String(schema.default)} onChange={(e) => setSchema({ default: e.target.value === "" ? undefined : options.find((o) => String(o.value) === e.target.value)?.value })}>
              <option value="">（无）</option>
              {options.map((o) => (
                <option key={String(o.value)} value={String(o.value)}>{o.label || String(o.value)}</option>
              ))}
            </select>
          ) : (
            <input className={inputClass} value={String(schema.default ?? "")} onChange={(e) => setSchema({ default: e.target.value }, "default")} />
          )}
        </label>
      )}
      {kind === "yesNo" && (
        <label className={labelClass}>
          默认值
          <select className={inputClass} value={schema.default === undefined ? "" : String(schema.default)} onChange={(e) => setSchema({ default: e.target.value === "" ? undefined : e.target.value === "true" })}>
            <option value="">（无）</option>
            <option value="true">是</option>
            <option value="false">否</option>
          </select>
        </label>
      )}

      {numericKinds.has(kind) && (
        <>
          <Row>
            <label className={labelClass}>
              最小值
              <input type="number" className={inputClass} value={schema.minimum === undefined ? "" : String(schema.minimum)} onChange={(e) => setSchema({ minimum: numberOrUndefined(e.target.value) }, "minimum")} />
            </label>
            <label className={labelClass}>
              最大值
              <input type="number" className={inputClass} value={schema.maximum === undefined ? "" : String(schema.maximum)} onChange={(e) => setSchema({ maximum: numberOrUndefined(e.target.value) }, "maximum")} />
            </label>
          </Row>
          <label className={labelClass}>
            默认值
            <input type="number" className={inputClass} value={schema.default === undefined ? "" : String(schema.default)} onChange={(e) => setSchema({ default: numberOrUndefined(e.target.value) }, "default")} />
          </label>
          {kind === "number" && (
            <label className={checkboxLabelClass}>
              <input type="checkbox" checked={schema.type === "integer"} onChange={(e) => setSchema({ type: e.target.checked ? "integer" : "number" })} />
              只能填整数
            </label>
          )}
        </>
      )}

      {typedTextKinds.has(kind) && (
        <>
          <Row>
            <label className={labelClass}>
              最少字数
              <input type="number" min={0} className={inputClass} value={schema.minLength === undefined ? "" : String(schema.minLength)} onChange={(e) => setSchema({ minLength: numberOrUndefined(e.target.value) }, "minLength")} />
            </label>
            <label className={labelClass}>
              最多字数
              <input type="number" min={0} className={inputClass} value={schema.maxLength === undefined ? "" : String(schema.maxLength)} onChange={(e) => setSchema({ maxLength: numberOrUndefined(e.target.value) }, "maxLength")} />
            </label>
          </Row>
          <label className={labelClass}>
            格式规则（正则表达式）
            <input className={`${inputClass} font-mono`} value={String(schema.pattern ?? "")} placeholder="例如 ^\d{6}$" onChange={(e) => setSchema({ pattern: e.target.value }, "pattern")} />
          </label>
          {schema.pattern !== undefined && (
            <label className={labelClass}>
              不符合格式时的提示
              <input
                className={inputClass}
                value={patternMessage}
                placeholder="例如：应为6位数字"
                onChange={(e) => setSchema({ errorMessage: e.target.value ? { ...(schema.errorMessage as object), pattern: e.target.value } : undefined }, "patternMessage")}
              />
            </label>
          )}
        </>
      )}

      {optionKinds.has(kind) && <OptionsEditor field={field} onChange={onChange} />}
      {kind === "choice" && (
        <label className={labelClass}>
          显示为
          <select className={inputClass} value={ui["ui:widget"] === "radio" ? "radio" : "select"} onChange={(e) => setUi({ "ui:widget": e.target.value === "radio" ? "radio" : undefined })}>
            <option value="radio">单选按钮</option>
            <option value="select">下拉列表</option>
          </select>
        </label>
      )}

      {(kind === "text" || kind === "textarea") && (
        <label className={labelClass}>
          格式
          <select className={inputClass} value={typeof schema.format === "string" ? schema.format : ""} onChange={(e) => setSchema({ format: e.target.value || undefined })}>
            <option value="">（不限）</option>
            {Object.entries(textFormats).map(([format, label]) => (
              <option key={format} value={format}>{label}</option>
            ))}
            {typeof schema.format === "string" && !(schema.format in textFormats) && <option value={schema.format}>{schema.format}</option>}
          </select>
        </label>
      )}
      {(typedTextKinds.has(kind) || numericKinds.has(kind) || schema.const !== undefined) && !containerKinds.has(kind) && kind !== "attestation" && (
        <label className={labelClass}>
          固定值（const，只能填这个值）
          <input
            className={inputClass}
            value={schema.const === undefined ? "" : typeof schema.const === "string" ? schema.const : JSON.stringify(schema.const)}
            onChange={(e) => setSchema({ const: e.target.value === "" ? undefined : numericKinds.has(kind) && Number.isFinite(Number(e.target.value)) ? Number(e.target.value) : e.target.value }, "const")}
          />
        </label>
      )}
      {kind === "textList" && (
        <>
          {itemBounds("条")}
          <label className={labelClass}>
            每条最多字数
            <input
              type="number"
              min={0}
              className={inputClass}
              value={(schema.items as JsonSchema | undefined)?.maxLength === undefined ? "" : String((schema.items as JsonSchema).maxLength)}
              onChange={(e) => setSchema({ items: withKeys((schema.items as JsonSchema) ?? { type: "string" }, { maxLength: numberOrUndefined(e.target.value) }) }, "itemMaxLength")}
            />
          </label>
        </>
      )}
      {kind === "table" && itemBounds("行")}
      {kind === "file" && (
        <label className={labelClass}>
          允许的文件类型
          <input
            className={inputClass}
            value={String((ui["ui:options"] as Record<string, unknown> | undefined)?.accept ?? "")}
            onChange={(e) => setUi({ "ui:options": withKeys((ui["ui:options"] as Record<string, unknown>) ?? {}, { accept: e.target.value }) }, "accept")}
          />
        </label>
      )}

      {!containerKinds.has(kind) && kind !== "attestation" && <DisplaySettings field={field} onChange={onChange} schemaEditable />}

      <VisibilityEditor field={field} siblings={siblings} onChange={onChange} />

      <ExtraSettings field={field} />

      <button type="button" className={`${buttonClass} w-full text-destructive`} onClick={onRemove}>
        删除此字段
      </button>
    </div>
  );
}
