"use client";
/** What was confirmed of the 风险点 at each step done so far: for the reviewer, supervisors and auditors. */
import type { StaffCase } from "@/app/_components/types";
import { formatDateTime } from "@/app/_components/format";

export function RiskConfirmations({ steps }: { steps: StaffCase["riskConfirmations"] }) {
  if (steps.length === 0) return null;
  return (
    <section aria-labelledby="risk-confirmations-title" data-testid="risk-confirmations" className="rounded-lg border bg-background p-4 text-sm">
      <h2 id="risk-confirmations-title" className="font-semibold">已确认的风险点</h2>
      {steps.map((step, i) => (
        <div key={i} className="mt-2">
          <p className="text-muted-foreground">
            {step.stepLabel || step.actionLabel} · {step.actorName ?? "—"} 于 {formatDateTime(step.at)} 确认（{step.actionLabel}）
          </p>
          <ul className="mt-1 list-disc pl-5">{step.items.map((item) => <li key={item.key}>{item.risk}</li>)}</ul>
        </div>
      ))}
    </section>
  );
}
