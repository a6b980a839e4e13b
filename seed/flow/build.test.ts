import { describe, expect, it } from "vitest";
import { flow as flowSchema, type FlowNode, type TaskNode } from "@/runtime/definition/schema";
import { seededTemplates } from "@/tests/support/seededTemplates";
import { buildFlow, minimalFlow, roleFor, slaFromLimit } from "./build";

const tasks = (nodes: FlowNode[]) => nodes.filter((node): node is TaskNode => node.type === "task");

describe("buildFlow", () => {
  const built = buildFlow(
    [
      { label: "受理", correction: true, refuse: true, sla: { days: 5, unit: "workday" } },
      { label: "初审", terminate: true },
      { label: "复核", returnTo: "初审" },
      { label: "公示", publicNotice: true, sla: { days: 5, unit: "workday" } },
      { label: "办理", pausable: true },
    ],
    { derivation: "text" },
  );

  it("is a valid contract flow", () => {
    expect(() => flowSchema.parse(built)).not.toThrow();
    expect(built.derivation).toBe("text");
  });

  it("starts with the applicant's 申请 and ends completed after the last step", () => {
    expect(built.nodes[0].type).toBe("start");
    expect(tasks(built.nodes).map((task) => task.label)).toEqual(["申请", "受理", "补正材料", "初审", "复核", "公示", "办理"]);
    const last = built.edges.find((edge) => edge.from === "handle");
    expect(last).toMatchObject({ to: "end-completed" });
  });

  it("assigns roles from the step names", () => {
    expect(roleFor("申请")).toBe("applicant");
    expect(roleFor("受理")).toBe("caseworker");
    expect(roleFor("复核")).toBe("reviewer");
    expect(roleFor("行政审批")).toBe("reviewer");
  });

  it("turns 一次性告知 into an applicant 补正 task whose clock stops and which returns to the step", () => {
    const supplement = tasks(built.nodes).find((task) => task.label === "补正材料")!;
    expect(supplement).toMatchObject({ role: "applicant", clockStops: true });
    expect(built.edges).toContainEqual(expect.objectContaining({ from: "accept", to: supplement.id, action: "accept-correction" }));
    expect(built.edges).toContainEqual(expect.objectContaining({ from: supplement.id, to: "accept", action: `${supplement.id}-submit` }));
  });

  it("ends refusals and terminations with a required comment", () => {
    const accept = tasks(built.nodes).find((task) => task.id === "accept")!;
    expect(accept.actions.find((action) => action.kind === "reject")).toMatchObject({ label: "不予受理", requiresComment: true });
    expect(built.nodes.map((node) => node.id)).toEqual(expect.arrayContaining(["end-refused", "end-terminated", "end-completed"]));
    expect(built.edges).toContainEqual(expect.objectContaining({ from: "review", to: "end-terminated" }));
  });

  it("models 退回 to an earlier step, 公示 and 中止", () => {
    expect(built.edges).toContainEqual(expect.objectContaining({ from: "recheck", to: "review", label: "退回初审" }));
    const notice = tasks(built.nodes).find((task) => task.label === "公示")!;
    expect(notice).toMatchObject({ publicNotice: true, sla: { days: 5, unit: "workday" } });
    expect(tasks(built.nodes).find((task) => task.label === "办理")).toMatchObject({ pausable: true });
  });

  it("gives every task an action and lays nodes out top to bottom", () => {
    expect(tasks(built.nodes).length).toBeGreaterThan(3);
    for (const task of tasks(built.nodes)) expect(task.actions.length, task.label).toBeGreaterThan(0);
    const y = (id: string) => built.nodes.find((node) => node.id === id)!.position.y;
    expect(y("start")).toBeLessThan(y("apply"));
    expect(y("apply")).toBeLessThan(y("accept"));
    expect(y("accept")).toBeLessThan(y("handle"));
    expect(y("handle")).toBeLessThan(y("end-completed"));
  });
});

describe("minimalFlow and SLAs", () => {
  it("is 申请 → 受理 → 办结 with derivation minimal", () => {
    const flow = minimalFlow();
    expect(flow.derivation).toBe("minimal");
    expect(tasks(flow.nodes).map((task) => task.label)).toEqual(["申请", "受理", "补正材料", "办结"]);
    expect(() => flowSchema.parse(flow)).not.toThrow();
  });

  it("takes an SLA only from a limit in days", () => {
    expect(slaFromLimit({ days: 15, unit: "workday" })).toEqual({ days: 15, unit: "workday" });
    expect(slaFromLimit({ days: 0, unit: "instant" })).toBeNull();
    expect(slaFromLimit(null)).toBeNull();
  });
});

describe("the intake's 一次性告知补正 and refusal", () => {
  const kinds = (node: TaskNode | undefined) => node?.actions.map((action) => action.kind) ?? [];

  it("offers both where the text states neither", () => {
    const flow = buildFlow([{ label: "申请" }, { label: "受理" }, { label: "审核" }, { label: "办结" }], { derivation: "text" });
    const [intake, review] = tasks(flow.nodes).filter((node) => node.role !== "applicant");
    expect(intake.label).toBe("受理");
    expect(kinds(intake)).toEqual(["approve", "correction", "reject"]);
    expect(kinds(review)).toEqual(["approve"]);
    // the correction goes to the applicant and comes back to 受理
    const supplement = tasks(flow.nodes).find((node) => node.label === "补正材料")!;
    expect(flow.edges).toContainEqual(expect.objectContaining({ from: intake.id, to: supplement.id }));
    expect(flow.edges).toContainEqual(expect.objectContaining({ from: supplement.id, to: intake.id }));
    expect(() => flowSchema.parse(flow)).not.toThrow();
  });

  it("keeps the text's own refusal where a later step states one", () => {
    const flow = buildFlow([{ label: "申请" }, { label: "受理" }, { label: "审核", terminate: true }, { label: "办结" }], { derivation: "text" });
    const intake = tasks(flow.nodes).find((node) => node.label === "受理");
    expect(kinds(intake)).toEqual(["approve", "correction"]);
  });

  it("every seeded service: its caseworkers can ask for a correction at 受理 and turn a case down somewhere", () => {
    for (const template of seededTemplates()) {
      const staff = tasks(template.flow.nodes).filter((node) => node.role !== "applicant");
      const intake = staff.find((node) => template.flow.edges.some((edge) => edge.to === node.id && tasks(template.flow.nodes).find((n) => n.id === edge.from)?.role === "applicant"));
      expect(kinds(intake), template.code).toContain("correction");
      expect(staff.some((node) => kinds(node).some((kind) => kind === "reject" || kind === "terminate")), template.code).toBe(true);
    }
  });
});
