/**
 * Exclusive gateways: the first outgoing edge (in the flow's order) whose JSON Logic
 * condition holds over `{ form: {<formId>: data}, applicant }`; else the default edge.
 * Conditions are evaluated by json-logic-js, never by `eval`.
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

/** Whether a condition holds; throws `CONDITION_INVALID` when json-logic-js cannot evaluate it. */
export function conditionHolds(edge: FlowEdge, data: ConditionData): boolean {
  try {
    return jsonLogic.truthy(jsonLogic.apply(edge.condition as jsonLogic.RulesLogic, data));
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
