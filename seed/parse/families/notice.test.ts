import { describe, expect, it } from "vitest";
import { parse } from "./notice";
import { itemBySeq } from "@/tests/support/minorFixtures";

describe("notice (110): 创业担保贷款告知书", () => {
  it("is attached to 个人创业担保贷款 (109) as a notice", () => {
    const result = parse(itemBySeq(110));
    expect(result.services).toEqual([]);
    expect(result.attachments).toHaveLength(1);
    const [attachment] = result.attachments;
    expect(attachment).toMatchObject({ targetSeq: 109, targetCode: "s109", appendix: { kind: "notice", title: "创业担保贷款告知书" } });
    expect(attachment.appendix.source).toEqual({ first: 15246, last: 15264 });
    expect(attachment.appendix.text).toContain("5.借款人在借款期间死亡的，家属应及时告知就业部门，就业部门查证后");
    expect(attachment.appendix.text).toContain("本人签字");
  });
});
