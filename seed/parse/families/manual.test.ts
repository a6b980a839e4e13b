import { describe, expect, it } from "vitest";
import { parse } from "./manual";
import { itemBySeq } from "@/tests/support/minorFixtures";

describe("manual (102): the screenshot manual of 101", () => {
  const result = parse(itemBySeq(102));

  it("is attached to 101 as a manual with its four steps", () => {
    expect(result.services).toEqual([]);
    expect(result.attachments).toHaveLength(1);
    const [attachment] = result.attachments;
    expect(attachment).toMatchObject({ targetSeq: 101, targetCode: "s101", appendix: { kind: "manual" } });
    const steps = attachment.appendix.text.split("\n");
    expect(steps).toHaveLength(4);
    expect(steps[0]).toContain("https://zwfw.nmg.gov.cn");
    expect(steps[3]).toBe("第四步：按照系统步骤填写所需信息即可。");
  });

  it("leaves the screenshot OCR unextracted", () => {
    expect(result.unextracted).toEqual([{ label: expect.stringContaining("OCR"), range: { first: 14817, last: 14848 } }]);
  });
});
