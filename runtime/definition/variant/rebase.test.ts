import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { applyOverlay, overlayOf } from "./overlay";
import { rebase, resolveRebase, UnresolvedConflictError } from "./rebase";
import { rebasedDefinition } from "./rebasedDefinition";

const base = (): ServiceDefinition => serviceDefinition.parse(structuredClone(example));

/** Parent v1, the variant's edit on it, parent v2: the three sides of a rebase. */
function sides(variantEdit: (d: ServiceDefinition) => void, parentEdit: (d: ServiceDefinition) => void) {
  const v1 = base();
  const mine = structuredClone(v1);
  variantEdit(mine);
  const v2 = structuredClone(v1);
  parentEdit(v2);
  return { v1, v2, overlay: overlayOf(v1, mine), mine };
}

describe("rebase", () => {
  it("changes on different items merge by themselves", () => {
    const { v1, v2, overlay } = sides(
      (d) => (d.guide.officeAddress = "新城区政务服务中心"),
      (d) => (d.guide.onlineAddress = "https://new.example"),
    );
    const result = rebase(v1, v2, overlay);
    expect(result.conflicts).toEqual([]);
    expect(result.followed.map((f) => f.key)).toEqual(["guide.onlineAddress"]);
    const effective = applyOverlay(v2, resolveRebase(result, {}));
    expect(effective.guide.officeAddress).toBe("新城区政务服务中心");
    expect(effective.guide.onlineAddress).toBe("https://new.example");
  });

  it("an override the parent now has itself is dropped", () => {
    const { v1, v2, overlay } = sides((d) => (d.guide.officeAddress = "同一地址"), (d) => (d.guide.officeAddress = "同一地址"));
    const result = rebase(v1, v2, overlay);
    expect(result.conflicts).toEqual([]);
    expect(result.dropped.map((d) => d.key)).toEqual(["guide.officeAddress"]);
    expect(result.overlay.set).toEqual({});
  });

  it("both changed the same item: keep mine, take the parent's, or edit", () => {
    const { v1, v2, overlay } = sides((d) => (d.materials[0].note = "本地说明"), (d) => (d.materials[0].name = "居民身份证或社保卡"));
    const result = rebase(v1, v2, overlay);
    expect(result.conflicts).toEqual([
      expect.objectContaining({ key: "material/m1", kind: "bothChanged", label: "材料：居民身份证或社保卡" }),
    ]);
    expect(() => resolveRebase(result, {})).toThrow(UnresolvedConflictError);
    const keep = applyOverlay(v2, resolveRebase(result, { "material/m1": { choice: "mine" } }));
    expect(keep.materials[0]).toMatchObject({ name: "居民身份证", note: "本地说明" });
    const take = applyOverlay(v2, resolveRebase(result, { "material/m1": { choice: "parent" } }));
    expect(take.materials[0]).toEqual(v2.materials[0]);
    const edited = { ...v2.materials[0], note: "本地说明" };
    const edit = applyOverlay(v2, resolveRebase(result, { "material/m1": { choice: "edit", value: edited } }));
    expect(edit.materials[0]).toEqual(edited);
  });

  it("the parent removed an item the variant changed", () => {
    const { v1, v2, overlay } = sides((d) => (d.materials[1].copies = 2), (d) => (d.materials = d.materials.filter((m) => m.id !== "m2")));
    const result = rebase(v1, v2, overlay);
    expect(result.conflicts).toEqual([expect.objectContaining({ key: "material/m2", kind: "removedByParent" })]);
    expect(applyOverlay(v2, resolveRebase(result, { "material/m2": { choice: "parent" } })).materials.map((m) => m.id)).toEqual(["m1"]);
    expect(applyOverlay(v2, resolveRebase(result, { "material/m2": { choice: "mine" } })).materials.find((m) => m.id === "m2")?.copies).toBe(2);
  });

  it("the variant removed an item the parent changed", () => {
    const { v1, v2, overlay } = sides((d) => (d.guide.notes = []), (d) => (d.guide.notes = [{ label: "咨询方式", text: "12333 转 2" }]));
    const result = rebase(v1, v2, overlay);
    expect(result.conflicts).toEqual([expect.objectContaining({ key: "note/咨询方式", kind: "removedByVariant" })]);
    expect(result.conflicts[0].mine).toBeUndefined();
    expect(applyOverlay(v2, resolveRebase(result, { "note/咨询方式": { choice: "mine" } })).guide.notes).toEqual([]);
    expect(applyOverlay(v2, resolveRebase(result, { "note/咨询方式": { choice: "parent" } })).guide.notes).toEqual([{ label: "咨询方式", text: "12333 转 2" }]);
  });

  it("a removal the parent also made, and one of an item the parent left alone", () => {
    const { v1, v2, overlay } = sides(
      (d) => {
        d.guide.notes = [];
        d.materials = d.materials.filter((m) => m.id !== "m2");
      },
      (d) => (d.guide.notes = []),
    );
    const result = rebase(v1, v2, overlay);
    expect(result.conflicts).toEqual([]);
    expect(result.dropped.map((d) => d.key)).toEqual(["note/咨询方式"]);
    expect(result.overlay.removed).toEqual(["material/m2"]);
  });

  it("both added the same item under the same key with different contents", () => {
    const added = { id: "m9", name: "居住证明", source: null, kind: null, copies: 1, medium: null, required: false, keepPaper: null, obtainableBySharing: null, scenario: null, formId: null };
    const { v1, v2, overlay } = sides((d) => d.materials.push(added), (d) => d.materials.push({ ...added, required: true }));
    const result = rebase(v1, v2, overlay);
    expect(result.conflicts).toEqual([expect.objectContaining({ key: "material/m9", kind: "bothAdded" })]);
    expect(result.renamed).toEqual([]);
    // Added with the same contents on both sides: nothing to decide.
    const same = sides((d) => d.materials.push(added), (d) => d.materials.push(added));
    expect(rebase(same.v1, same.v2, same.overlay).conflicts).toEqual([]);
  });

  it("the parent locks an item the variant had overridden or removed", () => {
    const { v1, v2, overlay } = sides(
      (d) => {
        d.guide.officeAddress = "本地地址";
        d.guide.notes = [];
      },
      (d) => (d.locks = ["guide.officeAddress", "note/咨询方式"]),
    );
    const result = rebase(v1, v2, overlay);
    expect(result.conflicts.map((c) => `${c.kind} ${c.key}`).sort()).toEqual(["lockedByParent guide.officeAddress", "lockedByParent note/咨询方式"]);
    const effective = applyOverlay(v2, resolveRebase(result, { "guide.officeAddress": { choice: "parent" }, "note/咨询方式": { choice: "parent" } }));
    expect(effective.guide.officeAddress).toBe(v2.guide.officeAddress);
    expect(effective.guide.notes).toEqual(v2.guide.notes);
  });

  it("the variant's own items and its own locks carry over", () => {
    const { v1, v2, overlay } = sides(
      (d) => {
        d.materials.push({ ...d.materials[0], id: "mLocal", name: "居住证明", required: false });
        d.locks = ["material/mLocal"];
      },
      (d) => (d.summary = "新的概述"),
    );
    const result = rebase(v1, v2, overlay);
    expect(result.conflicts).toEqual([]);
    const effective = applyOverlay(v2, resolveRebase(result, {}));
    expect(effective.summary).toBe("新的概述");
    expect(effective.materials.map((m) => m.id)).toEqual(["m1", "m2", "mLocal"]);
    expect(effective.locks).toEqual(["material/mLocal"]);
  });

  describe("the parent and the variant each added a different item under the same id", () => {
    const material = (id: string, name: string, required: boolean) => ({
      id, name, source: "申请人自备", kind: "原件", copies: 1, medium: null, required, keepPaper: null, obtainableBySharing: null, scenario: null, formId: null,
    });

    it("materials: both are kept, the variant's under a new id, with no conflict", () => {
      const { v1, v2, overlay } = sides(
        (d) => d.materials.push(material("m3", "呼和浩特市居住证", false)),
        (d) => d.materials.push(material("m3", "解除或终止劳动关系证明", true)),
      );
      const result = rebase(v1, v2, overlay);
      expect(result.conflicts).toEqual([]);
      expect(result.renamed).toEqual([expect.objectContaining({ from: "material/m3", label: "材料：呼和浩特市居住证" })]);
      const to = result.renamed[0].to;
      expect(to).not.toBe("material/m3");
      const outcome = rebasedDefinition(v2, result, {});
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      expect(outcome.definition.materials.map((m) => `${m.id} ${m.name} ${m.required}`)).toEqual([
        "m1 居民身份证 true",
        "m2 失业登记表 true",
        "m3 解除或终止劳动关系证明 true",
        `${to.slice("material/".length)} 呼和浩特市居住证 false`,
      ]);
      expect(result.followed.map((f) => f.key)).toContain("material/m3");
    });

    it("steps: the variant's step is renamed with the connections and locks that name it", () => {
      const step = (id: string, label: string) => ({ ...structuredClone(base().flow.nodes.find((n) => n.id === "review")!), id, label });
      const { v1, v2, overlay } = sides(
        (d) => {
          d.flow.nodes.push(step("step1", "本地复核"));
          const e8 = d.flow.edges.find((e) => e.id === "e8")!;
          e8.to = "step1";
          d.flow.edges.push({ id: "edge1", from: "step1", to: "secondReview", action: "pass" }, { id: "edge2", from: "step1", to: "refused", action: "reject" });
          d.locks = ["node/step1"];
        },
        (d) => {
          d.flow.nodes.push(step("step1", "公示"));
          d.flow.edges.push({ id: "edge1", from: "step1", to: "done", action: "pass" }, { id: "edge2", from: "step1", to: "refused", action: "reject" });
        },
      );
      const result = rebase(v1, v2, overlay);
      expect(result.conflicts).toEqual([]);
      const renamed = Object.fromEntries(result.renamed.map((r) => [r.from, r.to]));
      expect(Object.keys(renamed).sort()).toEqual(["edge/edge1", "edge/edge2", "node/step1"]);
      const outcome = rebasedDefinition(v2, result, {});
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const mine = renamed["node/step1"].slice("node/".length);
      const nodes = outcome.definition.flow.nodes;
      expect(nodes.find((n) => n.id === "step1")?.label).toBe("公示");
      expect(nodes.find((n) => n.id === mine)?.label).toBe("本地复核");
      const edges = outcome.definition.flow.edges;
      expect(edges.find((e) => e.id === "e8")?.to).toBe(mine);
      expect(edges.filter((e) => e.from === mine).map((e) => e.to).sort()).toEqual(["refused", "secondReview"]);
      expect(edges.filter((e) => e.from === "step1").map((e) => e.to).sort()).toEqual(["done", "refused"]);
      expect(outcome.definition.locks).toEqual([`node/${mine}`]);
    });

    it("forms and fields: the variant's form is renamed where materials, steps and rules name it; a field by its name", () => {
      const form = (id: string, title: string) => ({ id, title, dialect: "draft-07" as const, schema: { type: "object", properties: { note: { type: "string", title: "说明" } } }, uiSchema: {} });
      const { v1, v2, overlay } = sides(
        (d) => {
          d.forms.push(form("form1", "居住情况"));
          d.materials.push({ ...material("m_local", "居住情况表", false), formId: "form1" });
          const intake = d.flow.nodes.find((n) => n.id === "intake")!;
          if (intake.type === "task") intake.forms.push({ formId: "form1", mode: "view" });
          d.flow.edges.find((e) => e.id === "e6")!.condition = { and: [{ "==": [{ var: "form.registration.reason" }, "单位解除"] }, { var: "form.form1.note" }] };
          const registration = d.forms[0].schema as { properties: Record<string, unknown> };
          registration.properties.field1 = { type: "string", title: "居住地址" };
          d.materials.push({ ...material("m_local2", "居住地址证明", false), requiredWhen: { form: "registration", path: "/field1", equals: "外地" } });
        },
        (d) => {
          d.forms.push(form("form1", "离职情况"));
          const registration = d.forms[0].schema as { properties: Record<string, unknown> };
          registration.properties.field1 = { type: "string", format: "date", title: "离职日期" };
        },
      );
      const result = rebase(v1, v2, overlay);
      expect(result.conflicts).toEqual([]);
      const renamed = Object.fromEntries(result.renamed.map((r) => [r.from, r.to]));
      expect(Object.keys(renamed).sort()).toEqual(["form/form1", "form/registration/field/field1"]);
      const outcome = rebasedDefinition(v2, result, {});
      expect(outcome.ok).toBe(true);
      if (!outcome.ok) return;
      const def = outcome.definition;
      const myForm = renamed["form/form1"].slice("form/".length);
      expect(def.forms.map((f) => `${f.id} ${f.title}`)).toEqual(["registration 失业登记表", "form1 离职情况", `${myForm} 居住情况`]);
      expect(def.materials.find((m) => m.id === "m_local")?.formId).toBe(myForm);
      const intake = def.flow.nodes.find((n) => n.id === "intake");
      expect(intake?.type === "task" && intake.forms.map((f) => f.formId)).toEqual(["registration", myForm]);
      const myField = renamed["form/registration/field/field1"].split("/").at(-1)!;
      const properties = (def.forms[0].schema as { properties: Record<string, { title?: string }> }).properties;
      expect(properties.field1.title).toBe("离职日期");
      expect(properties[myField].title).toBe("居住地址");
      expect(def.materials.find((m) => m.id === "m_local2")?.requiredWhen).toEqual({ form: "registration", path: `/${myField}`, equals: "外地" });
      expect(def.flow.edges.find((e) => e.id === "e6")!.condition).toEqual({ and: [{ "==": [{ var: "form.registration.reason" }, "单位解除"] }, { var: `form.${myForm}.note` }] });
    });
  });
});
