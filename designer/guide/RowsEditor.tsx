"use client";
/** A list of small records edited as rows of inputs (one input per column), with add and remove. */
import { checkboxLabelClass, inputClass, smallButtonClass } from "../ui/classes";

export type Column<T> = {
  key: keyof T & string;
  label: string;
  /** Left out of the record when empty. */
  optional?: boolean;
} & (
  | { kind: "text" | "lines" | "number" }
  | { kind: "bool" }
  | { kind: "select"; options: { value: string; label: string }[] }
);

function cellValue(kind: Column<unknown>["kind"], value: unknown): string {
  if (value === null || value === undefined) return "";
  if (kind === "lines" && Array.isArray(value)) return value.join("\n");
  return String(value);
}

function parseCell(kind: Column<unknown>["kind"], text: string): unknown {
  switch (kind) {
    case "number":
      return text.trim() === "" ? null : Math.max(0, Math.floor(Number(text) || 0));
    case "lines":
      return text.split("\n");
    case "select":
      return text === "" ? null : text;
    default:
      return text;
  }
}

export function RowsEditor<T extends Record<string, unknown>>({
  legend,
  rows,
  columns,
  empty,
  onChange,
  group,
}: {
  legend: string;
  rows: readonly T[];
  columns: Column<T>[];
  empty: () => T;
  onChange: (rows: T[], group?: string | null) => void;
  group: string;
}) {
  const set = (index: number, column: Column<T>, value: unknown, typing: boolean) =>
    onChange(
      rows.map((row, i) => {
        if (i !== index) return row;
        const next: Record<string, unknown> = { ...row, [column.key]: value };
        if (column.optional && (value === "" || value === null)) delete next[column.key];
        return next as T;
      }),
      typing ? `${group}:${index}:${column.key}` : null,
    );
  return (
    <fieldset className="space-y-2 rounded-md border p-3">
      <legend className="px-1 text-sm font-medium">{legend}</legend>
      {rows.length === 0 && <p className="text-sm text-muted-foreground">（无）</p>}
      <ol className="space-y-2">
        {rows.map((row, index) => (
          <li key={index} className="flex flex-wrap items-end gap-2 rounded border bg-muted/40 p-2">
            {columns.map((column) => {
              const label = `${legend}第${index + 1}项的${column.label}`;
              const value = row[column.key];
              if (column.kind === "bool") {
                return (
                  <label key={column.key} className={checkboxLabelClass}>
                    <input type="checkbox" checked={value === true} onChange={(e) => set(index, column, e.target.checked, false)} />
                    {column.label}
                  </label>
                );
              }
              return (
                <label key={column.key} className={`flex min-w-32 flex-1 flex-col gap-0.5 text-xs ${column.kind === "lines" ? "basis-full" : ""}`}>
                  <span>{column.label}</span>
                  {column.kind === "select" ? (
                    <select aria-label={label} className={inputClass} value={cellValue(column.kind, value)} onChange={(e) => set(index, column, parseCell(column.kind, e.target.value), false)}>
                      {column.options.map((o) => (
                        <option key={o.value} value={o.value}>{o.label}</option>
                      ))}
                    </select>
                  ) : column.kind === "lines" ? (
                    <textarea aria-label={`${label}（每行一条）`} className={`${inputClass} h-16`} value={cellValue(column.kind, value)} onChange={(e) => set(index, column, parseCell(column.kind, e.target.value), true)} />
                  ) : (
                    <input
                      aria-label={label}
                      type={column.kind === "number" ? "number" : "text"}
                      min={column.kind === "number" ? 0 : undefined}
                      className={inputClass}
                      value={cellValue(column.kind, value)}
                      onChange={(e) => set(index, column, parseCell(column.kind, e.target.value), true)}
                    />
                  )}
                </label>
              );
            })}
            <button type="button" className={smallButtonClass} onClick={() => onChange(rows.filter((_, i) => i !== index))}>
              删除<span className="sr-only">{legend}第{index + 1}项</span>
            </button>
          </li>
        ))}
      </ol>
      <button type="button" className={smallButtonClass} onClick={() => onChange([...rows, empty()])}>
        添加<span className="sr-only">{legend}</span>
      </button>
    </fieldset>
  );
}
