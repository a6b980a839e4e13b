/**
 * Exclusive gateways: the first outgoing edge (in the flow's order) whose JSON Logic
 * condition holds over `{ form: {<formId>: data}, applicant }`; else the default edge.
 * Conditions are evaluated by json-logic-js, never by `eval`, within a size and step budget.
 */
import jsonLogic from "json-logic-js";
import type { FlowEdge, FlowNode } from "../definition/schema";
import { EngineError } from "./errors";
import type { FormsData } from "./types";

/** The data a condition sees. */
export interface ConditionData {
  form: FormsData;
  applicant: Record<string, unknown>;
}

/** Bounds on a condition an administrator writes: checked before evaluating, and while evaluating. */
export const CONDITION_LIMITS = { nodes: 500, depth: 24, steps: 20_000 } as const;

/** Why a rule is too large to evaluate (more than `nodes` values, or nested deeper than `depth`), or null. */
export function conditionSizeProblem(logic: unknown): string | null {
  let nodes = 0;
  const stack: { value: unknown; depth: number }[] = [{ value: logic, depth: 1 }];
  while (stack.length > 0) {
    const { value, depth } = stack.pop()!;
    if (++nodes > CONDITION_LIMITS.nodes) return `条件过于复杂：超过 ${CONDITION_LIMITS.nodes} 个元素`;
    if (depth > CONDITION_LIMITS.depth) return `条件嵌套过深：超过 ${CONDITION_LIMITS.depth} 层`;
    if (value && typeof value === "object") {
      for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return null;
}

class StepBudgetExceeded extends Error {}

/**
 * json-logic-js's `apply` with a step budget: at most `CONDITION_LIMITS.steps` evaluations of a
 * sub-rule (loops such as `some`, `map`, `reduce` count once per element), so no rule can hold the
 * process. json-logic-js recurses through `jsonLogic.apply`, so counting wraps that property for
 * the length of this synchronous call. Throws an Error with a Chinese message when over budget.
 */
export function applyWithBudget(logic: unknown, data: unknown, limits: { steps: number } = CONDITION_LIMITS): unknown {
  const size = conditionSizeProblem(logic);
  if (size) throw new Error(size);
  const original = jsonLogic.apply;
  let steps = 0;
  jsonLogic.apply = (rule, scope) => {
    if (++steps > limits.steps) throw new StepBudgetExceeded();
    return original.call(jsonLogic, rule, scope);
  };
  try {
    return jsonLogic.apply(logic as jsonLogic.RulesLogic, data);
  } catch (cause) {
    if (cause instanceof StepBudgetExceeded) throw new Error(`条件计算超过 ${limits.steps} 步的上限，请简化条件`);
    throw cause;
  } finally {
    jsonLogic.apply = original;
  }
}

/** Whether a condition holds; throws `CONDITION_INVALID` when json-logic-js cannot evaluate it within its budget. */
export function conditionHolds(edge: FlowEdge, data: ConditionData): boolean {
  try {
    return jsonLogic.truthy(applyWithBudget(edge.condition, data));
  } catch (cause) {
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new EngineError("CONDITION_INVALID", `连线“${edge.label ?? edge.id}”的条件无法计算：${reason}`, { edgeId: edge.id });
  }
}

/** The edge a gateway takes; throws `NO_PATH` when no condition holds and there is no default. */
export function chooseGatewayEdge(gateway: FlowNode, edges: readonly FlowEdge[], data: ConditionData): FlowEdge {
  for (const edge of edges) {
    if (!edge.isDefault && edge.condition !== undefined && conditionHolds(edge, data)) return edge;
  }
  const fallback = edges.find((edge) => edge.isDefault);
  if (fallback) return fallback;
  throw new EngineError("NO_PATH", `分支“${gateway.label}”没有满足条件的出口，也没有默认出口`, { nodeId: gateway.id });
}
