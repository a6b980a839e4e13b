import { describe, expect, it, vi } from "vitest";
import { attestationSchema } from "./attestation";
import { createAjv, FormValidatorCache } from "./ajv";
import { validateFormData } from "./validate";

const form = {
  id: "applicant",
  schema: {
    $schema: "http://json-schema.org/draft-07/schema#",
    type: "object",
    title: "申请表",
    properties: {
      f01_name: { type: "string", title: "姓名", minLength: 1 },
      f02_id_number: { type: "string", title: "身份证号", format: "cn-resident-id" },
      f03_credit_code: { type: "string", title: "统一社会信用代码", format: "cn-credit-code" },
      f04_phone: { type: "string", title: "联系电话", format: "cn-phone" },
      f05_month: { type: "string", title: "变更年月", format: "year-month" },
      f06_amount: { type: "number", title: "补贴金额", minimum: 0, format: "amount" },
      f07_count: { type: "integer", title: "参保人数", minimum: 0 },
      f08_date: { type: "string", title: "填报时间", format: "date" },
      f09_staff: {
        type: "array",
        title: "人员名单",
        minItems: 1,
        items: {
          type: "object",
          properties: {
            f01_name: { type: "string", title: "姓名", minLength: 1 },
            f02_phone: { type: "string", title: "联系电话", format: "cn-phone" },
          },
          required: ["f01_name"],
        },
      },
      f10_kind: { type: "string", title: "户籍类别", enum: ["农业", "非农"] },
      f11_services: { type: "array", title: "需要的服务", items: { type: "string", enum: ["职业指导", "创业培训"] }, uniqueItems: true, minItems: 1 },
      f12_signature: attestationSchema("本人签字", "signature", { required: true, dated: true }),
    },
    required: ["f01_name", "f02_id_number", "f09_staff", "f11_services", "f12_signature"],
  },
};

const valid = {
  f01_name: "张三",
  f02_id_number: "11010519491231002X",
  f03_credit_code: "91350100M000100Y43",
  f04_phone: "0471-6981234",
  f05_month: "2024-03",
  f06_amount: 1500.5,
  f07_count: 3,
  f08_date: "2024-03-01",
  f09_staff: [{ f01_name: "李四", f02_phone: "13800138000" }],
  f10_kind: "农业",
  f11_services: ["创业培训"],
  f12_signature: { signed: true, name: "张三", date: "2024-03-01" },
};

const messages = (data: unknown) => {
  const result = validateFormData(form, data);
  return result.ok ? [] : result.errors.map((e) => e.message);
};

describe("validateFormData", () => {
  it("accepts valid data", () => {
    expect(validateFormData(form, valid)).toEqual({ ok: true });
  });

  it("refuses a blank submission, naming every required field in Chinese", () => {
    const result = validateFormData(form, {});
    expect(result.ok).toBe(false);
    expect(messages({})).toEqual(["姓名：必填", "身份证号：必填", "人员名单：必填", "需要的服务：必填", "本人签字：必填"]);
    expect(result.ok ? null : result.errors[0].path).toBe("/f01_name");
  });

  it("explains format problems precisely", () => {
    expect(messages({ ...valid, f02_id_number: "110105194912310021" })).toEqual(["身份证号：校验位不正确"]);
    expect(messages({ ...valid, f02_id_number: "110105199002300021" })).toEqual(["身份证号：出生日期不正确"]);
    expect(messages({ ...valid, f03_credit_code: "91350100M000100Y44" })).toEqual(["统一社会信用代码：校验位不正确"]);
    expect(messages({ ...valid, f04_phone: "6981234" })).toEqual(["联系电话：应为11位手机号或带区号的固定电话（如 0471-1234567）"]);
    expect(messages({ ...valid, f05_month: "2024-13" })).toEqual(["变更年月：应为年月，格式 YYYY-MM"]);
    expect(messages({ ...valid, f06_amount: 1.005 })).toEqual(["补贴金额：应为不小于0的金额，最多两位小数"]);
    expect(messages({ ...valid, f08_date: "2024-02-30" })).toEqual(["填报时间：应为有效日期（YYYY-MM-DD）"]);
  });

  it("explains types, limits, options and lists", () => {
    expect(messages({ ...valid, f07_count: 1.5 })).toEqual(["参保人数：应为整数"]);
    expect(messages({ ...valid, f07_count: -1 })).toEqual(["参保人数：不能小于0"]);
    expect(messages({ ...valid, f01_name: "" })).toEqual(["姓名：必填"]);
    expect(messages({ ...valid, f10_kind: "城镇" })).toEqual(["户籍类别：请从以下选项中选择：农业、非农"]);
    expect(messages({ ...valid, f11_services: [] })).toEqual(["需要的服务：至少选择一项"]);
    expect(messages({ ...valid, f11_services: ["创业培训", "创业培训"] })).toEqual(["需要的服务：不能有重复项"]);
    expect(messages({ ...valid, f09_staff: [] })).toEqual(["人员名单：至少填写一项"]);
    expect(messages({ ...valid, f09_staff: [{ f02_phone: "123" }] })).toEqual([
      "人员名单第1行·姓名：必填",
      "人员名单第1行·联系电话：手机号应为以13–19开头的11位数字",
    ]);
  });

  it("requires the attestation to be ticked, named and dated", () => {
    expect(messages({ ...valid, f12_signature: { signed: false, name: "张三", date: "2024-03-01" } })).toEqual([
      "本人签字：请勾选确认",
    ]);
    expect(messages({ ...valid, f12_signature: {} })).toEqual([
      "本人签字：请勾选确认",
      "本人签字·签字人姓名：必填",
      "本人签字·签字日期：必填",
    ]);
  });

  it("returns paths as JSON pointers", () => {
    const result = validateFormData(form, { ...valid, f09_staff: [{ f01_name: "李四", f02_phone: "1" }] });
    expect(result.ok ? [] : result.errors.map((e) => e.path)).toEqual(["/f09_staff/0/f02_phone"]);
  });
});

describe("FormValidatorCache", () => {
  it("compiles each (version id, form id) once", () => {
    const ajv = createAjv();
    const compile = vi.spyOn(ajv, "compile");
    const cache = new FormValidatorCache(ajv);
    const first = cache.get("v1", form);
    expect(cache.get("v1", form)).toBe(first);
    expect(compile).toHaveBeenCalledTimes(1);
    expect(cache.get("v2", form)).not.toBe(first);
    expect(compile).toHaveBeenCalledTimes(2);
    expect(cache.has("v1", "applicant")).toBe(true);
    expect(validateFormData(form, valid, { versionId: "v1", cache })).toEqual({ ok: true });
    expect(compile).toHaveBeenCalledTimes(2);
  });

  it("caches unversioned forms by schema object and evicts the oldest entries", () => {
    const ajv = createAjv();
    const compile = vi.spyOn(ajv, "compile");
    const cache = new FormValidatorCache(ajv, 2);
    cache.get(undefined, form);
    cache.get(undefined, form);
    expect(compile).toHaveBeenCalledTimes(1);
    cache.get("a", form);
    cache.get("b", form);
    cache.get("c", form);
    expect(cache.size).toBe(2);
    expect(cache.has("a", form.id)).toBe(false);
  });

  it("rejects an invalid schema at compile time", () => {
    expect(() => validateFormData({ id: "bad", schema: { type: "object", properties: { a: { type: "nope" } } } }, {})).toThrow(
      /^schema is invalid: data\/properties\/a\/type must be equal to one of the allowed values/,
    );
  });
});
