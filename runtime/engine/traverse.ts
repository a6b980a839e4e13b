/**
 * Moving a token through the flow: from a node, through the start node and gateways, to
 * the next task (which opens and waits) or an end node (which closes the case).
 */
import type { FlowEdge } from "../definition/schema";
import { closeCase } from "./closing";
import { chooseGatewayEdge } from "./conditions";
import type { EventContext } from "./context";
import { EngineError } from "./errors";
import { nodeOf } from "./flowIndex";
import { openTask } from "./tasks";
import type { CorrectionRequest } from "./types";

/** Why the token moves: the actor's comment (a refusal's reason) and a pending correction request. */
export interface Arrival {
  comment: string | null;
  correction: CorrectionRequest | null;
}

/** Takes `edge` and runs on from its target. */
export function followEdge(ctx: EventContext, edge: FlowEdge, arrival: Arrival): void {
  let edgeTaken = edge;
  let nodeId = edge.to;
  for (let steps = 0; steps <= ctx.index.nodes.size; steps++) {
    const node = nodeOf(ctx.index, nodeId);
    ctx.path.push(node.id);
    switch (node.type) {
      case "start":
        throw new EngineError("FLOW_INVALID", `连线“${edgeTaken.id}”指向开始节点“${node.label}”`, { edgeId: edgeTaken.id });
      case "gateway":
        edgeTaken = chooseGatewayEdge(node, ctx.index.outgoing.get(node.id) ?? [], {
          form: ctx.state.forms,
          applicant: ctx.state.applicant,
        });
        nodeId = edgeTaken.to;
        break;
      case "task":
        if (arrival.correction && node.role !== "applicant") {
          throw new EngineError("FLOW_INVALID", `补正连线应通向申请人的补正环节，而“${node.label}”由其他角色办理`, {
            nodeId: node.id,
          });
        }
        openTask(ctx, node, arrival.correction);
        return;
      case "end": {
        const explains = node.outcome === "refused" || node.outcome === "terminated";
        closeCase(ctx, node.outcome, arrival.comment ?? (explains ? (edgeTaken.label ?? node.label) : null));
        return;
      }
    }
  }
  throw new EngineError("FLOW_INVALID", "流程在分支之间循环，没有到达办理环节或结束节点", { nodeId });
}

/** Enters the flow at its start node (a new case). */
export function enterAtStart(ctx: EventContext): void {
  const { starts, outgoing } = ctx.index;
  if (starts.length !== 1) throw new EngineError("FLOW_INVALID", `流程应有且只有一个开始节点，实有 ${starts.length} 个`);
  const start = starts[0];
  const edges = outgoing.get(start.id) ?? [];
  if (edges.length !== 1) {
    throw new EngineError("FLOW_INVALID", `开始节点“${start.label}”应有且只有一条出口连线，实有 ${edges.length} 条`, {
      nodeId: start.id,
    });
  }
  ctx.path.push(start.id);
  followEdge(ctx, edges[0], { comment: null, correction: null });
}
