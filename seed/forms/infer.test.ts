/** What kind of field a label of the document asks for: amounts are numbers, the names of things are text. */
import { describe, expect, it } from "vitest";
import { inferScalarType } from "./infer";

describe("inferScalarType", () => {
  it("an amount (余额, 金额, 元) is a number", () => {
    expect(inferScalarType("个人账户余额")).toBe("amount");
    expect(inferScalarType("补助金额（元）")).toBe("amount");
  });

  it("the bank an amount is paid into is text, though its label names the amount (s012, s070, s071)", () => {
    expect(inferScalarType("领取个人账户余额的指定银行")).toBe("text");
    expect(inferScalarType("开户银行")).toBe("text");
  });
});
