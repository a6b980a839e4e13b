/** What registration and password reset accept (zod): real-name fields with their check digits. */
import { z } from "zod";
import { creditCodeProblem, residentIdProblem } from "@/runtime/forms/formats";

const MOBILE = /^1[3-9]\d{9}$/;

/** An 11-digit mobile number; `+86`, spaces and dashes are dropped. */
export const mobileInput = z
  .string()
  .trim()
  .max(20, "手机号应为11位数字")
  .transform((value) => value.replace(/[\s-]/g, "").replace(/^\+?86(?=1\d{10}$)/, ""))
  .refine((value) => MOBILE.test(value), "手机号应为以13–19开头的11位数字");

export const usernameInput = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9._-]{3,31}$/, "用户名须为 4–32 个字母、数字、点、下划线或连字符，以字母开头");

export const codeInput = z.string().trim().regex(/^\d{6}$/, "验证码为6位数字");

export const passwordInput = z.string().min(1, "请输入密码").max(128, "密码最多 128 个字符");

const personName = z
  .string()
  .trim()
  .min(2, "请输入姓名（至少2个字）")
  .max(30, "姓名最多30个字")
  .regex(/^[\u4e00-\u9fa5·A-Za-z\s]+$/, "姓名只能包含汉字、字母和间隔号");

export const residentIdInput = z
  .string()
  .trim()
  .max(18, "居民身份证号应为18位")
  .transform((value) => value.toUpperCase())
  .superRefine((value, ctx) => {
    const problem = residentIdProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `居民身份证号${problem}` });
  });

export const creditCodeInput = z
  .string()
  .trim()
  .max(18, "统一社会信用代码应为18位")
  .transform((value) => value.toUpperCase())
  .superRefine((value, ctx) => {
    const problem = creditCodeProblem(value);
    if (problem) ctx.addIssue({ code: "custom", message: `统一社会信用代码${problem}` });
  });

export const sendCodeInput = z.object({ phone: mobileInput, purpose: z.enum(["register", "reset"]) });

export const registerPersonInput = z.object({
  name: personName,
  idNumber: residentIdInput,
  phone: mobileInput,
  username: usernameInput,
  password: passwordInput,
  code: codeInput,
});

export const registerOrganisationInput = z.object({
  organisationName: z.string().trim().min(2, "请输入单位名称").max(100, "单位名称最多100个字"),
  creditCode: creditCodeInput,
  contactName: personName,
  phone: mobileInput,
  username: usernameInput,
  password: passwordInput,
  code: codeInput,
});

export const resetPasswordInput = z.object({ phone: mobileInput, code: codeInput, password: passwordInput });

export type RegisterPersonInput = z.output<typeof registerPersonInput>;
export type RegisterOrganisationInput = z.output<typeof registerOrganisationInput>;
export type ResetPasswordInput = z.output<typeof resetPasswordInput>;
