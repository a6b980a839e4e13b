import { describe, expect, it } from "vitest";
import { serviceDefinition } from "@/runtime/definition/schema";
import { requiredUploads } from "@/runtime/definition/requirements";
import { parse } from "./acceptCond";
import { itemBySeq } from "@/tests/support/minorFixtures";
import { taskLabels } from "./branchedFlow";

const only = (seq: number) => {
  const result = parse(itemBySeq(seq));
  expect(result.services).toHaveLength(1);
  return serviceDefinition.parse(result.services[0]);
};
const slas = (service: ReturnType<typeof only>) =>
  service.flow.nodes.flatMap((node) => (node.type === "task" && node.role !== "applicant" ? [node.sla ? `${node.sla.days}${node.sla.unit}` : "-"] : []));

describe("acceptCond (112–121)", () => {
  it("112 失业登记: per-channel limits, scanned materials, minimal flow", () => {
    const service = only(112);
    expect(service.group.part).toBe("二、公共就业创业服务");
    expect(service.guide.promisedLimit).toEqual([
      { text: "线上 3 个工作日", days: 3, unit: "workday", channel: "线上" },
      { text: "线下 3 个工作日", days: 3, unit: "workday", channel: "线下" },
    ]);
    expect(service.guide.channels).toHaveLength(3);
    expect(service.materials).toHaveLength(2);
    expect(service.materials[0].medium).toContain("扫描件");
    expect(service.flow.derivation).toBe("minimal");
  });

  it("113 就业登记: three conditions, five materials, 线下 即时办理", () => {
    const service = only(113);
    expect(service.guide.conditions).toHaveLength(3);
    expect(service.materials).toHaveLength(5);
    // a material for some applicants only (its bracket names them) is theirs: the others need not bring it
    expect(service.materials[4]).toMatchObject({ name: "居住证", scenario: "本地常住的非本地户籍人员" });
    expect(requiredUploads(service).map((material) => material.name)).not.toContain("居住证");
    expect(service.guide.promisedLimit).toContainEqual(expect.objectContaining({ channel: "线下", unit: "instant" }));
    expect(service.guide.audience).toEqual(["用人单位", "个人"]);
  });

  it("112 失业登记: the 港澳台居民居住证 is asked of 港澳台居民 only", () => {
    const service = only(112);
    expect(service.materials[1]).toMatchObject({ name: "港澳台居民居住证或社会保障卡", scenario: "港澳台居民" });
    expect(requiredUploads(service).map((material) => material.name)).toEqual(["居民身份证或社会保障卡或《就业创业证》"]);
  });

  it("116 就业困难人员认定: six categories, situational materials optional, staged 5 + 7 workdays", () => {
    const service = only(116);
    expect(service.guide.conditions).toHaveLength(7);
    expect(service.guide.conditions[1]).toMatch(/^大龄失业人员/);
    const optional = service.materials.filter((material) => !material.required).map((material) => material.name);
    expect(optional).toEqual(["居住证明", "《残疾人证》、《土地征用证明》、《低保证》或《毕业证》等相关证明材料"]);
    expect(slas(service)).toEqual(["5workday", "7workday"]);
  });

  it("117 零就业家庭认定: 审查 5 → 公示 3 天 → 审核 2 → 确认 3", () => {
    const service = only(117);
    expect(taskLabels(service.flow)).toEqual(["申请", "社区审查", "补正材料", "公示", "苏木乡镇（街道）审核", "旗县就业服务机构确认"]);
    expect(slas(service)).toEqual(["5workday", "3day", "2workday", "3workday"]);
    const notice = service.flow.nodes.find((node) => node.type === "task" && node.label === "公示");
    expect(notice && notice.type === "task" && notice.publicNotice).toBe(true);
    expect(service.materials[2]).toMatchObject({ obtainableBySharing: true });
  });

  it("118 灵活就业社保补贴: the eight stages of 办理时限, subsidy notes", () => {
    const service = only(118);
    expect(slas(service)).toEqual(["5workday", "7workday", "10workday", "7workday", "5workday", "5workday", "10workday", "10workday"]);
    expect(taskLabels(service.flow)).toContain("苏木乡镇（街道）初审");
    expect(service.guide.notes.map((note) => note.label)).toEqual(expect.arrayContaining(["补贴险种", "补贴标准", "补贴期限", "办理时限"]));
    expect(service.guide.notes.find((note) => note.label === "补贴标准")?.text).toContain("2/3");
  });

  it("119/121: 审核 7 → 公示 5 → 审批 5 → 财政拨付 10 → 拨付 5; 120: one 7-workday review", () => {
    for (const seq of [119, 121]) expect(slas(only(seq))).toEqual(["7workday", "5workday", "5workday", "10workday", "5workday"]);
    expect(only(119).guide.notes.find((note) => note.label === "其他")?.text).toContain("预拨+清算");
    const service = only(120);
    expect(slas(service)).toEqual(["7workday"]);
    expect(service.materials.map((material) => material.name)[0]).toBe("公益性岗位开发计划申请表");
  });
});
