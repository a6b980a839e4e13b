import { describe, expect, it } from "vitest";
import { branchesOf } from "./outcomes";

describe("branchesOf", () => {
  it("reads the 受理 outcomes of a spec item (257–261)", () => {
    expect(
      branchesOf([
        "申请材料齐全，《新参保单位申报信息采集表》填写完整且填写信息与申请材料一致的，予以受理，进入审核环节；",
        "申请材料不齐全的，退回材料并一次性告知需补全材料名称。",
      ]),
    ).toEqual({ correction: true, refuse: null, terminate: false, returnTo: null, pausable: false, next: ["审核"] });
  });

  it("reads 终止, 退回至…环节 and 中止 (277, 2620, 15695)", () => {
    expect(branchesOf(["不符合参保登记条件的，终止业务办理。"]).terminate).toBe(true);
    expect(branchesOf(["变更信息不准确的，业务中止，退回至初审环节重新核实。"])).toMatchObject({ returnTo: "初审", pausable: false });
    expect(branchesOf(["资料不齐全的，应退回资料并一次性告知申请单位应补充资料名称，中止业务办理。"])).toMatchObject({ correction: true, pausable: true });
  });

  it("reads a refusal in guide prose (5790, 11806)", () => {
    expect(branchesOf(["如果材料不符合规范，明确告知服务对象不予受理的结果及原因。"]).refuse).toBe("不予受理");
    expect(branchesOf(["以上条件满足，受理；如不符合，向申请人解释说明，退回申办材料。"]).refuse).toBe("退回申办材料");
  });
});
