import { describe, expect, it } from "vitest";
import { stageLabel, stagesOf, stepsFromStages, withoutRemarks } from "./stagedLimits";

// 办理时限 of 就业困难人员灵活就业社会保险补贴申领 (15512–15514), shortened remark kept
const FLEXIBLE_SUBSIDY =
  "就业困难人员向社区公共就业服务平台提出灵活就业社会保险补贴申请，社区公共就业服务平台应在收到补贴申请后 5 个工作日内受理；通过后，苏木乡镇（街道）公共就业服务平台应在 7 个工作日内完成初审；通过后，旗县（市、区）公共就业服务机构开展部门间数据比对查询，10 个工作日内完成；比对后应在 7 个工作日内完成审核；通过后，在旗县（市、区）人力资源社会保障部门网站上公示申请人员名单、补助项目、拟补助金额等，公示期为 5 个工作日；公示后无异议的，旗县（市、区）人力资源社会保障部门要在 5 个工作日内进行审批后报同级财政部门，财政部门应在收到补贴申请之日起 10 个工作日内拨付补贴资金到旗县（市、区）人力资源社会保障部门。旗县（市、区）人力资源社会保障部门应在收到补贴资金之日起 10 个工作日内拨付到个人账户。（智慧就业服务云平台上上线后，财政部门拨付到人力资源社会保障部门，人力资源社会保障部门应在收到补贴资金之日起 5 个工作日内通过智慧就业服务云平台拨付到符合条件的个人账户。）根据当地实际告知申请人，申请集中受理，补贴分批分次发放。";

describe("stagedLimits", () => {
  it("cuts 118's 办理时限 into its eight stages, ignoring the bracketed alternative", () => {
    const stages = stagesOf(FLEXIBLE_SUBSIDY);
    expect(stages.map(stageLabel)).toEqual([
      "社区受理",
      "苏木乡镇（街道）初审",
      "旗县就业服务机构数据比对",
      "旗县就业服务机构审核",
      "公示",
      "旗县人社部门审批",
      "财政部门拨付",
      "旗县人社部门拨付",
    ]);
    expect(stages.map((stage) => stage.limit.days)).toEqual([5, 7, 10, 7, 5, 5, 10, 10]);
    expect(stages[4].publicNotice).toBe(true);
  });

  it("splits a 公示 period stated in brackets (117) into a step of its own", () => {
    const stages = stagesOf("社区公共就业服务平台应在受理后**5**个工作日内完成审查和公示程序（公示时间为**3**天），苏木乡镇（街道）公共就业服务平台应在**2**个工作日内完成审核工作");
    expect(stages.map((stage) => [stageLabel(stage), stage.limit.days, stage.limit.unit])).toEqual([
      ["社区审查", 5, "workday"],
      ["公示", 3, "day"],
      ["苏木乡镇（街道）审核", 2, "workday"],
    ]);
  });

  it("turns 一次性告知 and 不符合…通知 stages into branches of the review step", () => {
    const correction = stepsFromStages(stagesOf("就业部门在接到培训机构申请起**3**个工作日内完成审批，申请材料不齐全或者不符合要求的，应于**3**个工作日内一次性告知申请人需要补齐的全部内容。"));
    expect(correction).toHaveLength(1);
    expect(correction[0]).toMatchObject({ label: "就业服务机构审批", correction: true, sla: { days: 3, unit: "workday" } });
    const refusal = stepsFromStages(stagesOf("资格审核原则上压缩在 7 个工作日内，尽职调查压缩在 3 个工作日内，金融机构受理至发放压缩在 5 个工作日内，确需办理反担保、抵押等手续的可适当延长。对不符合条件的，应在 5 个工作日内通知申请人并说明原因。"));
    expect(refusal.map((step) => step.label)).toEqual(["资格审核", "尽职调查", "金融机构发放"]);
    expect(refusal[0].refuse).toBe(true);
  });

  it("keeps short brackets and drops long alternatives", () => {
    expect(withoutRemarks("应在5个工作日内完成（公示时间为3天）。（智慧就业服务云平台上线后，人社部门应在5个工作日内拨付到个人账户。）").remarks).toHaveLength(1);
  });
});
