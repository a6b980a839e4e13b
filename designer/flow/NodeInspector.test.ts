import { describe, expect, it } from "vitest";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import example from "@/runtime/definition/example.json";
import { serviceDefinition } from "@/runtime/definition/schema";
import { NodeInspector } from "./NodeInspector";

/** The options of the select labelled `label` in the inspector's markup, as text. */
function options(html: string, label: string): string[] {
  const select = new RegExp(`<select[^>]*aria-label="${label}"[^>]*>(.*?)</select>`).exec(html)?.[1] ?? "";
  return [...select.matchAll(/<option[^>]*>(.*?)<\/option>/g)].map((m) => m[1].replace(/<!-- -->/g, ""));
}

describe("the step inspector's lists of steps", () => {
  it("an action's target list tells apart a 办结 step and the 办结 end", () => {
    const flow = serviceDefinition.parse(structuredClone(example)).flow;
    const review = flow.nodes.find((n) => n.id === "review")!;
    flow.nodes.push({ ...review, id: "complete", label: "办结" });
    const html = renderToStaticMarkup(createElement(NodeInspector, { flow, node: review, forms: [], onChange: () => {}, onDelete: () => {} }));
    const targets = options(html, "操作1通向");
    expect(targets).toContain("→ 办结（办理步骤）");
    expect(targets).toContain("→ 办结（结束）");
    expect(targets).toContain("→ 复核");
    expect(new Set(targets).size).toBe(targets.length);
  });
});
