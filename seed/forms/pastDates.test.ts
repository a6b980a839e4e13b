/**
 * Date fields that name a past event (事故发生时间, 工伤时间, 出生日期, 死亡时间 …) are marked
 * `x-notAfterToday` by the seed; dates that may lie ahead (拟…, 预计…, 开班 …) and dates of the
 * paperwork (填表日期, 签字日期, 盖章日期) are not: the rule is conservative.
 */
import { describe, expect, it } from "vitest";
import { readTemplates } from "@/seed/loadTemplates";
import { NOT_AFTER_TODAY } from "@/runtime/forms/notAfterToday";
import { namesPastEvent } from "./pastDates";

interface DateField {
  code: string;
  title: string;
  format: string;
  marked: boolean;
}

function dateFields(): DateField[] {
  const out: DateField[] = [];
  const walk = (node: unknown, code: string) => {
    if (Array.isArray(node)) return node.forEach((n) => walk(n, code));
    if (!node || typeof node !== "object") return;
    const schema = node as Record<string, unknown>;
    if (schema.format === "date" || schema.format === "year-month") {
      out.push({ code, title: String(schema.title ?? ""), format: String(schema.format), marked: schema[NOT_AFTER_TODAY] === true });
    }
    for (const value of Object.values(schema)) walk(value, code);
  };
  for (const template of readTemplates()) for (const form of template.forms) walk(form.schema, template.code);
  return out;
}

describe("namesPastEvent", () => {
  it("names the events that have happened", () => {
    for (const title of ["事故发生时间", "事故发生的时间", "受伤时间", "工伤时间", "工亡时间", "出生日期", "出生年月", "死亡时间", "死亡日期", "确诊日期", "诊断时间", "离职时间", "失业时间", "出生日期（2）", "参保人已于＿年＿月＿日死亡"]) {
      expect(namesPastEvent(title), title).toBe(true);
    }
  });

  it("leaves dates that may lie ahead, and the form's own dates", () => {
    for (const title of ["拟开班日期", "预计归还时间", "预计出生日期", "计划离职时间", "开班日期", "签字日期", "填表日期", "盖章日期", "保险结束时间", "集体合同结束时间", "待遇执行时间", "毕业时间", "申请时间", "工伤保险待遇享受开始年月"]) {
      expect(namesPastEvent(title), title).toBe(false);
    }
  });
});

describe("the seeded templates", () => {
  const fields = dateFields();

  it("mark 事故发生时间 (s074), 工伤时间, 工亡时间, 出生日期 and 死亡时间", () => {
    const marked = fields.filter((f) => f.marked);
    expect(marked).toContainEqual({ code: "s074", title: "事故发生时间", format: "date", marked: true });
    for (const title of ["工伤时间", "工亡时间", "出生日期", "死亡时间", "出生年月"]) expect(marked.map((f) => f.title), title).toContain(title);
  });

  it("mark exactly the date fields whose title names a past event", () => {
    for (const field of fields) expect(field.marked, `${field.code} ${field.title}`).toBe(namesPastEvent(field.title));
    expect(fields.filter((f) => f.marked && /拟|预计|计划|签字|盖章|填表|填报/.test(f.title))).toEqual([]);
  });
});
