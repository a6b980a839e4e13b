/**
 * 事项风险点（内控稽核）as a checklist: the risk points of the guide that belong to a step, each
 * with a key the caseworker confirms before passing the step. Pure; the workbench shows the
 * list and the server refuses a passing action whose list is not confirmed in full.
 */
import type { ActionKind, ServiceDefinition } from "./schema";

export interface RiskItem {
  /** `risk-<index in guide.risks>`: stable for a published version (cases pin theirs). */
  key: string;
  step: string;
  risk: string;
  control: string | null;
}

/** Texts that say there is no risk point (「无」「/」). */
const NONE = /^[\s无/／—\-.。、]*$/;

/** Whether a risk point's step (业务节点) names this step: 「统一受理」 and 「受理」 match each other. */
export function stepMatches(step: string, nodeLabel: string): boolean {
  return nodeLabel.includes(step) || step.includes(nodeLabel);
}

/** The risk points of a step, in the guide's order; risk points without a step belong to none. */
export function stepRisks(definition: ServiceDefinition, nodeLabel: string): RiskItem[] {
  const items: RiskItem[] = [];
  definition.guide.risks.forEach((r, index) => {
    if (r.step === null || NONE.test(r.risk) || !stepMatches(r.step, nodeLabel)) return;
    items.push({ key: `risk-${index}`, step: r.step, risk: r.risk, control: r.control?.trim() || null });
  });
  return items;
}

/** Actions that pass a step (受理, 审核通过, 办结) need every risk point confirmed; a refusal, a correction request or termination do not. */
export function needsRiskConfirmation(kind: ActionKind): boolean {
  return kind === "approve" || kind === "complete";
}

/** The risk points not among the confirmed keys. */
export function unconfirmedRisks(items: RiskItem[], confirmed: readonly string[]): RiskItem[] {
  const given = new Set(confirmed);
  return items.filter((item) => !given.has(item.key));
}
