/**
 * Pure validators for the custom JSON Schema formats used by the forms of this platform.
 * They run everywhere (server, browser, tests) and depend on nothing.
 *
 * Format names registered in ajv (see `ajv.ts` / `rjsfValidator.ts`):
 *   - `cn-resident-id`  公民身份号码 (GB 11643-1999, 18 characters, ISO 7064 MOD 11-2 check digit)
 *   - `cn-credit-code`  统一社会信用代码 (GB 32100-2015, 18 characters, MOD 31 check character)
 *   - `cn-phone`        手机号 (1[3-9]xxxxxxxxx, optional +86) or 固定电话 with area code (0471-1234567)
 *   - `year-month`      年月 `YYYY-MM`
 *   - `amount`          金额: a finite number ≥ 0 with at most two decimals (applies to numbers)
 * plus the standard `date`, `email` … from ajv-formats.
 */

/** Names of the custom formats, as written in the schemas. */
export const FORMAT = {
  residentId: "cn-resident-id",
  creditCode: "cn-credit-code",
  phone: "cn-phone",
  yearMonth: "year-month",
  amount: "amount",
} as const;
export type CustomFormatName = (typeof FORMAT)[keyof typeof FORMAT];

// ---------------------------------------------------------------------------------------------
// 公民身份号码

/** First two digits of valid resident ID numbers (provincial-level divisions, 71 台湾, 81/82 港澳, 83 台湾居民居住证). */
const PROVINCE_CODES = new Set([
  "11", "12", "13", "14", "15",
  "21", "22", "23",
  "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46",
  "50", "51", "52", "53", "54",
  "61", "62", "63", "64", "65",
  "71", "81", "82", "83", "91",
]);
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK_CHARS = "10X98765432";

/** The ISO 7064 MOD 11-2 check character of the first 17 digits of a resident ID. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * ID_WEIGHTS[i];
  return ID_CHECK_CHARS[sum % 11];
}

/** Whether the date is a real calendar date between `minYear`-01-01 and 2099-12-31. */
export function isCalendarDate(year: number, month: number, day: number, minYear = 1900): boolean {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return false;
  if (year < minYear || year > 2099 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return day <= days;
}

/** Why a resident ID is invalid (Chinese, for messages), or null when it is valid. */
export function residentIdProblem(value: unknown): string | null {
  if (typeof value !== "string") return "应为文本";
  const id = value.trim();
  if (id.length !== 18) return "应为18位";
  if (!/^\d{17}[\dXx]$/.test(id)) return "只能包含数字，最后一位可以是X";
  if (!PROVINCE_CODES.has(id.slice(0, 2))) return "地区代码不正确";
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  if (!isCalendarDate(year, month, day, 1800)) return "出生日期不正确";
  if (residentIdCheckChar(id) !== id[17].toUpperCase()) return "校验位不正确";
  return null;
}

/** 公民身份号码: 18 characters, region code, valid birth date, MOD 11-2 check digit (X allowed). */
export function isResidentId(value: unknown): boolean {
  return residentIdProblem(value) === null;
}

// ---------------------------------------------------------------------------------------------
// 统一社会信用代码

/** The 31 characters of GB 32100-2015 (no I, O, Z, S, V), in value order 0…30. */
const CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The MOD 31 check character of the first 17 characters of a unified social credit code. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]) * CREDIT_WEIGHTS[i];
  return CREDIT_CHARS[(31 - (sum % 31)) % 31];
}

/** Why a unified social credit code is invalid (Chinese, for messages), or null when it is valid. */
export function creditCodeProblem(value: unknown): string | null {
  if (typeof value !== "string") return "应为文本";
  const code = value.trim();
  if (code.length !== 18) return "应为18位";
  if (!/^[0-9A-HJ-NP-RTUWXY]{18}$/.test(code)) return "只能包含数字和大写字母（不含 I、O、Z、S、V）";
  if (!/^\d{6}$/.test(code.slice(2, 8))) return "第3至8位应为行政区划代码";
  if (creditCodeCheckChar(code) !== code[17]) return "校验位不正确";
  return null;
}

/** 统一社会信用代码 (GB 32100-2015). */
export function isCreditCode(value: unknown): boolean {
  return creditCodeProblem(value) === null;
}

// ---------------------------------------------------------------------------------------------
// 电话

const MOBILE = /^(?:\+?86[- ]?)?1[3-9]\d{9}$/;
/** 0 + 2–3 digit area code, optional separator or parentheses, 7–8 digit number, optional extension. */
const LANDLINE = /^(?:\(0\d{2,3}\)|（0\d{2,3}）|0\d{2,3}[- ]?)[1-9]\d{6,7}(?:(?:-|转|ext\.?)\d{1,6})?$/i;

/** Why a phone number is invalid, or null when it is valid. */
export function phoneProblem(value: unknown): string | null {
  if (typeof value !== "string") return "应为文本";
  const phone = value.trim();
  if (MOBILE.test(phone) || LANDLINE.test(phone)) return null;
  if (/^1\d*$/.test(phone)) return "手机号应为以13–19开头的11位数字";
  return "应为11位手机号或带区号的固定电话（如 0471-1234567）";
}

/** 手机号 `1[3-9]\d{9}` (optionally +86) or 固定电话 with area code (`0471-1234567`, `(0471)1234567`). */
export function isPhone(value: unknown): boolean {
  return phoneProblem(value) === null;
}

// ---------------------------------------------------------------------------------------------
// 年月 / 金额

/** `YYYY-MM`, year 1900–2099. */
export function isYearMonth(value: unknown): boolean {
  if (typeof value !== "string") return false;
  const m = /^(\d{4})-(\d{2})$/.exec(value);
  if (!m) return false;
  return isCalendarDate(Number(m[1]), Number(m[2]), 1);
}

/** A finite, non-negative number with at most two decimals (a string of such a number is accepted too). */
export function isAmount(value: unknown): boolean {
  if (typeof value === "string") {
    if (!/^\d+(?:\.\d{1,2})?$/.test(value.trim())) return false;
    return isAmount(Number(value));
  }
  if (typeof value !== "number" || !Number.isFinite(value) || value < 0) return false;
  return Math.abs(Math.round(value * 100) - value * 100) < 1e-6;
}

// ---------------------------------------------------------------------------------------------

/** Why a value fails a custom format (Chinese, without the field name), or null when it passes. */
export function formatProblem(format: string, value: unknown): string | null {
  switch (format) {
    case FORMAT.residentId:
      return residentIdProblem(value);
    case FORMAT.creditCode:
      return creditCodeProblem(value);
    case FORMAT.phone:
      return phoneProblem(value);
    case FORMAT.yearMonth:
      return isYearMonth(value) ? null : "应为年月，格式 YYYY-MM";
    case FORMAT.amount:
      return isAmount(value) ? null : "应为不小于0的金额，最多两位小数";
    default:
      return null;
  }
}

/** The string formats (validated on strings) with their validators, to register in ajv / rjsf. */
export const STRING_FORMATS: Record<string, (value: string) => boolean> = {
  [FORMAT.residentId]: isResidentId,
  [FORMAT.creditCode]: isCreditCode,
  [FORMAT.phone]: isPhone,
  [FORMAT.yearMonth]: isYearMonth,
  // rjsf's file widget keeps a chosen file as a data URL
  "data-url": (value: string) => /^data:[\w/+.-]*(;[\w-]+=[^;,]*)*(;base64)?,/.test(value),
};

/** The numeric formats (validated on numbers). */
export const NUMBER_FORMATS: Record<string, (value: number) => boolean> = {
  [FORMAT.amount]: isAmount,
};
