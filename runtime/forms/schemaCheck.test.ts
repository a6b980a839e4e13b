/** Whether a form schema is usable: the same answer for the designer's lint and the form import. */
import { describe, expect, it } from "vitest";
import { schemaProblem } from "./schemaCheck";

describe("schemaProblem", () => {
  it("passes a usable schema", () => {
    expect(schemaProblem({ type: "object", properties: { age: { type: "integer", title: "年龄", minimum: 16, maximum: 60 } } }, "draft-07")).toBeNull();
  });

  it("refuses bounds no value meets, naming the field: 最小值 above 最大值 (found in the form builder), 最少字数 above 最多字数, rows", () => {
    expect(schemaProblem({ type: "object", properties: { n: { type: "number", title: "在校学生人数", minimum: 10, maximum: 5 } } }, "draft-07")).toBe(
      "字段“在校学生人数”的最小值（10）大于最大值（5），任何填写都无法通过",
    );
    expect(schemaProblem({ type: "object", properties: { s: { type: "string", minLength: 8, maxLength: 4 } } }, "draft-07")).toBe("“/properties/s”处的最少字数（8）大于最多字数（4），任何填写都无法通过");
    expect(schemaProblem({ type: "object", properties: { rows: { type: "array", title: "学员名单", minItems: 3, maxItems: 2, items: { type: "string" } } } }, "draft-07")).toContain("最少行数（3）大于最多行数（2）");
    expect(schemaProblem({ type: "object", properties: { x: { type: "number", exclusiveMinimum: 5, maximum: 5 } } }, "draft-07")).toContain("不小于");
  });

  it("a property merely named minimum is not a bound", () => {
    expect(schemaProblem({ type: "object", properties: { minimum: { type: "number" }, maximum: { type: "number" } } }, "draft-07")).toBeNull();
  });
});
