"use client";
/**
 * A form's JSON Schema and uiSchema as text. Valid JSON applies as you type (and the visual
 * editor follows); edits in the visual editor show here at once.
 */
import { useEffect, useId, useState } from "react";
import { stableJson } from "@/runtime/definition/diff";
import { parseJsonText } from "../core/jsonText";
import { schemaDialect } from "@/runtime/forms/dialect";
import { inputClass } from "../ui/classes";

type Json = Record<string, unknown>;

function JsonArea({ label, value, onChange }: { label: string; value: Json; onChange: (value: Json) => void }) {
  const id = useId();
  const [text, setText] = useState(() => JSON.stringify(value, null, 2));
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setText((old) => {
      try {
        return stableJson(JSON.parse(old)) === stableJson(value) ? old : JSON.stringify(value, null, 2);
      } catch {
        return old;
      }
    });
  }, [value]);
  return (
    <div className="flex min-w-0 flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">{label}</label>
      <textarea
        id={id}
        spellCheck={false}
        className={`${inputClass} h-80 font-mono text-xs`}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          const parsed = parseJsonText(e.target.value);
          if (!parsed.ok) return setError(parsed.message);
          if (!parsed.value || typeof parsed.value !== "object" || Array.isArray(parsed.value)) return setError("应为 JSON 对象（以 { 开头）");
          setError(null);
          onChange(parsed.value as Json);
        }}
      />
      {error && <p id={`${id}-error`} role="alert" className="text-sm text-destructive">{error}（修正前不会应用）</p>}
    </div>
  );
}

export function SchemaText({ schema, uiSchema, onChange }: { schema: Json; uiSchema: Json; onChange: (next: { schema: Json; uiSchema: Json }, group: string) => void }) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <JsonArea label={`JSON Schema（${schemaDialect(schema) ?? "不支持的版本"}）`} value={schema} onChange={(next) => onChange({ schema: next, uiSchema }, "json:schema")} />
      <JsonArea label="uiSchema" value={uiSchema} onChange={(next) => onChange({ schema, uiSchema: next }, "json:ui")} />
    </div>
  );
}
