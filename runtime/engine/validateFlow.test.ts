import { describe, expect, it } from "vitest";
import { flow } from "../definition/schema";
import { eligibilityFlow, noticeFlow, reviewFlow } from "@/tests/support/engineFlows";
import { validateFlow, type FlowProblemCode } from "./validateFlow";

const codes = (problems: { code: FlowProblemCode }[]) => problems.map((problem) => problem.code).sort();

describe("validateFlow", () => {
  it("finds nothing wrong in sound flows (a 补正 task needs no edge for its submit)", () => {
    expect(validateFlow(reviewFlow)).toEqual([]);
    expect(validateFlow(noticeFlow)).toEqual([]);
  });

  it("reports a gateway whose conditions may all fail without a default", () => {
    expect(validateFlow(eligibilityFlow)).toEqual([
      {
        code: "GATEWAY_NO_DEFAULT",
        message: "分支“是否符合条件”（eligible）没有默认出口，条件都不成立时办件将无法继续",
        nodeId: "eligible",
      },
    ]);
  });

  it("reports each kind of problem with its node or edge", () => {
    const broken = flow.parse({
      nodes: [
        { id: "s", type: "start", label: "申请" },
        { id: "s2", type: "start", label: "第二个开始" },
        {
          id: "t",
          type: "task",
          label: "受理",
          role: "caseworker",
          actions: [
            { id: "ok", label: "受理", kind: "approve" },
            { id: "fix", label: "一次性告知", kind: "correction" },
            { id: "loose", label: "无出口", kind: "terminate" },
          ],
        },
        { id: "g", type: "gateway", label: "分支" },
        { id: "loop", type: "task", label: "死循环", role: "reviewer", actions: [{ id: "again", label: "再审", kind: "approve" }] },
        { id: "island", type: "task", label: "孤岛", role: "caseworker", actions: [{ id: "x", label: "办结", kind: "complete" }] },
        { id: "notice", type: "task", label: "公示", role: "caseworker", publicNotice: true, actions: [{ id: "y", label: "异议", kind: "reject" }] },
        { id: "end", type: "end", label: "办结", outcome: "completed" },
      ],
      edges: [
        { id: "e1", from: "s", to: "t" },
        { id: "e2", from: "t", to: "g", action: "ok" },
        { id: "e3", from: "t", to: "loop", action: "fix" },
        { id: "e4", from: "t", to: "end", action: "nope" },
        { id: "e5", from: "g", to: "end", condition: { nonsense: [1] } },
        { id: "e6", from: "g", to: "loop" },
        { id: "e7", from: "loop", to: "loop", action: "again", isDefault: true },
        { id: "e8", from: "end", to: "t", action: "ok" },
        { id: "e9", from: "island", to: "ghost", action: "x" },
        { id: "e1", from: "notice", to: "s", action: "y" },
      ],
    });
    const problems = validateFlow(broken);
    expect(codes(problems)).toEqual(
      [
        "MULTIPLE_STARTS",
        "DUPLICATE_EDGE_ID",
        "UNKNOWN_NODE",
        "START_EDGES",
        "EDGE_INTO_START",
        "UNKNOWN_ACTION",
        "ACTION_WITHOUT_EDGE",
        "CORRECTION_TARGET_NOT_APPLICANT",
        "CONDITION_INVALID",
        "EDGE_WITHOUT_CONDITION",
        "GATEWAY_NO_DEFAULT",
        "MISPLACED_EDGE_RULE",
        "END_WITH_EDGES",
        "PUBLIC_NOTICE_WITHOUT_PERIOD",
        "PUBLIC_NOTICE_WITHOUT_COMPLETE",
        "UNREACHABLE",
        "UNREACHABLE",
        "UNREACHABLE",
        "DEAD_END",
        "ACTION_WITHOUT_EDGE",
      ].sort(),
    );
    expect(problems.find((problem) => problem.code === "DEAD_END")).toMatchObject({
      nodeId: "loop",
      message: "从节点“死循环”（loop）出发无法到达任何结束节点",
    });
    expect(problems.find((problem) => problem.code === "UNKNOWN_ACTION")).toMatchObject({ edgeId: "e4" });
    expect(problems.find((problem) => problem.code === "UNKNOWN_NODE")?.message).toContain("ghost");
  });

  it("reports tasks without a role or actions, as a designer draft may have them", () => {
    const draft = {
      nodes: [
        { id: "s", type: "start", label: "申请", position: { x: 0, y: 0 } },
        { id: "t", type: "task", label: "受理", position: { x: 0, y: 0 }, actions: [], forms: [], sla: null, pausable: false, clockStops: false, publicNotice: false, checkpoints: [] },
        { id: "e", type: "end", label: "办结", outcome: "completed", position: { x: 0, y: 0 } },
      ],
      edges: [{ id: "1", from: "s", to: "t" }],
      derivation: "designed",
    } as unknown as Parameters<typeof validateFlow>[0];
    expect(codes(validateFlow(draft))).toEqual(["DEAD_END", "DEAD_END", "TASK_WITHOUT_ACTIONS", "TASK_WITHOUT_ROLE", "UNREACHABLE"]);
  });
});
