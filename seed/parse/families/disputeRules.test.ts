import { describe, expect, it } from "vitest";
import { appendix } from "@/runtime/definition/schema";
import { parse } from "./disputeRules";
import { itemBySeq } from "@/tests/support/minorFixtures";

describe("disputeRules (142, 144): working rules attached to their guide", () => {
  it("142 → rules appendix of 141", () => {
    const result = parse(itemBySeq(142));
    expect(result.services).toEqual([]);
    expect(result.attachments).toHaveLength(1);
    const [attachment] = result.attachments;
    expect(attachment).toMatchObject({ targetSeq: 141, targetCode: "s141" });
    expect(appendix.parse(attachment.appendix)).toMatchObject({ kind: "rules", title: "劳动人事争议仲裁申请工作细则", source: { first: 17516, last: 17584 } });
    expect(attachment.appendix.text).toContain("四、申请人领取受理结果");
  });

  it("144 → rules appendix of 143, headings kept on their own lines", () => {
    const [attachment] = parse(itemBySeq(144)).attachments;
    expect(attachment).toMatchObject({ targetSeq: 143, targetCode: "s143", appendix: { kind: "rules", title: "劳动人事争议调解申请工作细则" } });
    expect(attachment.appendix.text.split("\n")[0]).toBe("一、劳动人事争议调解受理登记制度");
    expect(attachment.appendix.text).toContain("二、劳动人事争议调解告知引导制度");
  });
});
