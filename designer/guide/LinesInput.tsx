"use client";
/** A list of short texts edited as lines of a text box (blank lines dropped when leaving it). */
import { useId } from "react";
import { inputClass } from "../ui/classes";

export function LinesInput({ label, lines, onChange, group }: { label: string; lines: readonly string[]; onChange: (lines: string[], group?: string | null) => void; group: string }) {
  const id = useId();
  return (
    <div className="flex flex-col gap-1">
      <label htmlFor={id} className="text-sm font-medium">
        {label}<span className="font-normal text-muted-foreground">（每行一条）</span>
      </label>
      <textarea
        id={id}
        className={`${inputClass} min-h-20`}
        rows={Math.min(8, Math.max(2, lines.length + 1))}
        value={lines.join("\n")}
        onChange={(e) => onChange(e.target.value.split("\n"), group)}
        onBlur={() => {
          const kept = lines.map((l) => l.trim()).filter(Boolean);
          if (kept.length !== lines.length || kept.some((l, i) => l !== lines[i])) onChange(kept, group);
        }}
      />
    </div>
  );
}
