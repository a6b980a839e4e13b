/** A row of toggle buttons of which one is on (a list's filter, a view): `aria-pressed` on the chosen one. */
import type { ReactNode } from "react";

export interface ToggleOption<T> {
  value: T;
  label: ReactNode;
}

export const toggleButtonClass = (on: boolean) => `rounded-md border px-3 py-1.5 text-sm ${on ? "border-primary bg-accent font-medium" : "bg-background hover:bg-muted"}`;

export function ToggleGroup<T>({ label, options, value, onChange }: { label: string; options: readonly ToggleOption<T>[]; value: T; onChange: (value: T) => void }) {
  return (
    <div role="group" aria-label={label} className="flex flex-wrap gap-1">
      {options.map((o, i) => (
        <button key={i} type="button" aria-pressed={value === o.value} onClick={() => onChange(o.value)} className={toggleButtonClass(value === o.value)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
