import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { applyOverlay, overlayOf } from "./overlay";
import { rebase, resolveRebase, UnresolvedConflictError } from "./rebase";

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

  it("both added an item under the same key with different contents", () => {
    const added = { id: "m9", name: "居住证明", source: null, kind: null, copies: 1, medium: null, required: false, keepPaper: null, obtainableBySharing: null, scenario: null, formId: null };
    const { v1, v2, overlay } = sides((d) => d.materials.push(added), (d) => d.materials.push({ ...added, name: "居住证或居住证明" }));
    const result = rebase(v1, v2, overlay);
    expect(result.conflicts).toEqual([expect.objectContaining({ key: "material/m9", kind: "bothAdded" })]);
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
});
