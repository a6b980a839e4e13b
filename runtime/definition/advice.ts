/**
 * Advice on a service definition: what is allowed but looks like a mistake, shown in the designer
 * beside the lint's problems (runtime/definition/lint.ts) without blocking publishing — the
 * document's own templates have some (s100 promises 即时办结 online while its step has 22 working
 * days). Pure, browser-safe.
 */
import type { ServiceDefinition, TimeLimit } from "./schema";
import type { LintProblem } from "./lint";
import { promisedLimitFor } from "./caseLimit";
import { exceeds, limitWords } from "./timeLimits";

/** The advice for `definition`, in the lint's shape (each takes the designer to its place). */
export function adviseDefinition(definition: ServiceDefinition): LintProblem[] {
  const out: LintProblem[] = [];
  const promisedLimit = promisedLimitFor(definition.guide, "online");
  if (promisedLimit) {
    // A step given longer than the whole case is promised: the promise is broken whenever the step uses its time.
    const promised: TimeLimit = { text: "", days: promisedLimit.days, unit: promisedLimit.unit };
    for (const node of definition.flow.nodes) {
      if (node.type !== "task" || !node.sla) continue;
      const step: TimeLimit = { text: "", days: node.sla.days, unit: node.sla.unit };
      if (!exceeds(step, promised)) continue;
      out.push({
        code: "STEP_LONGER_THAN_PROMISE",
        area: "flow",
        nodeId: node.id,
        message: `环节“${node.label}”的办理时限 ${limitWords(step)} 长于承诺办结时限 ${limitWords(promised)}：本环节用满时限就不能按承诺办结，请缩短环节时限或核对承诺时限`,
      });
    }
  }
  return out;
}
