/**
 * Service names: the document heads each item with the kind of text it is (`…规范`, `…办事指南`,
 * `…流程指南`); the service is named without it, as the hall, the forms and the letters
 * (“您于…提交的“工伤认定”申请”) show it.
 */
import { describe, expect, it } from "vitest";
import { seededTemplates } from "@/tests/support/seededTemplates";

const templates = seededTemplates();
const title = (code: string) => templates.find((t) => t.code === code)?.title;

describe("seeded service names", () => {
  it("name the service, not the guide", () => {
    expect(title("s001")).toBe("企业社会保险登记");
    expect(title("s074")).toBe("工伤认定");
    expect(title("s122")).toBe("就业见习补贴申领");
    expect(title("s141")).toBe("劳动人事争议仲裁申请");
    expect(title("s146-01")).toBe("档案的接收");
    for (const t of templates) expect(t.title, t.code).not.toMatch(/(?:办事指南|工作指南|流程指南|规范)$/);
  });

  it("stay unique", () => {
    const titles = templates.map((t) => t.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
