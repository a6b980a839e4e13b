import { describe, expect, it } from "vitest";
import example from "@/runtime/definition/example.json";
import { serviceDefinition } from "@/runtime/definition/schema";
import { newForm, renameForm } from "./definitionOps";

describe("definition edits", () => {
  it("renaming a form renames its references in materials, steps and decision rules", () => {
    const def = serviceDefinition.parse(structuredClone(example));
    const renamed = renameForm(def, "registration", "reg")!;
    expect(renamed.forms[0].id).toBe("reg");
    expect(renamed.materials[1].formId).toBe("reg");
    const intake = renamed.flow.nodes.find((n) => n.id === "intake");
    expect(intake?.type === "task" && intake.forms).toEqual([{ formId: "reg", mode: "view" }]);
    expect(renamed.flow.edges.find((e) => e.id === "e6")!.condition).toEqual({ "==": [{ var: "form.reg.reason" }, "单位解除"] });
    expect(renameForm(def, "registration", "registration")).toBe(def);
  });

  it("refuses a taken id, and new forms get free ids", () => {
    const def = serviceDefinition.parse(structuredClone(example));
    def.forms.push({ ...newForm(def.forms) });
    expect(def.forms[1].id).toBe("form1");
    expect(renameForm(def, "form1", "registration")).toBeNull();
    expect(newForm(def.forms).id).toBe("form2");
  });
});
