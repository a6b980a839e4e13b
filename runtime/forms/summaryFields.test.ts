import { describe, expect, it } from "vitest";
import { readTemplates } from "@/seed/loadTemplates";
import { summaryFields } from "./summaryFields";
import { hideOfficeUse } from "./officeUse";
import { hideOrganisationOnly } from "./organisationOnly";
import { applicantUiSchema } from "./applicantUi";

type Json = Record<string, unknown>;
const titles = (schema: Json, data: Json, ui?: unknown, root?: Json) => summaryFields(schema, data, ui, root).map((f) => `${f.key}:${f.title}`);

describe("the fields a filled form's summary lists", () => {
  it("lists a field declared in a condition (allOf → if/then) by its title, in the order of ui:order", () => {
    const applicant: Json = {
      type: "object",
      properties: { kind: { type: "string", title: "申请人类型" }, name: { type: "string", title: "姓名" }, phone: { type: "string", title: "联系电话" }, address: { type: "string", title: "联系地址" } },
      allOf: [
        { if: { properties: { kind: { const: "单位" } } }, then: { properties: { creditCode: { type: "string", title: "统一社会信用代码" } } } },
        { if: { properties: { kind: { const: "个人" } } }, then: { properties: { idNumber: { type: "string", title: "公民身份号码" } }, required: ["idNumber"] } },
      ],
    };
    const ui = { "ui:order": ["kind", "creditCode", "name", "idNumber", "phone", "address"] };
    const data = { kind: "个人", name: "张三", phone: "13800471234", idNumber: "150102199003071237" };
    expect(titles(applicant, data, ui)).toEqual(["kind:申请人类型", "name:姓名", "idNumber:公民身份号码", "phone:联系电话", "address:联系地址"]);
    // without ui:order: declared fields first, then those of the conditions
    expect(titles(applicant, data)).toEqual(["kind:申请人类型", "name:姓名", "phone:联系电话", "address:联系地址", "idNumber:公民身份号码"]);
  });

  it("reads a field behind a $ref (and its title) and fields of anyOf/oneOf/dependencies branches", () => {
    const root: Json = {
      type: "object",
      definitions: { address: { type: "object", title: "住址", properties: { city: { type: "string", title: "城市" } } }, id: { type: "string", title: "公民身份号码" } },
      properties: { home: { $ref: "#/definitions/address" }, idNumber: { $ref: "#/definitions/id" }, mode: { type: "string", title: "方式" } },
      oneOf: [{ properties: { mail: { type: "string", title: "邮寄地址" } } }],
      dependencies: { mode: { properties: { note: { type: "string", title: "说明" } } } },
    };
    const data = { home: { city: "呼和浩特" }, idNumber: "150102199003071237", mode: "邮寄", mail: "新华大街1号", note: "无" };
    expect(titles(root, data)).toEqual(["home:住址", "idNumber:公民身份号码", "mode:方式", "mail:邮寄地址", "note:说明"]);
    const home = summaryFields(root, data).find((f) => f.key === "home")!;
    expect(titles(home.schema, data.home, undefined, root)).toEqual(["city:城市"]);
  });

  it("leaves out a conditional field without data and keeps data the schema does not declare, last", () => {
    const schema: Json = {
      type: "object",
      properties: { a: { type: "string", title: "甲" } },
      allOf: [{ if: { properties: { a: { const: "x" } } }, then: { properties: { b: { type: "string", title: "乙" } } } }],
    };
    expect(titles(schema, {})).toEqual(["a:甲"]);
    expect(titles(schema, { zz: 1, a: "x" })).toEqual(["a:甲", "zz:zz"]);
  });

  it("工伤认定 (s074): the applicant's 公民身份号码 by its title, after 姓名 as the form shows it", () => {
    const form = readTemplates().find((d) => d.code === "s074")!.forms[0];
    const schema = form.schema as Json;
    const ui = form.uiSchema as Json;
    const applicantSchema = (schema.properties as Record<string, Json>).applicant;
    const data = { kind: "个人", name: "张三", phone: "13800471234", address: "呼和浩特市", idNumber: "150102199003071237" };
    expect(summaryFields(applicantSchema, data, ui.applicant, schema).map((f) => f.title)).toEqual([
      "申请人类型",
      "姓名（单位申请的，填经办人姓名）",
      "公民身份号码",
      "联系电话",
      "联系地址",
    ]);
  });

  it("城乡居民基本养老保险注销 (s070): a person's summary leaves out what a person's form hides (单位盖章, the office's fields); an organisation's keeps the seal", () => {
    const form = readTemplates().find((d) => d.code === "s070")!.forms[0];
    const schema = form.schema as Json;
    const keys = (ui: unknown) => summaryFields(schema, {}, ui).map((f) => f.key);
    const person = keys(hideOfficeUse(hideOrganisationOnly(form.uiSchema)));
    expect(person).not.toContain("f20_applicant"); // 申请人 (盖章): organisations only
    expect(person).not.toContain("f21_opinion"); // 县（市、区）社保机构审核意见: the office's
    expect(person).not.toContain("f22"); // 经办人 (盖章): the office's
    expect(person).toContain("f23_signature");
    expect(person).toEqual(keys(applicantUiSchema(form.uiSchema, { hideOfficeUse: true, hideOrganisationOnly: true })));
    const organisation = keys(applicantUiSchema(form.uiSchema, { hideOfficeUse: true }));
    expect(organisation).toContain("f20_applicant");
    expect(organisation).not.toContain("f22");
    // staff read everything
    expect(keys(form.uiSchema)).toEqual(expect.arrayContaining(["f20_applicant", "f21_opinion", "f22"]));
  });

  it("leaves out a field its uiSchema hides (ui:widget hidden), data or not, in objects and rows", () => {
    const schema: Json = {
      type: "object",
      properties: { a: { type: "string", title: "甲" }, b: { type: "string", title: "乙" }, rows: { type: "array", items: { type: "object", properties: { c: { type: "string", title: "丙" }, d: { type: "string", title: "丁" } } } } },
    };
    const ui = { b: { "ui:widget": "hidden" }, rows: { items: { d: { "ui:widget": "hidden" } } } };
    expect(titles(schema, { a: "1", b: "2" }, ui)).toEqual(["a:甲", "rows:rows"]);
    const rows = summaryFields(schema, {}, ui).find((f) => f.key === "rows")!;
    expect(titles(rows.schema.items as Json, { c: "x", d: "y" }, ui.rows.items, schema)).toEqual(["c:丙"]);
  });
});
