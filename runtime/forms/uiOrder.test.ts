import { describe, expect, it } from "vitest";
import { expandOrder, shownOrder } from "./uiOrder";

describe("ui:order", () => {
  const keys = ["a", "b", "c", "d"];
  it("lists named keys first and the rest after, as rjsf shows them", () => {
    expect(expandOrder(["c", "a"], keys)).toEqual(["c", "a", "b", "d"]);
    expect(expandOrder(["c", "*", "a"], keys)).toEqual(["c", "b", "d", "a"]);
    expect(expandOrder(["*", "b"], keys)).toEqual(["a", "c", "d", "b"]);
  });
  it("ignores unknown and repeated entries", () => {
    expect(expandOrder(["x", "b", "b", 3, "*", "b"], keys)).toEqual(["b", "a", "c", "d"]);
  });
  it("without ui:order the declared order stands", () => {
    expect(shownOrder({ z: {}, y: {} }, {})).toEqual(["z", "y"]);
    expect(shownOrder({ y: {}, z: {} }, { "ui:order": ["z", "*"] })).toEqual(["z", "y"]);
  });
});
