/**
 * The identity blocks of a generated form (工伤认定申请表, s074): prefilled from the account, a
 * typed ID that is not the account's flagged; 代办 asks the relation and the 代办人, and a
 * 授权委托书 is required only then; every problem is one line naming its form, section and field.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { serviceDefinition } from "@/runtime/definition/schema";
import { applicantForms, requiredUploads } from "@/runtime/definition/requirements";
import { submissionProblems } from "./submissionCheck";
import { FILING_ON_BEHALF, FILING_SELF, identityFlags, prefillIdentity, type AccountIdentity } from "./identity";
import { residentIdCheckChar } from "./formats";

const service = serviceDefinition.parse(JSON.parse(readFileSync(path.join(import.meta.dirname, "../../seed/templates/s074.json"), "utf8")));
const [form] = applicantForms(service);
const id = (first17: string) => first17 + residentIdCheckChar(first17);
const ownId = id("15010219850612003");
const relativeId = id("15010219600101002");
const account: AccountIdentity = { kind: "person", name: "乌云其木格", idNumber: ownId, organisationName: null, creditCode: null, phone: "13900001001" };

const filled = (data: Record<string, unknown>) => ({
  ...data,
  matter: { workerName: "巴特尔", workerIdNumber: relativeId, time: "2026-11-02", place: "呼和浩特市新城区某工地", cause: "高处坠落", degree: "左腿骨折" },
  declaration: { signed: true, name: "乌云其木格" },
});

describe("prefill from the account", () => {
  it("fills the applicant block when filing for oneself, and chooses 本人申请", () => {
    const data = prefillIdentity(form.schema, {}, account);
    expect(data.filingMode).toBe(FILING_SELF);
    expect(data.applicant).toMatchObject({ kind: "个人", name: "乌云其木格", idNumber: ownId, phone: "13900001001" });
  });

  it("never overwrites what the applicant typed", () => {
    const data = prefillIdentity(form.schema, { applicant: { name: "乌云" } }, account);
    expect(data.applicant).toMatchObject({ name: "乌云", idNumber: ownId });
  });

  it("moves the account to the 代办人 block when 代他人申请 is chosen, and empties the applicant's own values", () => {
    const self = prefillIdentity(form.schema, {}, account);
    const switched = prefillIdentity(form.schema, { ...self, filingMode: FILING_ON_BEHALF }, account, self);
    expect(switched.agent).toMatchObject({ name: "乌云其木格", idNumber: ownId, phone: "13900001001" });
    expect(switched.applicant).toEqual({ kind: "个人" });
  });

  it("fills an organisation's name, credit code and 经办人", () => {
    const company: AccountIdentity = { kind: "organisation", name: "张经办", idNumber: null, organisationName: "呼和浩特市示例有限公司", creditCode: "91150100MA0N000000", phone: "13900002002" };
    expect(prefillIdentity(form.schema, {}, company).applicant).toMatchObject({ kind: "单位", organisationName: "呼和浩特市示例有限公司", creditCode: "91150100MA0N000000", name: "张经办" });
  });
});

describe("a typed ID that is not the account's", () => {
  it("is flagged in 申请人信息 when filing for oneself", () => {
    const data = prefillIdentity(form.schema, {}, account);
    expect(identityFlags(form.schema, data, account)).toEqual([]);
    const flags = identityFlags(form.schema, { ...data, applicant: { ...(data.applicant as object), idNumber: relativeId } }, account);
    expect(flags).toHaveLength(1);
    expect(flags[0]).toMatchObject({
      path: "/applicant/idNumber",
      message: expect.stringContaining("与您账号登记的身份证号不一致"),
      staffMessage: "“申请人信息”中的公民身份号码与提交人账号登记的身份证号不一致，且申请方式为“本人申请”",
    });
  });

  it("is flagged in 代办人信息 when filing for another, as is an applicant who is the account holder", () => {
    const data = { filingMode: FILING_ON_BEHALF, applicant: { kind: "个人", name: "巴特尔", idNumber: ownId }, agent: { relation: "近亲属", name: "乌云其木格", idNumber: relativeId } };
    const paths = identityFlags(form.schema, data, account).map((f) => f.path);
    expect(paths).toEqual(["/agent/idNumber", "/applicant/idNumber"]);
  });

  it("is not flagged when a relative files with the relative's own ID as applicant", () => {
    const data = { filingMode: FILING_ON_BEHALF, applicant: { kind: "个人", name: "巴特尔", idNumber: relativeId }, agent: { relation: "近亲属", name: "乌云其木格", idNumber: ownId } };
    expect(identityFlags(form.schema, data, account)).toEqual([]);
  });
});

describe("代办 (filing for another)", () => {
  const uploadsOf = (data: Record<string, unknown>) => requiredUploads(service, { [form.id]: data }).map((m) => m.id);
  const allUploaded = (data: Record<string, unknown>) => new Set(requiredUploads(service, { [form.id]: data }).map((m) => m.id));

  it("requires the 授权委托书 only when 代他人申请 is chosen", () => {
    expect(uploadsOf({ filingMode: FILING_SELF })).not.toContain("m-poa");
    expect(uploadsOf({ filingMode: FILING_ON_BEHALF })).toContain("m-poa");
  });

  it("refuses a filing for another without the relation, the 代办人 and the 授权委托书", () => {
    const data = filled({ filingMode: FILING_ON_BEHALF, applicant: { kind: "个人", name: "巴特尔", idNumber: relativeId, phone: "13900003003" } });
    const problems = submissionProblems(service, { formData: { [form.id]: data }, uploadedMaterialIds: new Set(["m2", "m3"]) });
    const messages = problems.map((p) => p.message);
    expect(messages).toContain("《工伤认定申请表》代办人信息：必填");
    expect(messages.some((m) => m.startsWith("缺少必要材料：授权委托书"))).toBe(true);

    const withAgent = { ...data, agent: { name: "乌云其木格", phone: "13900001001" } };
    const again = submissionProblems(service, { formData: { [form.id]: withAgent }, uploadedMaterialIds: new Set(["m2", "m3"]) }).map((p) => p.message);
    expect(again).toContain("《工伤认定申请表》代办人信息·与申请人的关系：必填");

    const complete = { ...data, agent: { relation: "近亲属", name: "乌云其木格", idNumber: ownId, phone: "13900001001" } };
    expect(submissionProblems(service, { formData: { [form.id]: complete }, uploadedMaterialIds: allUploaded(complete) })).toEqual([]);
  });

  it("files for oneself without any 代办 part", () => {
    const data = filled(prefillIdentity(form.schema, {}, account));
    expect(submissionProblems(service, { formData: { [form.id]: data }, uploadedMaterialIds: new Set(["m2", "m3"]) })).toEqual([]);
  });
});

describe("error messages", () => {
  it("are one line per problem, each naming its form, section and field, none vague", () => {
    const problems = submissionProblems(service, { formData: { [form.id]: { filingMode: FILING_SELF, applicant: { kind: "个人" }, matter: { place: "" } } }, uploadedMaterialIds: new Set() });
    const messages = problems.map((p) => p.message);
    expect(new Set(messages).size).toBe(messages.length);
    for (const message of messages.filter((m) => m.startsWith("《"))) {
      expect(message).toMatch(/^《工伤认定申请表》(申请人信息|基本情况|申请人签字[^·：]*)(·[^：]+)?：/);
      expect(message).not.toContain("填写有误");
      expect(message).not.toMatch(/[a-z]{3,}/);
    }
    expect(messages).toEqual(
      expect.arrayContaining([
        "《工伤认定申请表》申请人信息·姓名（单位申请的，填经办人姓名）：必填",
        "《工伤认定申请表》申请人信息·公民身份号码：必填",
        "《工伤认定申请表》申请人信息·联系电话：必填",
        "《工伤认定申请表》基本情况·事故发生地点：必填",
      ]),
    );
  });
});
