import { describe, expect, it } from "vitest";
import { parseAddress, parseAudience, parseCaseType, parseChannels, parseLevels } from "./guideFields";
import { dataSharingFromTable, preChecksFromTable, risksFromTable, stepsFromNodeTable } from "./guideTables";

describe("one-line guide fields", () => {
  it("reads 行使层级, 服务对象 and 办件类型", () => {
    expect(parseLevels("自治区级、盟市级、旗县级。")).toEqual(["region", "league", "banner"]);
    expect(parseLevels("盟市级、旗县级。")).toEqual(["league", "banner"]);
    expect(parseAudience("企业，培训机构（含职业院校、技工院校）。")).toEqual(["企业", "培训机构（含职业院校、技工院校）"]);
    expect(parseCaseType("承诺件。")).toBe("promised");
    expect(parseCaseType("即办件。")).toBe("instant");
  });

  it("reads channels and addresses", () => {
    expect(parseChannels("窗口办理、网络办理。")).toEqual(["窗口办理", "网络办理"]);
    expect(parseChannels("1.窗口办理。\n2.网上办理。")).toEqual(["窗口办理", "网上办理"]);
    expect(parseChannels("线上：内蒙古自治区人力资源社会保障网上服务大厅。\n线下：各盟市、旗县（市、区）人力资源社会保障业务经办窗口。")).toEqual([
      "线上：内蒙古自治区人力资源社会保障网上服务大厅",
      "线下：各盟市、旗县（市、区）人力资源社会保障业务经办窗口",
    ]);
    expect(parseAddress("个人网厅: https://nmgrs.12333k.cn/personlogin/#/personl ogin。")).toBe("个人网厅: https://nmgrs.12333k.cn/personlogin/#/personlogin");
    expect(parseAddress("无。")).toBeNull();
  });
});

describe("guide tables", () => {
  it("reads 前置校验, 业务共享需求 and 事项风险点 rows, skipping 无 (5814–5833, 11114–11121)", () => {
    expect(preChecksFromTable([["单位/个人", "校验内容", "是否强制"], ["个人", "是否有欠费", "是"]])).toEqual([
      { check: "是否有欠费", who: "个人", mandatory: true },
    ]);
    expect(dataSharingFromTable([["需求点", "共享方式", "协同目标", "共享提供方", "需求信息"], ["无", "", "", "", ""]])).toEqual([]);
    expect(risksFromTable([["对所属业务节点", "风险点"], ["受理", "是否长期异地居住"], ["无", ""]])).toEqual([
      { step: "受理", risk: "是否长期异地居住" },
    ]);
  });

  it("reads node-table steps with their SLAs (16101–16104)", () => {
    const steps = stepsFromNodeTable({
      first: 16101,
      last: 16104,
      rows: [["节点名称", "经办科室/角色", "节点经办时限"], ["受理", "经办机构", "25"], ["评估", "经办机构", ""], ["综合受理", "统一受理", "即时"]],
    });
    expect(steps.map((step) => [step.label, step.sla])).toEqual([
      ["受理", { days: 25, unit: "workday" }],
      ["评估", null],
      ["综合受理", null],
    ]);
  });
});
