/** What a caseworker checks at a step (pure): 审核要点 and 前置校验, from the guide (its 风险点: riskChecklist.ts). */
import type { ServiceDefinition, TaskNode } from "@/runtime/definition/schema";
import { stepMatches } from "@/runtime/definition/riskChecklist";

/** A list item's enumeration (「1.」「2、」「（3）」「四、」), which the same point carries in one part of the guide and not in another. */
const ENUMERATION = /^\s*(?:[（(]\d+[)）]|\d+[.、．]|[一二三四五六七八九十]+[、．.])\s*/;

/** Items once each, ignoring their enumeration and differences of spacing and punctuation; the first wording is kept. */
export function distinctPoints(items: string[]): string[] {
  const seen = new Set<string>();
  return items.filter((item) => {
    const key = item.replace(ENUMERATION, "").replace(/[\s。；;，,.]/g, "");
    if (!key || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function checkpointsFor(definition: ServiceDefinition, node: TaskNode) {
  const matches = (step: string | null) => !step || stepMatches(step, node.label);
  return {
    reviewPoints: distinctPoints([
      ...node.checkpoints,
      ...definition.guide.operationNotes.filter((n) => matches(n.step)).flatMap((n) => n.notes),
    ]),
    preChecks: definition.guide.preChecks.map((p) => `${p.check}${p.mandatory ? "（强制）" : ""}`),
  };
}
