"use client";
/**
 * Importing a form written for react-jsonschema-form elsewhere: paste its JSON Schema (draft-07
 * or 2020-12, as its `$schema` says) and uiSchema; a problem is told in Chinese before anything
 * changes, a good form becomes a new form of the service, as it was written.
 */
import { useId, useState } from "react";
import { importFormText } from "../core/formImport";
import { buttonClass, inputClass, labelClass } from "../ui/classes";

export interface ImportedForm {
  title: string;
  schema: Record<string, unknown>;
  uiSchema: Record<string, unknown>;
}

/** One pasted JSON text; `error`: the id of the message that describes its problem. */
function JsonText({ label, value, onChange, error }: { label: string; value: string; onChange: (text: string) => void; error?: string }) {
  return (
    <label className={labelClass}>
      {label}
      <textarea
        spellCheck={false}
        className={`${inputClass} h-56 font-mono text-xs`}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={error}
      />
    </label>
  );
}

export function FormImport({ onImport, onClose }: { onImport: (form: ImportedForm) => void; onClose: () => void }) {
  const id = useId();
  const [title, setTitle] = useState("");
  const [schemaText, setSchemaText] = useState("");
  const [uiText, setUiText] = useState("");
  const [error, setError] = useState<{ part: "schema" | "uiSchema"; message: string } | null>(null);
  const submit = () => {
    const result = importFormText(schemaText, uiText);
    if (!result.ok) return setError({ part: result.part, message: result.message });
    setError(null);
    const fallback = typeof result.schema.title === "string" && result.schema.title.trim() ? result.schema.title.trim() : "导入的表单";
    onImport({ title: title.trim() || fallback, schema: result.schema, uiSchema: result.uiSchema });
  };
  const errorId = `${id}-error`;
  return (
    <section aria-labelledby={`${id}-heading`} className="space-y-2 rounded-lg border bg-background p-3">
      <h2 id={`${id}-heading`} className="font-semibold">导入表单（react-jsonschema-form）</h2>
      <p className="text-sm text-muted-foreground">
        粘贴表单的 JSON Schema 和 uiSchema。支持 draft-07 和 2020-12（由 $schema 决定，未写时按 draft-07）。导入后原样保存：可视化编辑器改不了的部分只读显示，不会丢失。
      </p>
      <label className={labelClass}>
        表单标题（留空则用 JSON Schema 的 title）
        <input className={inputClass} value={title} onChange={(e) => setTitle(e.target.value)} />
      </label>
      <div className="grid gap-2 md:grid-cols-2">
        <JsonText label="JSON Schema" value={schemaText} onChange={setSchemaText} error={error?.part === "schema" ? errorId : undefined} />
        <JsonText label="uiSchema（可留空）" value={uiText} onChange={setUiText} error={error?.part === "uiSchema" ? errorId : undefined} />
      </div>
      {error && (
        <p id={errorId} role="alert" className="text-sm text-destructive">
          {error.message}
        </p>
      )}
      <div className="flex gap-2">
        <button type="button" className={buttonClass} onClick={submit}>导入为新表单</button>
        <button type="button" className={buttonClass} onClick={onClose}>取消</button>
      </div>
    </section>
  );
}
