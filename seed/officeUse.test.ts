/**
 * Office-use fields in the seeded services: what the paper form leaves to the office (经办人签字,
 * 审核人签字, 认定意见 …) is marked `ui:options.officeUse`, so the applicant neither fills nor sees it.
 */
import { describe, expect, it } from "vitest";
import { applicantForms } from "@/runtime/definition/requirements";
import { seededTemplates } from "@/tests/support/seededTemplates";
import { officeUseTitles, type SchemaNode } from "@/tests/support/schemaWalk";

const templates = new Map(seededTemplates().map((t) => [t.code, t]));
const officeUse = (code: string, formTitle: RegExp) => {
  const form = templates.get(code)!.forms.find((f) => formTitle.test(f.title))!;
  return officeUseTitles(form.schema as SchemaNode, form.uiSchema as SchemaNode);
};

describe("office-use fields of the seeded services", () => {
  it("s001 新参保单位申报信息采集表: 初审/复审/经办人签字 are the office's, the unit's seal is not", () => {
    expect(officeUse("s001", /新参保单位申报信息采集表/)).toEqual(["初审签字", "复审签字", "经办人签字"]);
  });

  it("s056 退休审核认定表: the whole 人力资源社会保障行政部门认定意见 row and its signatures are the office's", () => {
    const titles = officeUse("s056", /退休审核认定表/);
    expect(titles).toEqual(expect.arrayContaining(["人力资源社会保障行政部门认定意见", "同志档案认定", "档案最早记载出生时间", "认定退休时间", "待遇执行时间", "初审人", "审核人", "复核人"]));
    expect(titles).not.toEqual(expect.arrayContaining(["姓名"]));
    expect(titles).not.toContain("身份证号码");
    expect(titles).not.toContain("退休类别");
  });

  it("s045 待遇申领表: 个人编号 (不填写) is the office's; 退休审批部门 the applicant's", () => {
    const titles = officeUse("s045", /待遇申领表/);
    expect(titles).toContain("个人编号");
    expect(titles).not.toContain("退休审批部门");
  });

  it("no applicant form asks the applicant for an office-use field", () => {
    let officeFields = 0;
    for (const def of templates.values()) {
      for (const form of applicantForms(def)) {
        const visit = (schema: SchemaNode, ui: SchemaNode | undefined, path: string) => {
          const required = Array.isArray(schema.required) ? (schema.required as string[]) : [];
          const properties = (schema.properties ?? {}) as Record<string, SchemaNode>;
          for (const [key, sub] of Object.entries(properties)) {
            const subUi = (ui?.[key] ?? undefined) as SchemaNode | undefined;
            const office = (subUi?.["ui:options"] as Record<string, unknown> | undefined)?.officeUse === true;
            if (office) {
              expect(required, `${def.code} ${form.title} ${path}${key}`).not.toContain(key);
              officeFields++;
            } else visit(sub, subUi, `${path}${key}.`);
          }
        };
        visit(form.schema as SchemaNode, form.uiSchema as SchemaNode, "");
      }
    }
    expect(officeFields).toBeGreaterThan(10);
  });
});
