import { describe, expect, it } from "vitest";
import { buildTree } from "./tree";

const tree = buildTree([
  { id: "150000", name: "内蒙古自治区", level: "region", parentId: null },
  { id: "150100", name: "呼和浩特市", level: "league", parentId: "150000" },
  { id: "150102", name: "新城区", level: "banner", parentId: "150100" },
  { id: "150103", name: "回民区", level: "banner", parentId: "150100" },
  { id: "150200", name: "包头市", level: "league", parentId: "150000" },
]);

describe("organisation tree", () => {
  it("a banner's chain runs through its league to the region", () => {
    expect(tree.chain("150102").map((n) => n.id)).toEqual(["150102", "150100", "150000"]);
    expect(tree.chain("999999")).toEqual([]);
  });

  it("within: a banner is within its league and the region, never within a neighbour", () => {
    expect(tree.isWithin("150102", "150100")).toBe(true);
    expect(tree.isWithin("150102", "150000")).toBe(true);
    expect(tree.isWithin("150102", "150103")).toBe(false);
    expect(tree.isWithin("150100", "150102")).toBe(false);
  });

  it("a league's subtree is itself and its banners", () => {
    expect(tree.subtree("150100").map((n) => n.id)).toEqual(["150100", "150102", "150103"]);
    expect(tree.subtree("150000")).toHaveLength(5);
  });
});
