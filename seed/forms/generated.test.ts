/**
 * Generated application forms (generated.ts) over the committed templates: every service an
 * applicant can file online has a form; 工伤认定's asks what the document says its form contains;
 * a generated form says what it was built from, with lines that hold that text.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serviceDefinition, type ServiceDefinition } from "@/runtime/definition/schema";
import { applicantForms, filedOnline } from "@/runtime/definition/requirements";
import { validateFormData } from "@/runtime/forms/validate";
import { sampleFormData } from "@/runtime/forms/sample";
import { FILING_ON_BEHALF } from "@/runtime/forms/identity";
import { NOT_AFTER_TODAY } from "@/runtime/forms/notAfterToday";
import { listedContents } from "./generated";
import { parseOptionParts, restoreLostBoxes } from "./options";

const seedDir = path.join(import.meta.dirname, "..");
const templatesDir = path.join(seedDir, "templates");
const documentLines = readFileSync(path.join(seedDir, "source", "000_f296b97e2ab141b6.txt"), "utf8").split("\n");
const templates: ServiceDefinition[] = readdirSync(templatesDir)
  .filter((f) => f.endsWith(".json") && f !== "index.json")
  .map((f) => serviceDefinition.parse(JSON.parse(readFileSync(path.join(templatesDir, f), "utf8"))));
const byCode = (code: string) => templates.find((t) => t.code === code)!;
const props = (schema: unknown) => (schema as { properties: Record<string, { title: string; format?: string; properties?: Record<string, { title: string }> }> }).properties;

describe("a form for every service filed online", () => {
  const online = templates.filter((t) => filedOnline(t.guide));

  it("finds the online services (网上办理, 线上, apps)", () => {
    expect(online.length).toBeGreaterThan(60);
    expect(online.map((t) => t.code)).toEqual(expect.arrayContaining(["s074", "s097", "s112"]));
  });

  it.each(online.map((t) => [t.code, t] as const))("%s has a form the applicant fills", (_code, service) => {
    expect(applicantForms(service).length).toBeGreaterThan(0);
  });

  it("gives 12333 咨询 (s145-01) a question form, so it cannot be submitted empty", () => {
    const [form] = applicantForms(byCode("s145-01"));
    expect(form.generated).toBeDefined();
    const question = props(form.schema).question;
    expect(question.properties && Object.values(question.properties).map((p) => p.title)).toContain("咨询问题");
    const result = validateFormData(form, {});
    expect(result.ok).toBe(false);
  });
});

describe("工伤认定申请表 (s074), built from line 10492", () => {
  const service = byCode("s074");
  const [form] = applicantForms(service);

  it("asks for the time, place and cause of the accident and the degree of injury", () => {
    expect(form.title).toBe("工伤认定申请表");
    const matter = props(form.schema).matter;
    const titles = Object.values(matter.properties!).map((p) => p.title);
    expect(titles).toEqual(expect.arrayContaining(["事故发生时间", "事故发生地点", "事故发生原因", "职工伤害程度"]));
    expect((matter as unknown as { required: string[] }).required).toEqual(expect.arrayContaining(["time", "place", "cause", "degree"]));
  });

  it("refuses an accident after today: 事故发生时间 is a date marked not after today", () => {
    const time = (props(form.schema).matter.properties as Record<string, Record<string, unknown>>).time;
    expect(time).toMatchObject({ title: "事故发生时间", format: "date", [NOT_AFTER_TODAY]: true });
    const filled = sampleFormData(form.schema) as { matter: Record<string, unknown> };
    const future = { ...filled, matter: { ...filled.matter, time: "2027-01-15" } };
    expect(validateFormData(form, future, { today: "2026-12-05" })).toEqual({
      ok: false,
      errors: [{ path: "/matter/time", message: "基本情况·事故发生时间：不能晚于今天" }],
    });
  });

  it("is marked generated and cites lines that hold what it was built from", () => {
    expect(form.generated!.basis).toContain("事故发生的时间");
    const materials = form.generated!.from.find((f) => f.part === "materials")!;
    const cited = documentLines.slice(materials.first - 1, materials.last).join("\n");
    expect(cited).toContain("工伤认定申请表应当包括事故发生的时间、地点、原因以及职工伤害程度等基本情况");
  });

  it("is the material 《工伤认定申请表》 (filled, not uploaded), and offers 代办 to 近亲属 and 工会组织", () => {
    expect(service.materials.find((m) => m.name === "工伤认定申请表")!.formId).toBe(form.id);
    const relation = JSON.stringify(form.schema);
    expect(relation).toContain("近亲属");
    expect(relation).toContain("工会组织");
    const attorney = service.materials.find((m) => m.requiredWhen)!;
    expect(attorney).toMatchObject({ required: false, requiredWhen: { form: form.id, path: "/filingMode", equals: FILING_ON_BEHALF } });
    expect(attorney.name).toContain("授权委托书");
  });

  it("accepts a filled-in example and names whose signature the attestation is", () => {
    expect(validateFormData(form, sampleFormData(form.schema))).toEqual({ ok: true });
    expect(props(form.schema).declaration.title).toContain("代办人签字");
    expect(JSON.stringify(form.schema)).not.toContain("attestation:seal");
  });
});

describe("generated forms of services only people apply for", () => {
  it("never ask a person for a seal", () => {
    for (const service of templates) {
      for (const form of applicantForms(service).filter((f) => f.generated)) {
        const json = JSON.stringify(form.schema);
        expect(json, service.code).not.toContain("attestation:seal");
      }
    }
  });
});

describe("listedContents", () => {
  it("reads what a form “应当包括”, carrying the qualifier of the first item", () => {
    expect(listedContents("工伤认定申请表应当包括事故发生的时间、地点、原因以及职工伤害程度等基本情况")).toEqual([
      "事故发生的时间",
      "事故发生的地点",
      "事故发生的原因",
      "职工伤害程度",
    ]);
    expect(listedContents("劳动能力鉴定申请表")).toEqual([]);
  });
});

describe("option text garbled by the PDF", () => {
  it("restores the lost box of 「自取 (短信送达 (填写工伤职工手机号码: ___))」", () => {
    expect(restoreLostBoxes("☐ 自取 (短信送达 (填写工伤职工手机号码: ▁))")).toBe("☐ 自取 ☐ 短信送达 (填写工伤职工手机号码: ▁)");
    const parts = parseOptionParts("☐ 自取 (短信送达 (填写工伤职工手机号码: ▁))");
    const group = parts.find((p) => p.kind === "options");
    expect(group && group.kind === "options" && group.options).toEqual(["自取", "短信送达"]);
    expect(parts.some((p) => p.kind === "text" && p.text.includes("工伤职工手机号码"))).toBe(true);
  });

  it("leaves no option with an unbalanced parenthesis in any template", () => {
    for (const service of templates) {
      for (const form of service.forms) {
        for (const match of JSON.stringify(form.schema).matchAll(/"enum":\[([^\]]*)\]/g)) {
          for (const option of JSON.parse(`[${match[1]}]`) as unknown[]) {
            if (typeof option !== "string") continue;
            const open = (option.match(/[（(]/g) ?? []).length;
            const close = (option.match(/[）)]/g) ?? []).length;
            expect(open, `${service.code} ${option}`).toBe(close);
          }
        }
      }
    }
  });
});
