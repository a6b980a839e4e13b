/**
 * Form detection: the FormBlocks handed to the form converter, for spec appendices and
 * guide 业务表单 sections (titles and line ranges read from the document).
 */
import { describe, expect, it } from "vitest";
import { itemBySeq } from "@/tests/support/minorFixtures";
import { findGuideForms, findSpecForms, formReference, isFormMarker, looksLikeFormTitle, sameForm, splitFeedback } from "./formBlocks";
import { findNumeralSections } from "./text/headings";
import type { SourceLine } from "./types";

const range = (lines: SourceLine[]) => [lines[0].no, lines[lines.length - 1].no];
const between = (seq: number, first: number, last: number) => itemBySeq(seq).lines.filter((l) => l.no >= first && l.no <= last);

function guideRegion(seq: number): SourceLine[] {
  const { sections } = findNumeralSections(itemBySeq(seq).lines.slice(1), { vocabulary: { forms: /^业务表单$/, feedback: /^结果反馈$/ } });
  const forms = sections.find((s) => s.key === "forms");
  const feedback = sections.find((s) => s.key === "feedback");
  return [...(forms?.body ?? []), ...(feedback ? splitFeedback(feedback.body).rest : [])];
}

describe("names and markers", () => {
  it("reads form references and captions", () => {
    expect(formReference("新参保单位申报信息采集表见表 A.1。")).toBe("新参保单位申报信息采集表");
    expect(formReference("A.1 《机关事业单位基本养老保险参保单位信息变更申报表》见表 A.1。")).toBe("机关事业单位基本养老保险参保单位信息变更申报表");
    expect(formReference("表 A.2 内蒙古自治区毕业生一次性求职补贴发放一览表")).toBe("内蒙古自治区毕业生一次性求职补贴发放一览表");
    expect(formReference("B.1 企业参保单位基本信息变更办理流程图")).toBeNull();
  });

  it("compares names across 《》, (空表) and wrap spaces", () => {
    expect(sameForm("《基本养老保险关系转移接续联系函》（电子件）", "基本养老保险关系转移接续联系函")).toBe(true);
    expect(sameForm("和谐劳动关系单位 申报表", "和谐劳动关系单位申报表")).toBe(true);
    expect(sameForm("身份证", "工伤保险待遇申请表")).toBe(false);
    expect(isFormMarker("附件 1")).toBe(true);
    expect(isFormMarker("(空表)")).toBe(true);
    expect(looksLikeFormTitle("二、项目方案")).toBe(false);
  });
});

describe("spec appendices", () => {
  it("cuts 附录 A of item 1 into its two forms (345–395)", () => {
    const forms = findSpecForms(between(1, 341, 406));
    expect(forms.map((f) => f.title)).toEqual(["新参保单位申报信息采集表", "xx 年度社会保险申报承诺书"]);
    expect(range(forms[0].lines)).toEqual([349, 365]);
    expect(range(forms[1].lines)).toEqual([371, 395]);
  });

  it("splits one reference reproduced as two forms (31: 4225, 4252)", () => {
    const forms = findSpecForms(between(31, 4219, 4288));
    expect(forms.map((f) => f.title)).toEqual(["社会保险缴费通知单", "社会保险缴费通知单（机关事业单位养老保险）"]);
  });

  it("finds forms without a 附录 A heading (25: A.2 at 3562)", () => {
    const forms = findSpecForms(between(25, 3562, 3584));
    expect(forms.map((f) => f.title)).toEqual(["机关事业单位养老保险个人补收申报审批表"]);
    expect(range(forms[0].lines)).toEqual([3566, 3573]);
  });
});

describe("guide 业务表单", () => {
  it("reads the declared names and both forms after 附表 (45: 5837–5883)", () => {
    const { declared, forms } = findGuideForms(guideRegion(45));
    expect(declared.map((d) => d.line)).toEqual([5838, 5839]);
    expect(forms.map((f) => [f.title, ...range(f.lines)])).toEqual([
      ["机关事业单位基本养老保险待遇申领表", 5845, 5856],
      ["机关事业单位基本养老保险参保人员业务申报表（退休人员）", 5860, 5883],
    ]);
  });

  it("takes the form reproduced after 结果反馈 (73: 10399–10423)", () => {
    const { forms } = findGuideForms(guideRegion(73));
    expect(forms.map((f) => [f.title, ...range(f.lines)])).toEqual([["基本养老保险关系转移接续联系函", 10399, 10423]]);
  });

  it("does not start forms at outline headings inside a form (86: 12436–12497)", () => {
    const { forms } = findGuideForms(guideRegion(86));
    expect(forms.map((f) => f.title)).toEqual(["各盟、市行业协会/大中型企业工伤预防项目申请表", "可行性研究报告（提纲）", "大中型企业工伤预防实施方案"]);
  });

  it("handles (空表)/(样表) name lists (150: 19784–19869)", () => {
    const { declared, forms } = findGuideForms(guideRegion(150));
    expect(declared.map((d) => d.name)).toEqual(["未成年工登记表（空表）", "未成年工健康检查表（空表）"]);
    expect(forms.map((f) => f.title)).toEqual(["未成年工登记表", "未成年工健康检查表"]);
  });

  it("reports a declared form that is not reproduced (126: 16205)", () => {
    const { declared, forms } = findGuideForms(guideRegion(126));
    expect(declared.map((d) => d.name)).toEqual(["职业技能评价补贴申领审批表"]);
    expect(forms).toEqual([]);
  });
});
