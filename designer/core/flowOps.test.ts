import { describe, expect, it } from "vitest";
import { flow as flowSchema, serviceDefinition, type Flow } from "@/runtime/definition/schema";
import example from "@/runtime/definition/example.json";
import { validateFlow } from "@/runtime/engine/validateFlow";
import { copyFragment, pasteFragment, PASTE_OFFSET } from "./clipboard";
import { addAction, addNode, connect, moveNodes, removeAction, removeElements, renameAction, renameNode, updateEdge } from "./flowOps";
import { freePosition, layoutFlow, nodeSize } from "./layout";

const base = (): Flow => serviceDefinition.parse(example).flow;

describe("flow edit operations", () => {
  it("adds nodes of each palette type with fresh ids that satisfy the contract", () => {
    let flow = base();
    const task = addNode(flow, { type: "task" }, { x: 10, y: 20 });
    flow = task.flow;
    const gateway = addNode(flow, { type: "gateway" }, { x: 0, y: 0 });
    flow = gateway.flow;
    const end = addNode(flow, { type: "end", outcome: "refused" }, { x: 0, y: 0 });
    flow = end.flow;
    expect([task.id, gateway.id, end.id]).toEqual(["step1", "decision1", "end1"]);
    expect(flow.nodes.find((n) => n.id === "end1")).toMatchObject({ type: "end", outcome: "refused", label: "不予办理" });
    expect(flowSchema.safeParse(flow).success).toBe(true);
  });

  it("moves nodes, returning the same flow when nothing moves", () => {
    const flow = base();
    expect(moveNodes(flow, new Map([["intake", flow.nodes[1].position]]))).toBe(flow);
    const moved = moveNodes(flow, new Map([["intake", { x: 5, y: 6 }]]));
    expect(moved.nodes.find((n) => n.id === "intake")!.position).toEqual({ x: 5, y: 6 });
    expect(flow.nodes.find((n) => n.id === "intake")!.position).toEqual({ x: 0, y: 120 });
  });

  it("deletes a node with its edges, never the start", () => {
    const flow = base();
    const next = removeElements(flow, ["review", "start"]);
    expect(next.nodes.some((n) => n.id === "review")).toBe(false);
    expect(next.nodes.some((n) => n.id === "start")).toBe(true);
    expect(next.edges.some((e) => e.from === "review" || e.to === "review")).toBe(false);
    expect(next.edges.length).toBe(flow.edges.length - 3);
    expect(removeElements(flow, ["start"])).toBe(flow);
  });

  it("connects a task through its first free action, a decision first by default then by condition", () => {
    let flow = base();
    const added = addNode(flow, { type: "task" }, { x: 0, y: 0 });
    flow = added.flow;
    const first = connect(flow, added.id, "done")!;
    expect(first.flow.edges.at(-1)).toMatchObject({ from: added.id, to: "done", action: "approve" });
    flow = first.flow;
    const gateway = addNode(flow, { type: "gateway" }, { x: 0, y: 0 });
    flow = gateway.flow;
    const dflt = connect(flow, gateway.id, "done")!;
    expect(dflt.flow.edges.at(-1)).toMatchObject({ isDefault: true });
    const conditional = connect(dflt.flow, gateway.id, "refused")!;
    expect(conditional.flow.edges.at(-1)).not.toHaveProperty("isDefault");
  });

  it("connecting a task whose actions all have edges adds an action for the new edge", () => {
    const made = connect(base(), "secondReview", "refused")!;
    const node = made.flow.nodes.find((n) => n.id === "secondReview");
    expect(node?.type === "task" && node.actions.at(-1)).toMatchObject({ id: "action1", label: "转到“不予受理”" });
    expect(made.flow.edges.at(-1)).toMatchObject({ from: "secondReview", to: "refused", action: "action1" });
    expect(validateFlow(made.flow)).toEqual([]);
  });

  it("refuses edges out of an end, into the start, to itself, or a second edge out of the start", () => {
    const flow = base();
    expect(connect(flow, "done", "intake")).toBeNull();
    expect(connect(flow, "intake", "start")).toBeNull();
    expect(connect(flow, "intake", "intake")).toBeNull();
    expect(connect(flow, "start", "review")).toBeNull();
  });

  it("renames nodes and actions together with the edges that use them", () => {
    let flow = renameNode(base(), "intake", "accept");
    expect(flow.edges.filter((e) => e.from === "accept" || e.to === "accept").length).toBe(5);
    flow = renameAction(flow, "accept", "refuse", "decline");
    expect(flow.edges.find((e) => e.id === "e5")!.action).toBe("decline");
    expect(validateFlow(flow)).toEqual([]);
    expect(renameNode(flow, "accept", "route")).toBe(flow);
  });

  it("adds and removes actions; removing one drops its edge", () => {
    let flow = addAction(base(), "review");
    const review = flow.nodes.find((n) => n.id === "review");
    expect(review?.type === "task" && review.actions.map((a) => a.id)).toEqual(["pass", "reject", "action1"]);
    flow = removeAction(flow, "review", "reject");
    expect(flow.edges.some((e) => e.id === "e9")).toBe(false);
  });

  it("updates an edge", () => {
    const flow = updateEdge(base(), "e6", (e) => ({ ...e, label: "新名称" }));
    expect(flow.edges.find((e) => e.id === "e6")!.label).toBe("新名称");
  });
});

describe("copy and paste", () => {
  it("copies nodes with the edges between them and pastes them with new ids, shifted", () => {
    const flow = base();
    const fragment = copyFragment(flow, ["start", "review", "secondReview"])!;
    expect(fragment.nodes.map((n) => n.id)).toEqual(["review", "secondReview"]);
    expect(fragment.edges.map((e) => e.id)).toEqual(["e8"]);
    const pasted = pasteFragment(flow, fragment);
    expect(pasted.nodeIds).toEqual(["review_1", "secondReview_1"]);
    const copy = pasted.flow.nodes.find((n) => n.id === "review_1")!;
    expect(copy.position).toEqual({ x: -200 + PASTE_OFFSET, y: 360 + PASTE_OFFSET });
    expect(pasted.flow.edges.at(-1)).toMatchObject({ from: "review_1", to: "secondReview_1", action: "pass" });
    const again = pasteFragment(pasted.flow, fragment, 2);
    expect(again.nodeIds).toEqual(["review_2", "secondReview_2"]);
    expect(new Set(again.flow.edges.map((e) => e.id)).size).toBe(again.flow.edges.length);
  });

  it("copying only the start copies nothing", () => {
    expect(copyFragment(base(), ["start"])).toBeNull();
  });

  it("pasting does not change the fragment (it can be pasted again)", () => {
    const fragment = copyFragment(base(), ["review"])!;
    const before = JSON.stringify(fragment);
    pasteFragment(base(), fragment);
    expect(JSON.stringify(fragment)).toBe(before);
  });
});

describe("automatic layout", () => {
  it("places every node, top to bottom along the flow, without overlaps", () => {
    const flow = base();
    const positions = layoutFlow(flow);
    expect(positions.size).toBe(flow.nodes.length);
    expect(positions.get("start")!.y).toBeLessThan(positions.get("intake")!.y);
    expect(positions.get("intake")!.y).toBeLessThan(positions.get("route")!.y);
    const boxes = flow.nodes.map((n) => ({ ...positions.get(n.id)!, ...nodeSize(n) }));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const overlap = a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
        expect(overlap).toBe(false);
      }
    }
  });

  it("a node added beside the same node twice lands below the first, not on top of it", () => {
    let flow = base();
    const beside = { x: 600, y: 120 };
    const boxOf = (id: string) => {
      const node = flow.nodes.find((n) => n.id === id)!;
      return { ...node.position, ...nodeSize(node) };
    };
    const ids: string[] = [];
    for (const type of ["gateway", "task", "end"] as const) {
      const item = type === "end" ? { type, outcome: "refused" as const } : { type };
      const made = addNode(flow, item, freePosition(flow, type, beside));
      flow = made.flow;
      ids.push(made.id);
    }
    expect(flow.nodes.find((n) => n.id === ids[0])!.position).toEqual(beside);
    const boxes = ids.map(boxOf);
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        expect(a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height).toBe(false);
      }
    }
    // A free place is taken as it is.
    expect(freePosition(base(), "task", { x: 5000, y: 5000 })).toEqual({ x: 5000, y: 5000 });
  });
});
