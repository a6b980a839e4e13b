import { describe, expect, it } from "vitest";
import { serviceDefinition } from "@/runtime/definition/schema";
import { parse } from "./unempGuide";
import { itemBySeq } from "@/tests/support/minorFixtures";
import { taskLabels } from "./branchedFlow";

const only = (seq: number) => {
  const result = parse(itemBySeq(seq));
  expect(result.services).toHaveLength(1);
  return serviceDefinition.parse(result.services[0]);
};

describe("unempGuide (97–100)", () => {
  it("97 失业保险金申领: conditions, channels, implied material, limits, six laws", () => {
    const service = only(97);
    expect(service.guide.description).toBe("为按规定参加失业保险的个人，失业后发放失业保险金。");
    expect(service.guide.audience).toEqual(["参保失业人员"]);
    expect(service.guide.levels).toEqual(["league", "banner"]);
    expect(service.guide.conditions).toHaveLength(3);
    expect(service.guide.conditions[1]).toBe("非因本人意愿中断就业的。");
    expect(service.guide.channels).toHaveLength(5);
    expect(service.guide.onlineAddress).toBe("http://rst.nmg.gov.cn/");
    expect(service.materials.map((material) => material.name)).toEqual(["身份证或二代社会保障卡"]);
    expect(service.guide.promisedLimit.map((limit) => [limit.days, limit.unit])).toEqual([
      [0, "instant"],
      [10, "workday"],
    ]);
    expect(service.guide.legalBasis).toHaveLength(6);
    expect(service.guide.legalBasis[1]).toMatchObject({ title: "失业保险条例", docNo: "中华人民共和国国务院令第258号" });
    expect(service.guide.notes.map((note) => note.label)).toEqual(
      expect.arrayContaining(["补贴标准", "服务时间", "结果反馈", "咨询方式", "监督投诉方式", "注意事项"]),
    );
    expect(service.guide.notes.find((note) => note.label === "补贴标准")?.text).toContain("缴费年限 | 1 | 2");
    expect(service.flow.derivation).toBe("minimal");
  });

  it("98 关系转移接续: three 5-workday stages become the flow; the online click path an operation note", () => {
    const service = only(98);
    expect(service.guide.promisedLimit.map((limit) => limit.days)).toEqual([5, 5, 5]);
    expect(service.flow.derivation).toBe("text");
    expect(taskLabels(service.flow)).toEqual(["申请", "转入地经办机构受理", "补正材料", "转出地经办机构办理转出", "转入地经办机构办理转入"]);
    expect(service.guide.operationNotes[0].notes).toContain("失业保险关系转移申请");
    expect(service.materials.map((material) => [material.name, material.scenario])).toEqual([
      ["身份证", "线下办理"],
      ["身份证正反面照片", "线上办理"],
    ]);
  });

  it("99 技能提升补贴: certificate original as material, 补贴标准 note, limit without days", () => {
    const service = only(99);
    expect(service.materials.map((material) => material.name)).toEqual(["身份证或二代社会保障卡", "职业技能等级证书原件"]);
    expect(service.materials[1].kind).toBe("原件");
    expect(service.guide.notes.find((note) => note.label === "补贴标准")?.text).toContain("高级（三级）2000 元");
    expect(service.guide.promisedLimit).toEqual([
      { text: "每月 15 日之前申请的当月审核，15 日之后申请的次月审核。", days: null, unit: null },
    ]);
  });

  it("100 稳岗返还: two templates from 备注, the 回执单 as the applicant's material, 22 workdays for 自主申报", () => {
    const service = only(100);
    expect(service.forms.map((form) => form.title)).toEqual(["享受稳岗返还政策告知书", "确认享受稳岗返还政策回执单"]);
    expect(service.forms[1].source).toEqual({ first: 14669, last: 14677 });
    expect(service.materials).toMatchObject([{ name: "确认享受稳岗返还政策回执单", formId: service.forms[1].id }]);
    expect(service.guide.promisedLimit).toContainEqual(expect.objectContaining({ days: 22, unit: "workday", channel: "自主申报" }));
    expect(service.guide.promisedLimit[0]).toMatchObject({ channel: "免申即享", days: null });
    expect(service.guide.notes.map((note) => note.label)).toEqual(expect.arrayContaining(["返还比例", "资金用途"]));
    const apply = service.flow.nodes.find((node) => node.type === "task" && node.role === "applicant");
    expect(apply && apply.type === "task" && apply.forms).toEqual([{ formId: service.forms[1].id, mode: "edit" }]);
  });
});
