import { describe, expect, it } from "vitest";
import { findLimitExpressions, parseFee, parseTimeLimits } from "./limits";

describe("parseTimeLimits", () => {
  it("reads single limits as written in the guide", () => {
    expect(parseTimeLimits("即时办结。")).toEqual([{ text: "即时办结", days: 0, unit: "instant" }]);
    expect(parseTimeLimits("15个工作日。")).toEqual([{ text: "15个工作日", days: 15, unit: "workday" }]);
    expect(parseTimeLimits("1 个工作日。")).toEqual([{ text: "1 个工作日", days: 1, unit: "workday" }]);
    expect(parseTimeLimits("60 日")).toEqual([{ text: "60 日", days: 60, unit: "day" }]);
    expect(parseTimeLimits("90 自然日。")).toEqual([{ text: "90 自然日", days: 90, unit: "day" }]);
    expect(parseTimeLimits("即办。")).toEqual([{ text: "即办", days: 0, unit: "instant" }]);
    expect(parseTimeLimits("自受理之日起 30 个工作日。")).toEqual([{ text: "自受理之日起 30 个工作日", days: 30, unit: "workday" }]);
  });

  it("returns nothing for 无", () => {
    expect(parseTimeLimits("无。")).toEqual([]);
    expect(parseTimeLimits("无")).toEqual([]);
  });

  it("gives one limit per channel (15336, 15370/15391, 4644)", () => {
    expect(parseTimeLimits("线上 3 个工作日，线下 5 个工作日")).toEqual([
      { text: "线上 3 个工作日", days: 3, unit: "workday", channel: "线上" },
      { text: "线下 5 个工作日", days: 5, unit: "workday", channel: "线下" },
    ]);
    expect(parseTimeLimits("线下：即时办理。")).toEqual([{ text: "线下：即时办理", days: 0, unit: "instant", channel: "线下" }]);
    expect(parseTimeLimits("即时办结。批量制发**30**个工作日，零星制发**5**个工作日。")).toEqual([
      { text: "即时办结", days: 0, unit: "instant" },
      { text: "批量制发30个工作日", days: 30, unit: "workday", channel: "批量制发" },
      { text: "零星制发5个工作日", days: 5, unit: "workday", channel: "零星制发" },
    ]);
  });

  it("keeps prose whole with its first duration (10449) and ignores dates (14568)", () => {
    const [limit] = parseTimeLimits("自受理工伤认定申请之日起 **60** 日内作出工伤认定的决定；对受理的事实清楚、权利义务明确的工伤认定申请，应当 **15** 日内作出工伤认定的决定。");
    expect(limit).toMatchObject({ days: 60, unit: "day" });
    expect(limit.text).toContain("15 日内");
    expect(parseTimeLimits("每月 15 日之前申请的当月审核，15 日之后申请的次月审核。")).toEqual([
      { text: "每月 15 日之前申请的当月审核，15 日之后申请的次月审核。", days: null, unit: null },
    ]);
  });

  it("finds durations inside sentences, Chinese numerals included (15155)", () => {
    expect(findLimitExpressions("经办机构需在接到培训机构申请起三个工作日内完成审批")).toMatchObject([{ days: 3, unit: "workday" }]);
  });
});

describe("parseFee", () => {
  it("marks 不收费 / 免费 / 无 as free and a charge as not free", () => {
    expect(parseFee("不收费。")).toEqual({ text: "不收费。", free: true });
    expect(parseFee("免费")).toMatchObject({ free: true });
    expect(parseFee("无。")).toMatchObject({ free: true });
    expect(parseFee("按照内价费〔1997〕44号标准收取鉴定费")).toMatchObject({ free: false });
    expect(parseFee("")).toBeNull();
  });
});
