/**
 * The dashboard's figures as the office reads them: counts summed from SQL aggregates, rates
 * (准时办结率, 一次性告知率) and average working days per step. Pure.
 */

/** What one group (an office, a service, a month, or the whole scope) counts. */
export interface CaseCounts {
  received: number;
  completed: number;
  refused: number;
  withdrawn: number;
  /** Decided (办结 or 不予受理/不予办理) with a promised date, and of those decided by it. */
  decidedPromised: number;
  onTimePromised: number;
  /** Decided with a legal deadline (法定办结时限: `legalDueDate`, which a shorter promise does not move), and of those decided by it. */
  decidedLegal: number;
  onTimeLegal: number;
  /** Open with the clock running, past the deadline today. */
  overdue: number;
  /** Open with the clock running, due today or in the next 3 working days. */
  dueSoon: number;
  /** Cases that got a correction notice (一次性告知书). */
  corrected: number;
}

export const COUNT_KEYS = [
  "received",
  "completed",
  "refused",
  "withdrawn",
  "decidedPromised",
  "onTimePromised",
  "decidedLegal",
  "onTimeLegal",
  "overdue",
  "dueSoon",
  "corrected",
] as const satisfies readonly (keyof CaseCounts)[];

export const emptyCounts = (): CaseCounts => Object.fromEntries(COUNT_KEYS.map((k) => [k, 0])) as unknown as CaseCounts;

/** A row from the database (numbers may come as bigint or numeric strings) as counts. */
export function countsOf(row: Record<string, unknown>): CaseCounts {
  const out = emptyCounts();
  for (const key of COUNT_KEYS) {
    const value = Number(row[key] ?? 0);
    out[key] = Number.isFinite(value) ? value : 0;
  }
  return out;
}

export function addCounts(a: CaseCounts, b: CaseCounts): CaseCounts {
  const out = emptyCounts();
  for (const key of COUNT_KEYS) out[key] = a[key] + b[key];
  return out;
}

/** A share as a fraction of 1, or null when there is nothing to divide by. */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** 「87.5%」, 「—」 when there is no figure. */
export function percent(value: number | null): string {
  if (value === null) return "—";
  const scaled = Math.round(value * 1000) / 10;
  return `${Number.isInteger(scaled) ? scaled.toFixed(0) : scaled.toFixed(1)}%`;
}

export interface CaseRates {
  onTimePromised: number | null;
  onTimeLegal: number | null;
  correction: number | null;
}

export function ratesOf(c: CaseCounts): CaseRates {
  return {
    onTimePromised: rate(c.onTimePromised, c.decidedPromised),
    onTimeLegal: rate(c.onTimeLegal, c.decidedLegal),
    correction: rate(c.corrected, c.received),
  };
}

/** Steps grouped by the dates they opened and closed: each group's working days counted once. */
export interface StepSpan {
  label: string;
  started: string;
  finished: string;
  count: number;
}

export interface StepAverage {
  label: string;
  steps: number;
  /** Average working days from the step's opening to its completion (1 decimal). */
  averageWorkdays: number;
}

export function stepAverages(spans: readonly StepSpan[], workdays: (from: string, to: string) => number): StepAverage[] {
  const byLabel = new Map<string, { steps: number; days: number }>();
  for (const span of spans) {
    const entry = byLabel.get(span.label) ?? { steps: 0, days: 0 };
    entry.steps += span.count;
    entry.days += Math.max(0, workdays(span.started, span.finished)) * span.count;
    byLabel.set(span.label, entry);
  }
  return [...byLabel.entries()]
    .map(([label, e]) => ({ label, steps: e.steps, averageWorkdays: Math.round((e.days / e.steps) * 10) / 10 }))
    .sort((a, b) => b.steps - a.steps || a.label.localeCompare(b.label, "zh-CN"));
}
