import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { lintDefinition } from "@/runtime/definition/lint";
import { composeDefinition, definitionItems } from "./items";
import { applyOverlay, emptyOverlay, itemStates, overlayOf, overlaySize, restoreItem } from "./overlay";
import { defaultLocks } from "./locks";

const parent = (): ServiceDefinition => serviceDefinition.parse(structuredClone(example));

/** What a 新城区 administrator does: own address and phone, an extra material, a shorter online limit, an extra review step. */
function localEdit(def: ServiceDefinition): ServiceDefinition {
  const edited = structuredClone(def);
  edited.guide.officeAddress = "新城区政务服务中心二楼 12 号窗口";
  edited.guide.notes = [{ label: "咨询方式", text: "0471-6901234" }];
  edited.guide.promisedLimit[0] = { text: "线上 2 个工作日", days: 2, unit: "workday", channel: "线上" };
  edited.materials.push({ id: "mLocal", name: "社区出具的居住证明", source: "社区", kind: "原件", copies: 1, medium: "纸质", required: true, keepPaper: true, obtainableBySharing: false, scenario: null, formId: null });
  const form = edited.forms[0];
  (form.schema.properties as Record<string, unknown>).community = { type: "string", title: "所在社区", maxLength: 50 };
  (form.schema.required as string[]).push("community");
  return edited;
}

describe("items", () => {
  it("a definition recomposed from its own items is itself", () => {
    const def = parent();
    const items = new Map([...definitionItems(def)].map(([k, i]) => [k, i.value]));
    expect(composeDefinition(def, items)).toEqual(def);
  });

  it("names items for people and keys them by id, never by position", () => {
    const items = definitionItems(parent());
    expect(items.get("material/m1")?.label).toBe("材料：居民身份证");
    expect(items.get("node/review")?.label).toContain("流程环节");
    expect(items.get("form/registration/field/name")?.value).toMatchObject({ required: true });
    expect(items.get("note/咨询方式")?.value).toEqual({ label: "咨询方式", text: "12333" });
    expect([...items.keys()].some((k) => k.startsWith("legalBasis/《中华人民共和国就业促进法》"))).toBe(true);
  });
});

describe("overlay", () => {
  it("stores only what differs, and gives the edited definition back", () => {
    const p = parent();
    const edited = localEdit(p);
    const overlay = overlayOf(p, edited);
    expect(Object.keys(overlay.set).sort()).toEqual(
      ["form/registration/field/community", "guide.officeAddress", "guide.promisedLimit", "material/mLocal", "note/咨询方式"].sort(),
    );
    expect(overlay.removed).toEqual([]);
    expect(applyOverlay(p, overlay)).toEqual(edited);
    expect(lintDefinition(applyOverlay(p, overlay))).toEqual([]);
  });

  it("added items keep their order whatever order the stored object's keys come back in (jsonb sorts them)", () => {
    const p = parent();
    const edited = structuredClone(p);
    edited.guide.notes = [...edited.guide.notes, { label: "服务时间", text: "工作日" }, { label: "咨询电话", text: "0471-12333" }];
    const overlay = overlayOf(p, edited);
    const shuffled = { ...overlay, set: Object.fromEntries(Object.entries(overlay.set).reverse()) };
    expect(applyOverlay(p, shuffled).guide.notes.map((n) => n.label)).toEqual(["咨询方式", "服务时间", "咨询电话"]);
  });

  it("an empty overlay is the parent", () => {
    const p = parent();
    expect(applyOverlay(p, emptyOverlay())).toEqual(p);
    expect(overlayOf(p, p)).toEqual(emptyOverlay());
  });

  it("removing items: a material, a form field, a step with its connections", () => {
    const p = parent();
    const edited = structuredClone(p);
    edited.materials = edited.materials.filter((m) => m.id !== "m2");
    delete (edited.forms[0].schema.properties as Record<string, unknown>).reason;
    const overlay = overlayOf(p, edited);
    expect(overlay.removed.sort()).toEqual(["form/registration/field/reason", "material/m2"]);
    expect(applyOverlay(p, overlay)).toEqual(edited);
  });

  it("the parent's later changes show through items the variant did not touch", () => {
    const p = parent();
    const overlay = overlayOf(p, localEdit(p));
    const p2 = structuredClone(p);
    p2.guide.onlineAddress = "https://rsj.nmg.gov.cn/new";
    p2.materials[0].name = "居民身份证或社会保障卡";
    const effective = applyOverlay(p2, overlay);
    expect(effective.guide.onlineAddress).toBe("https://rsj.nmg.gov.cn/new");
    expect(effective.materials[0].name).toBe("居民身份证或社会保障卡");
    expect(effective.guide.officeAddress).toBe("新城区政务服务中心二楼 12 号窗口");
    expect(effective.materials.map((m) => m.id)).toEqual(["m1", "m2", "mLocal"]);
  });

  it("identity always comes from the parent; locks can be added, never dropped", () => {
    const p = { ...parent(), locks: ["material/m1"] };
    const edited = { ...structuredClone(p), title: "别的名称", code: "other-code", locks: ["material/m2"] };
    const overlay = overlayOf(p, edited);
    expect(overlay.addLocks).toEqual(["material/m2"]);
    const effective = applyOverlay(p, overlay);
    expect(effective.title).toBe(p.title);
    expect(effective.code).toBe(p.code);
    expect(effective.locks.sort()).toEqual(["material/m1", "material/m2"]);
  });

  it("refuses an overlay key that addresses nothing", () => {
    expect(() => applyOverlay(parent(), { ...emptyOverlay(), set: { "price/x": 1 } })).toThrow("未知");
  });

  it("item states, sizes and restoring the parent's value", () => {
    const p = { ...parent(), locks: defaultLocks(parent()) };
    const edited = localEdit(p);
    edited.materials = edited.materials.filter((m) => m.id !== "m2");
    const states = new Map(itemStates(p, edited).map((s) => [s.key, s]));
    expect(states.get("guide.officeAddress")).toMatchObject({ state: "overridden", localValue: "新城区政务服务中心二楼 12 号窗口" });
    expect(states.get("guide.onlineAddress")?.state).toBe("inherited");
    expect(states.get("material/mLocal")?.state).toBe("added");
    expect(states.get("material/m2")).toMatchObject({ state: "removed", locked: true });
    expect(overlaySize(p, overlayOf(p, edited))).toEqual({ changed: 3, added: 2, removed: 1, total: 6 });

    const restored = restoreItem(edited, p, "guide.officeAddress");
    expect(restored.guide.officeAddress).toBe(p.guide.officeAddress);
    expect(restoreItem(restored, p, "material/m2").materials.map((m) => m.id)).toEqual(["m1", "m2", "mLocal"]);
    expect(restoreItem(restored, p, "material/mLocal").materials.some((m) => m.id === "mLocal")).toBe(false);
  });

  it("a form the variant adds comes with its fields, and restoring it takes them away", () => {
    const p = parent();
    const edited = structuredClone(p);
    edited.forms.push({ id: "localExtra", title: "本地补充表", dialect: "draft-07", schema: { type: "object", properties: { a: { type: "string", maxLength: 10 } }, required: ["a"] }, uiSchema: {} });
    const overlay = overlayOf(p, edited);
    expect(Object.keys(overlay.set).sort()).toEqual(["form/localExtra", "form/localExtra/field/a"]);
    expect(applyOverlay(p, overlay)).toEqual(edited);
    expect(restoreItem(edited, p, "form/localExtra")).toEqual(p);
  });
});
