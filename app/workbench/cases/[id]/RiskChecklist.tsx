"use client";
/** 风险点确认: the step's risk points as boxes the caseworker ticks before passing the step (受理, 审核通过, 办结). */
import type { Task } from "./staffCase";

export type RiskItem = Task["riskChecklist"][number];

export function RiskChecklist({ items, confirmed, onChange, required }: { items: RiskItem[]; confirmed: string[]; onChange: (keys: string[]) => void; required: boolean }) {
  if (items.length === 0) return null;
  const toggle = (key: string, on: boolean) => onChange(on ? [...confirmed, key] : confirmed.filter((k) => k !== key));
  const left = items.filter((i) => !confirmed.includes(i.key)).length;
  return (
    <fieldset data-testid="risk-checklist" className="rounded-md border border-red-800/30 bg-red-50/60 p-3">
      <legend className="px-1 text-sm font-medium text-red-950">风险点确认（内控稽核）</legend>
      <p className="text-xs text-red-950">
        {required ? `通过本环节前，请逐项核对并勾选确认${left ? `（还有 ${left} 项）` : "（已全部确认）"}。确认将记入审计日志，复核人员和稽核人员可见。` : "本操作无须确认风险点。"}
      </p>
      <ul className="mt-2 space-y-1.5">
        {items.map((item) => (
          <li key={item.key}>
            <label className="flex items-start gap-2 text-sm text-red-950">
              <input type="checkbox" className="mt-1" checked={confirmed.includes(item.key)} onChange={(e) => toggle(item.key, e.target.checked)} />
              <span>
                已核对：{item.risk}
                {item.control && <span className="block text-xs text-red-900/80">防控措施：{item.control}</span>}
              </span>
            </label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
