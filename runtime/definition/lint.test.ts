import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { blankDefinition } from "./blankDefinition";
import { lintDefinition, variablesOf } from "./lint";

const valid = (): ServiceDefinition => serviceDefinition.parse(structuredClone(example));
const codes = (definition: unknown) => lintDefinition(definition).map((p) => p.code);

describe("lint before publish", () => {
  it("the contract example passes", () => {
    expect(lintDefinition(valid())).toEqual([]);
  });

  it("reports contract violations naming the node, without throwing on a half-edited draft", () => {
    const def = valid();
    const intake = def.flow.nodes.find((n) => n.id === "intake")!;
    intake.label = "";
    const problems = lintDefinition(def);
    expect(problems).toContainEqual(expect.objectContaining({ code: "CONTRACT", area: "flow", nodeId: "intake" }));
    expect(() => lintDefinition({ flow: { nodes: "x" }, forms: [{}], materials: null })).not.toThrow();
  });

  it("every node reachable from the start, every path ends", () => {
    const def = valid();
    def.flow.nodes.push({ id: "orphan", type: "gateway", label: "孤立判断", position: { x: 0, y: 0 } });
    def.flow.edges = def.flow.edges.filter((e) => e.id !== "e10" && e.id !== "e11");
    const found = codes(def);
    expect(found).toContain("UNREACHABLE");
    expect(found).toContain("DEAD_END");
  });

  it("every decision has an outcome for every case (a default exit)", () => {
    const def = valid();
    def.flow.edges = def.flow.edges.map((e) => (e.id === "e7" ? { ...e, isDefault: false, condition: { "==": [1, 1] } } : e));
    expect(codes(def)).toContain("GATEWAY_NO_DEFAULT");
  });

  it("every task has a role and at least one action", () => {
    const def = valid();
    const review = def.flow.nodes.find((n) => n.id === "review")!;
    Object.assign(review, { role: undefined, actions: [] });
    const found = codes(def);
    expect(found).toContain("TASK_WITHOUT_ROLE");
    expect(found).toContain("TASK_WITHOUT_ACTIONS");
  });

  it("forms referenced by steps, materials and decision rules exist", () => {
    const def = valid();
    const intake = def.flow.nodes.find((n) => n.id === "intake");
    if (intake?.type === "task") intake.forms = [{ formId: "missing", mode: "view" }];
    def.materials[1].formId = "gone";
    def.flow.edges.find((e) => e.id === "e6")!.condition = { "==": [{ var: "form.registration.nope" }, "x"] };
    const problems = lintDefinition(def);
    expect(problems).toContainEqual(expect.objectContaining({ code: "TASK_FORM_MISSING", nodeId: "intake" }));
    expect(problems).toContainEqual(expect.objectContaining({ code: "MATERIAL_FORM_MISSING", materialId: "m2" }));
    expect(problems).toContainEqual(expect.objectContaining({ code: "CONDITION_UNKNOWN_FIELD", edgeId: "e6" }));
  });

  it("JSON Schemas compile, and are objects", () => {
    const def = valid();
    def.forms[0].schema = { type: "object", properties: { a: { type: "no-such-type" } } };
    def.forms.push({ id: "flat", title: "平表", dialect: "draft-07", schema: { type: "string" }, uiSchema: {} });
    const found = codes(def);
    expect(found).toContain("FORM_SCHEMA_INVALID");
    expect(found).toContain("FORM_NOT_OBJECT");
    // Told in Chinese, where it is — the same words as the form import's.
    const invalid = lintDefinition(def).find((p) => p.code === "FORM_SCHEMA_INVALID");
    expect(invalid?.message).toContain("“/properties/a/type”处");
    // A field no one could ever fill in (最小值 above 最大值) blocks publishing too.
    const impossible = valid();
    impossible.forms[0].schema = { type: "object", properties: { n: { type: "integer", title: "人数", minimum: 10, maximum: 5 } } };
    expect(lintDefinition(impossible).find((p) => p.code === "FORM_SCHEMA_INVALID")?.message).toContain("字段“人数”的最小值（10）大于最大值（5）");
  });

  it("fields shown on a condition depend on a field that exists", () => {
    const def = valid();
    def.forms[0].schema.allOf = [{ if: { properties: { ghost: { const: 1 } }, required: ["ghost"] }, then: { properties: { extra: { type: "string" } } } }];
    expect(lintDefinition(def)).toContainEqual(expect.objectContaining({ code: "VISIBILITY_UNKNOWN_FIELD", formId: "registration" }));
  });

  it("materials filled in as a form have that form to fill", () => {
    const def = valid();
    def.materials[1].formId = "gone";
    expect(lintDefinition(def)).toContainEqual(
      expect.objectContaining({ code: "MATERIAL_FORM_MISSING", materialId: "m2", message: "必要材料“失业登记表”（m2）关联的表单“gone”不存在，申请人无处填写" }),
    );
  });

  it("a new blank service passes", () => {
    expect(lintDefinition(blankDefinition("new-service", "新事项", { part: "p", category: "c" }))).toEqual([]);
  });

  it("the promised limit is not longer than the legal limit", () => {
    const def = valid();
    def.guide.promisedLimit = [{ text: "20个工作日", days: 20, unit: "workday" }];
    expect(codes(def)).toContain("PROMISED_EXCEEDS_LEGAL");
    def.guide.promisedLimit = [{ text: "15个工作日", days: 15, unit: "workday" }];
    expect(codes(def)).not.toContain("PROMISED_EXCEEDS_LEGAL");
    // 20 calendar days may fit within 15 workdays: not reported
    def.guide.promisedLimit = [{ text: "20日", days: 20, unit: "day" }];
    expect(codes(def)).not.toContain("PROMISED_EXCEEDS_LEGAL");
    def.guide.promisedLimit = [{ text: "40日", days: 40, unit: "day" }];
    expect(codes(def)).toContain("PROMISED_EXCEEDS_LEGAL");
  });

  it("quotes the limits as they now stand, not the document's wording they were parsed from", () => {
    const def = valid();
    def.guide.legalLimit = [{ text: "15个工作日", days: 10, unit: "workday" }];
    def.guide.promisedLimit = [{ text: "10个工作日", days: 30, unit: "day" }];
    expect(lintDefinition(def).filter((p) => p.code === "PROMISED_EXCEEDS_LEGAL").map((p) => p.message)).toEqual([
      "承诺办结时限“30 个自然日”长于法定办结时限“10 个工作日”",
    ]);
  });

  it("a promise for every channel answers to each channel's legal limit", () => {
    const def = valid();
    def.guide.legalLimit = [
      { text: "窗口20个工作日", days: 20, unit: "workday", channel: "窗口" },
      { text: "线上10个工作日", days: 10, unit: "workday", channel: "线上" },
    ];
    def.guide.promisedLimit = [{ text: "15个工作日", days: 15, unit: "workday" }];
    expect(lintDefinition(def).filter((p) => p.code === "PROMISED_EXCEEDS_LEGAL").map((p) => p.message)).toEqual([
      "承诺办结时限“15 个工作日”长于法定办结时限“10 个工作日”（线上）",
    ]);
    def.guide.promisedLimit = [{ text: "10个工作日", days: 10, unit: "workday" }];
    expect(codes(def)).not.toContain("PROMISED_EXCEEDS_LEGAL");
    // A promise for one channel answers to that channel only.
    def.guide.promisedLimit = [{ text: "窗口15个工作日", days: 15, unit: "workday", channel: "窗口" }];
    expect(codes(def)).not.toContain("PROMISED_EXCEEDS_LEGAL");
  });

  it("lists the variables a JSON Logic rule reads", () => {
    expect(variablesOf({ and: [{ "==": [{ var: "form.a.b" }, 1] }, { in: ["x", { var: ["form.a.c", []] }] }] })).toEqual(["form.a.b", "form.a.c"]);
  });
});

describe("a material required by an answer", () => {
  it("must name a form of the service", async () => {
    const { readFileSync } = await import("node:fs");
    const path = await import("node:path");
    const s074 = JSON.parse(readFileSync(path.join(import.meta.dirname, "../../seed/templates/s074.json"), "utf8"));
    expect(lintDefinition(s074).filter((p) => p.code === "MATERIAL_CONDITION_FORM_MISSING")).toEqual([]);
    const broken = { ...s074, materials: s074.materials.map((m: { requiredWhen?: object }) => (m.requiredWhen ? { ...m, requiredWhen: { ...m.requiredWhen, form: "gone" } } : m)) };
    expect(lintDefinition(broken).map((p) => p.code)).toContain("MATERIAL_CONDITION_FORM_MISSING");
  });
});
