"use client";
/**
 * A form's JSON Schema and uiSchema as text. Valid JSON applies as you type (and the visual
 * editor follows); edits in the visual editor show here at once.
 */
import { useEffect, useId, useState } from "react";
import { stableJson } from "../../runtime/features/designer/diff";
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
          try {
            const parsed: unknown = JSON.parse(e.target.value);
            if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error("应为 JSON 对象");
            setError(null);
            onChange(parsed as Json);
          } catch (cause) {
            setError(cause instanceof SyntaxError ? `JSON 格式不正确：${cause.message}` : (cause as Error).message);
          }
        }}
      />
      {error && <p id={`${id}-error`} role="alert" className="text-sm text-destructive">{error}（修正前不会应用）</p>}
    </div>
  );
}

export function SchemaText({ schema, uiSchema, onChange }: { schema: Json; uiSchema: Json; onChange: (next: { schema: Json; uiSchema: Json }, group: string) => void }) {
  return (
    <div className="grid gap-3 md:grid-cols-2">
      <JsonArea label="JSON Schema（draft-07）" value={schema} onChange={(next) => onChange({ schema: next, uiSchema }, "json:schema")} />
      <JsonArea label="uiSchema" value={uiSchema} onChange={(next) => onChange({ schema, uiSchema: next }, "json:ui")} />
    </div>
  );
}
