import { describe, expect, it } from "vitest";
import { attestationSchema } from "./attestation";
import { createAjv } from "./ajv";
import {
  createTransformErrors,
  describeError,
  describePath,
  fieldErrors,
  localizeAjvError,
  localizeAjvErrors,
  transformErrors,
} from "./messages";
import { formValidator } from "./rjsfValidator";

const schema = {
  type: "object",
  title: "申请表",
  properties: {
    f01_name: { type: "string", title: "姓名", minLength: 1 },
    f02_id_number: { type: "string", title: "身份证号", format: "cn-resident-id" },
    f03_staff: {
      type: "array",
      title: "人员名单",
      items: {
        type: "object",
        properties: { f01_phone: { type: "string", title: "联系电话", format: "cn-phone" } },
      },
    },
    f04_seal: attestationSchema("单位名称（盖章）", "seal", { required: true, dated: false }),
  },
  required: ["f01_name", "f02_id_number", "f04_seal"],
};

describe("describeError", () => {
  it("says what is wrong in Chinese", () => {
    expect(describeError("required", { missingProperty: "x" })).toBe("必填");
    expect(describeError("format", { format: "cn-resident-id" }, undefined, "110105194912310021")).toBe("校验位不正确");
    expect(describeError("format", { format: "cn-resident-id" })).toBe("身份证号码不正确（18位，含校验位）");
    expect(describeError("format", { format: "date" })).toBe("应为有效日期（YYYY-MM-DD）");
    expect(describeError("type", { type: "integer" })).toBe("应为整数");
    expect(describeError("minimum", { limit: 0 })).toBe("不能小于0");
    expect(describeError("maxLength", { limit: 20 })).toBe("不能超过20个字");
    expect(describeError("pattern", { pattern: "^\\d{6}$" })).toBe("应为6位数字");
    expect(describeError("enum", { allowedValues: [true] }, { type: "boolean", enum: [true] })).toBe("请勾选确认");
    expect(describeError("whatever", {})).toBe("不符合本项的填写要求（whatever）");
  });
});

describe("describePath", () => {
  it("names nested fields by titles, rows by number, attestation boxes by the attestation", () => {
    expect(describePath(schema, "/f01_name")).toBe("姓名");
    expect(describePath(schema, "/f03_staff/1/f01_phone")).toBe("人员名单第2行·联系电话");
    expect(describePath(schema, "/f04_seal/signed")).toBe("单位名称（盖章）");
    expect(describePath(schema, "/f04_seal/name")).toBe("单位名称（盖章）·盖章单位名称");
    expect(describePath(schema, "/unknown")).toBe("unknown");
  });
});

describe("localized ajv errors", () => {
  const validate = createAjv().compile(schema);

  it("names the field by its title: “身份证号：校验位不正确”, “姓名：必填”", () => {
    validate({ f02_id_number: "110105194912310021", f04_seal: { signed: true, name: "某单位" } });
    expect(fieldErrors(validate.errors, schema)).toEqual([
      { path: "/f01_name", message: "姓名：必填" },
      { path: "/f02_id_number", message: "身份证号：校验位不正确" },
    ]);
  });

  it("works without the root schema (title of the parent schema)", () => {
    validate({ f01_name: "张三", f02_id_number: "11010519491231002X", f03_staff: [{ f01_phone: "x" }], f04_seal: { signed: false, name: "某单位" } });
    expect((validate.errors ?? []).map((e) => localizeAjvError(e))).toEqual([
      "联系电话：应为11位手机号或带区号的固定电话（如 0471-1234567）",
      "单位：已加盖公章（电子签章）确认：请勾选确认",
    ]);
    localizeAjvErrors(validate.errors);
    expect(validate.errors?.[0].message).toBe("联系电话：应为11位手机号或带区号的固定电话（如 0471-1234567）");
  });
});

describe("rjsf", () => {
  it("the rjsf validator knows the custom formats and localizes messages", () => {
    const { errors } = formValidator.validateFormData(
      { f01_name: "张三", f02_id_number: "110105194912310021", f04_seal: { signed: true, name: "某单位" } },
      schema as never,
      undefined,
      transformErrors,
    );
    expect(errors.map((e) => [e.property, e.message, e.stack])).toEqual([
      [".f02_id_number", "身份证号：校验位不正确", "身份证号：校验位不正确"],
    ]);
    const blank = formValidator.validateFormData({}, schema as never, undefined, transformErrors);
    expect(blank.errors.map((e) => e.message)).toEqual(["姓名：必填", "身份证号：必填", "单位名称（盖章）：必填"]);
    const valid = formValidator.validateFormData(
      { f01_name: "张三", f02_id_number: "11010519491231002X", f03_staff: [{ f01_phone: "13800138000" }], f04_seal: { signed: true, name: "某单位" } },
      schema as never,
    );
    expect(valid.errors).toEqual([]);
  });

  it("createTransformErrors localizes errors of a plain rjsf validator, naming the path", () => {
    const transform = createTransformErrors(schema);
    const out = transform([
      { name: "required", property: ".f01_name", message: "must have required property 'f01_name'", params: { missingProperty: "f01_name" }, stack: "x" },
      { name: "format", property: ".f03_staff.0.f01_phone", message: 'must match format "cn-phone"', params: { format: "cn-phone" }, stack: "x" },
      { name: "enum", property: ".f04_seal.signed", message: "must be equal to one of the allowed values", params: { allowedValues: [true] }, stack: "x" },
    ]);
    expect(out.map((e) => e.message)).toEqual([
      "姓名：必填",
      "人员名单第1行·联系电话：应为11位手机号或带区号的固定电话（如 0471-1234567）",
      "单位名称（盖章）：请勾选确认",
    ]);
    expect(out.every((e) => e.stack === e.message)).toBe(true);
  });
});

describe("designer-written schemas", () => {
  it("uses the field's own pattern message and names fields declared inside if/then", () => {
    const schema = {
      type: "object",
      properties: {
        hasAgent: { type: "boolean", title: "是否委托代理人" },
        postcode: { type: "string", title: "邮政编码", pattern: "^\\d{6}$" },
        code: { type: "string", title: "工号", pattern: "^[A-Z]{2}\\d{4}$", errorMessage: { pattern: "工号应为两个大写字母加四位数字" } },
      },
      allOf: [{ if: { properties: { hasAgent: { const: true } } }, then: { properties: { agentName: { type: "string", title: "代理人姓名", minLength: 1 } }, required: ["agentName"] } }],
    };
    const ajv = createAjv({ strict: false });
    const validate = ajv.compile(schema);
    validate({ hasAgent: true, postcode: "123", code: "ab12" });
    const messages = fieldErrors(validate.errors, schema).map((e) => e.message);
    expect(messages).toContain("工号：工号应为两个大写字母加四位数字");
    expect(messages).toContain("邮政编码：应为6位数字");
    expect(messages).toContain("代理人姓名：必填");
  });
});
