import { describe, expect, it } from "vitest";
import { attestationSchema } from "./attestation";
import { sampleFormData, sampleValue } from "./sample";
import { validateFormData } from "./validate";

describe("sampleFormData", () => {
  it("fills every kind of field with a valid value", () => {
    const schema = {
      type: "object",
      properties: {
        name: { type: "string", title: "姓名", minLength: 1 },
        id: { type: "string", title: "身份证号", format: "cn-resident-id" },
        credit: { type: "string", format: "cn-credit-code" },
        phone: { type: "string", format: "cn-phone" },
        month: { type: "string", format: "year-month" },
        date: { type: "string", format: "date" },
        email: { type: "string", format: "email" },
        postcode: { type: "string", pattern: "^\\d{6}$" },
        year: { type: "integer", minimum: 1900, maximum: 2100 },
        count: { type: "integer", minimum: 0 },
        money: { type: "number", minimum: 0, format: "amount" },
        kind: { type: "string", enum: ["农业", "非农"] },
        services: { type: "array", items: { type: "string", enum: ["a", "b"] }, uniqueItems: true, minItems: 1 },
        rows: { type: "array", minItems: 2, items: { type: "object", properties: { n: { type: "string" } }, required: ["n"] } },
        agree: { type: "boolean" },
        sign: attestationSchema("本人签字", "signature", { required: true, dated: true }),
        seal: attestationSchema("单位（盖章）", "seal", { required: true, dated: false }),
      },
      required: ["name", "id", "rows", "sign", "seal"],
    };
    const data = sampleFormData(schema);
    expect(data.name).toBe("张三");
    expect(data.year).toBe(2024);
    expect(data.services).toEqual(["a"]);
    expect(data.rows).toHaveLength(2);
    expect(data.sign).toEqual({ signed: true, name: "张三", date: "2024-01-15" });
    expect((data.seal as { name: string }).name).toMatch(/公司/);
    expect(validateFormData({ id: "sample", schema }, data)).toEqual({ ok: true });
  });

  it("is deterministic and tolerates odd schemas", () => {
    expect(sampleValue({ const: 3 })).toBe(3);
    expect(sampleValue(undefined)).toBe("示例");
    expect(sampleFormData({ type: "string" })).toEqual({});
    expect(sampleFormData({ type: "object" })).toEqual({});
  });
});
