"use client";

export interface StepView {
  key: string;
  label: string;
  /** A problem marker (e.g. the form has errors). */
  invalid?: boolean;
  done?: boolean;
}

/** The steps of a long task; every step can be reached with the keyboard. */
export function Stepper({ steps, current, onSelect }: { steps: StepView[]; current: number; onSelect: (index: number) => void }) {
  return (
    <nav aria-label="办理步骤">
      <ol className="flex flex-wrap gap-2">
        {steps.map((s, i) => {
          const active = i === current;
          return (
            <li key={s.key}>
              <button
                type="button"
                onClick={() => onSelect(i)}
                aria-current={active ? "step" : undefined}
                className={`flex items-center gap-2 rounded-full border px-3 py-1.5 text-sm ${
                  active ? "border-primary bg-primary text-primary-foreground" : "bg-background hover:bg-muted"
                }`}
              >
                <span
                  aria-hidden="true"
                  className={`inline-flex size-5 items-center justify-center rounded-full text-xs ${active ? "bg-primary-foreground text-primary" : "bg-muted"}`}
                >
                  {i + 1}
                </span>
                <span>{s.label}</span>
                {s.invalid && <span className="sr-only">（有待修改的内容）</span>}
                {s.invalid && <span aria-hidden="true" className={active ? "" : "text-destructive"}>!</span>}
                {s.done && !s.invalid && <span aria-hidden="true">✓</span>}
              </button>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
