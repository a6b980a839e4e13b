import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { diffDefinitions, stableJson } from "./diff";

const v1 = (): ServiceDefinition => serviceDefinition.parse(structuredClone(example));

describe("version diff", () => {
  it("two equal versions differ in nothing", () => {
    expect(diffDefinitions(v1(), v1())).toEqual({ entries: [], nodes: {}, edges: {} });
  });

  it("names guide changes in words, item by item", () => {
    const v2 = v1();
    v2.guide.conditions = [...v2.guide.conditions, "已进行就业登记。"];
    v2.guide.promisedLimit = [{ text: "5个工作日", days: 5, unit: "workday" }];
    v2.guide.caseType = "instant";
    const { entries } = diffDefinitions(v1(), v2);
    expect(entries).toContainEqual({ area: "guide", kind: "added", subject: "办事指南“办理条件”", after: "已进行就业登记。" });
    expect(entries).toContainEqual({ area: "guide", kind: "removed", subject: "办事指南“承诺办结时限”", before: "线上：线上 3 个工作日" });
    expect(entries).toContainEqual({ area: "guide", kind: "changed", subject: "办事指南“办件类型”", before: "承诺件", after: "即办件" });
  });

  it("reports materials added, removed, changed and reordered", () => {
    const v2 = v1();
    v2.materials = [{ ...v2.materials[1], required: false }, { ...v2.materials[0], id: "m3", name: "户口簿" }];
    const { entries } = diffDefinitions(v1(), v2);
    expect(entries).toContainEqual({ area: "materials", kind: "removed", subject: "材料“居民身份证”", materialId: "m1" });
    expect(entries).toContainEqual({ area: "materials", kind: "added", subject: "材料“户口簿”", materialId: "m3" });
    expect(entries).toContainEqual(
      expect.objectContaining({ kind: "changed", materialId: "m2", attribute: "是否必要", before: "是", after: "否" }),
    );
  });

  it("marks flow nodes and edges added, removed, changed or only moved", () => {
    const v2 = v1();
    v2.flow.nodes = v2.flow.nodes.filter((n) => n.id !== "secondReview");
    v2.flow.edges = v2.flow.edges.filter((e) => e.from !== "secondReview" && e.to !== "secondReview");
    v2.flow.nodes.push({ id: "check", type: "task", label: "复查", role: "reviewer", actions: [{ id: "ok", label: "复查通过", kind: "approve", requiresComment: false }], forms: [], sla: null, pausable: false, separateFromPrevious: false, clockStops: false, publicNotice: false, checkpoints: [], position: { x: 0, y: 0 } });
    v2.flow.edges.push({ id: "e20", from: "review", to: "check", action: "pass" }, { id: "e21", from: "check", to: "done", action: "ok" });
    const intake = v2.flow.nodes.find((n) => n.id === "intake")!;
    if (intake.type === "task") intake.sla = { days: 2, unit: "workday" };
    v2.flow.nodes.find((n) => n.id === "done")!.position = { x: 5, y: 5 };
    v2.flow.edges.find((e) => e.id === "e6")!.condition = { "==": [{ var: "form.registration.reason" }, "其他"] };
    const diff = diffDefinitions(v1(), v2);
    expect(diff.nodes).toEqual({ secondReview: "removed", check: "added", intake: "changed", done: "moved" });
    expect(diff.edges).toMatchObject({ e8: "removed", e10: "removed", e11: "removed", e20: "added", e21: "added", e6: "changed" });
    expect(diff.entries).toContainEqual(
      expect.objectContaining({ subject: "环节“受理”", attribute: "办理时限", before: "1个工作日", after: "2个工作日" }),
    );
    expect(diff.entries.some((e) => e.nodeId === "done")).toBe(false);
  });

  it("names the steps, actions and forms an edge or a step refers to, never their ids", () => {
    const v2 = v1();
    v2.flow.nodes.push({ id: "step_150121_2", type: "task", label: "村（嘎查）核实", role: "caseworker", actions: [{ id: "verified", label: "核实无误", kind: "approve", requiresComment: false }], forms: [], sla: null, pausable: false, separateFromPrevious: false, clockStops: false, publicNotice: false, checkpoints: [], position: { x: 0, y: 0 } });
    const e2 = v2.flow.edges.find((e) => e.id === "e2")!;
    e2.to = "step_150121_2";
    v2.flow.edges.push({ id: "e30", from: "step_150121_2", to: "route", action: "verified" });
    v2.flow.edges.find((e) => e.id === "e9")!.action = "pass";
    const review = v2.flow.nodes.find((n) => n.id === "review")!;
    if (review.type === "task") review.forms = [{ formId: "registration", mode: "view" }];
    const { entries } = diffDefinitions(v1(), v2);
    expect(entries).toContainEqual(expect.objectContaining({ edgeId: "e2", attribute: "终点", before: "是否需要复核", after: "村（嘎查）核实" }));
    expect(entries).toContainEqual(expect.objectContaining({ kind: "added", edgeId: "e30", subject: "连线“村（嘎查）核实 → 是否需要复核”" }));
    expect(entries).toContainEqual(expect.objectContaining({ edgeId: "e9", attribute: "对应操作", before: "审核：审核不通过", after: "审核：审核通过" }));
    expect(entries).toContainEqual(expect.objectContaining({ nodeId: "review", attribute: "表单", before: "（无）", after: "失业登记表（查看）" }));
    const shown = entries.flatMap((e) => [e.subject, e.before, e.after]).join("\n");
    expect(shown).not.toMatch(/step_150121_2|\b(pass|reject|registration)\b/);
  });

  it("reports form fields added, removed and changed, with required and visibility", () => {
    const v2 = v1();
    const schema = v2.forms[0].schema as { properties: Record<string, Record<string, unknown>>; required: string[]; allOf?: unknown[] };
    delete schema.properties.phone;
    schema.properties.name.title = "申请人姓名";
    schema.required = schema.required.filter((k) => k !== "lostJobOn");
    schema.allOf = [{ if: { properties: { reason: { const: "其他" } }, required: ["reason"] }, then: { properties: { detail: { type: "string", title: "具体原因" } } } }];
    const { entries } = diffDefinitions(v1(), v2);
    expect(entries).toContainEqual(expect.objectContaining({ kind: "removed", subject: "表单“失业登记表”字段“联系电话”" }));
    expect(entries).toContainEqual(expect.objectContaining({ kind: "added", subject: "表单“失业登记表”字段“具体原因”" }));
    expect(entries).toContainEqual(expect.objectContaining({ kind: "changed", attribute: "标题", before: "姓名", after: "申请人姓名" }));
    expect(entries).toContainEqual(expect.objectContaining({ kind: "changed", attribute: "必填", before: "是", after: "否" }));
  });

  it("stableJson ignores key order", () => {
    expect(stableJson({ b: 1, a: { d: 2, c: 3 } })).toBe(stableJson({ a: { c: 3, d: 2 }, b: 1 }));
  });
});
