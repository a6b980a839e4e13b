import { describe, expect, it } from "vitest";
import { displayValue } from "./displayValue";

describe("displayValue", () => {
  it("says when an item is absent or empty, keeps text, indents the rest", () => {
    expect(displayValue(undefined)).toBe("（没有此项）");
    expect(displayValue("")).toBe("（空）");
    expect(displayValue("新城区政务服务中心")).toBe("新城区政务服务中心");
    expect(displayValue({ days: 2 })).toBe('{\n  "days": 2\n}');
  });
});
