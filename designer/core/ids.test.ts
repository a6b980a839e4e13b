import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { blankMaterial } from "@/runtime/definition/blankParts";
import { overlayOf, rebase } from "@/runtime/definition/variant";
import { isValidId, newItemId } from "./ids";
import { addNode, connect } from "./flowOps";
import { copyFragment, pasteFragment } from "./clipboard";
import { newForm } from "./definitionOps";
import { addField } from "./formEdit";
import { readForm } from "./formModel";

const base = (): ServiceDefinition => serviceDefinition.parse(structuredClone(example));
const office = "150100";

describe("ids of new items", () => {
  it("a template's are the next free; a local variant's carry its office, so they never meet the parent's", () => {
    expect(newItemId("m", ["m1", "m2"])).toBe("m3");
    expect(newItemId("m", ["m1", "m2"], office)).toBe("m_150100_1");
    expect(newItemId("m", ["m1", "m_150100_1"], office)).toBe("m_150100_2");
    expect(isValidId(newItemId("step", [], office))).toBe(true);
  });

  it("the region and an office each add a material: two items, no conflict when the office updates", () => {
    const v1 = base();
    const local = structuredClone(v1);
    local.materials.push(blankMaterial({ id: newItemId("m", local.materials.map((m) => m.id), office), name: "呼和浩特市居住证", source: "申请人自备", formId: null }));
    const v2 = structuredClone(v1);
    v2.materials.push({ ...blankMaterial({ id: newItemId("m", v2.materials.map((m) => m.id)), name: "解除或终止劳动关系证明", source: "申请人自备", formId: null }), required: true });
    const result = rebase(v1, v2, overlayOf(v1, local));
    expect(result.conflicts).toEqual([]);
    expect(result.renamed).toEqual([]);
    expect(Object.keys(result.overlay.set)).toEqual(["material/m_150100_1"]);
  });

  it("steps, connections, pasted steps, forms and fields added in a variant carry the office", () => {
    const def = base();
    const added = addNode(def.flow, { type: "task" }, { x: 0, y: 0 }, office);
    expect(added.id).toBe("step_150100_1");
    const made = connect(added.flow, "review", added.id, office)!;
    expect(made.edgeId).toBe("edge_150100_1");
    const pasted = pasteFragment(made.flow, copyFragment(made.flow, [added.id, "review"])!, 1, office);
    expect(pasted.nodeIds).toEqual(["review_150100_1", "step_150100_2"]);
    expect(pasted.flow.edges.slice(-1).map((e) => e.id)).toEqual(["edge_150100_2"]);
    expect(newForm(def.forms, office).id).toBe("form_150100_1");
    const field = addField(readForm(def.forms[0].schema as never, def.forms[0].uiSchema as never), "text", [], undefined, office);
    expect(field.path).toEqual(["field_150100_1"]);
    // Without an office (a template) they stay as they were.
    expect(addNode(def.flow, { type: "task" }, { x: 0, y: 0 }).id).toBe("step1");
    expect(newForm(def.forms).id).toBe("form1");
  });
});
