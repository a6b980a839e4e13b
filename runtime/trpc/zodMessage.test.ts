/** The register page's error summary names each field by its Chinese label, never its input key. */
import { describe, expect, it } from "vitest";
import { registerOrganisationInput, registerPersonInput } from "@/runtime/features/accounts/inputs";
import { zodMessage } from "./init";

describe("zod input errors", () => {
  it("name the Chinese field label, once per problem", () => {
    const parsed = registerPersonInput.safeParse({ name: "", idNumber: "123", phone: "12", username: "1a", password: "", code: "x" });
    expect(parsed.success).toBe(false);
    const message = zodMessage(parsed.error!);
    expect(message).toMatch(/^输入有误：/);
    for (const key of ["name", "idNumber", "phone", "username", "password", "code"]) expect(message).not.toContain(key);
    for (const label of ["居民身份证号", "手机号", "用户名", "密码", "验证码"]) expect(message).toContain(label);
    const lines = message.replace(/^输入有误：/, "").split("；");
    expect(new Set(lines).size).toBe(lines.length);
  });

  it("name an organisation's fields", () => {
    const parsed = registerOrganisationInput.safeParse({ organisationName: "", creditCode: "1", contactName: "", phone: "1", username: "ab", password: "", code: "" });
    const message = zodMessage(parsed.error!);
    for (const key of ["organisationName", "creditCode", "contactName"]) expect(message).not.toContain(key);
    expect(message).toContain("统一社会信用代码");
    expect(message).toContain("单位名称");
  });
});
