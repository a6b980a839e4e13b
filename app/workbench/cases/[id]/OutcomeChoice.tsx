"use client";
/** A decision step's outcomes (认定工伤 / 不予认定工伤 …): one is chosen with the passing action, with its amount where it fixes one. */
import { useId } from "react";
import type { Task } from "./staffCase";

export type Outcome = Task["outcomes"][number];

export function OutcomeChoice({
  outcomes,
  outcomeId,
  amount,
  onOutcome,
  onAmount,
}: {
  outcomes: Outcome[];
  outcomeId: string;
  amount: string;
  onOutcome: (id: string) => void;
  onAmount: (value: string) => void;
}) {
  const uid = useId();
  const chosen = outcomes.find((o) => o.id === outcomeId);
  return (
    <fieldset data-testid="outcome-choice" className="rounded-md border bg-muted/30 p-3">
      <legend className="px-1 font-medium">决定结果<span className="text-destructive">（必选）</span></legend>
      <div className="mt-1 flex flex-wrap gap-2">
        {outcomes.map((o) => (
          <label key={o.id} className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-2 text-sm ${outcomeId === o.id ? "border-primary bg-accent" : "bg-background hover:bg-muted"}`}>
            <input type="radio" name={`${uid}-outcome`} value={o.id} checked={outcomeId === o.id} onChange={() => onOutcome(o.id)} />
            {o.label}
          </label>
        ))}
      </div>
      {chosen && (
        <p className="mt-1 text-xs text-muted-foreground">
          将出具《{chosen.documentTitle}》{chosen.reasonRequired ? "，须说明理由（写入文书）" : ""}。
        </p>
      )}
      {chosen?.amountLabel && (
        <div className="mt-2">
          <label htmlFor={`${uid}-amount`} className="block text-sm font-medium">{chosen.amountLabel}<span className="text-destructive">（必填）</span></label>
          <input
            id={`${uid}-amount`}
            inputMode="decimal"
            value={amount}
            onChange={(e) => onAmount(e.target.value)}
            aria-required
            className="mt-1 w-48 rounded-md border border-input bg-background px-3 py-2 text-sm"
          />
        </div>
      )}
    </fieldset>
  );
}
