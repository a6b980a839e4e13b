/**
 * `"x-notAfterToday": true` on a date (`format: "date"`, `YYYY-MM-DD`) or year-month
 * (`format: "year-month"`, `YYYY-MM`) field: the value may not lie after today in China
 * (事故发生时间, 出生日期, 死亡时间 … name events that have happened). The one definition of the
 * rule, as an ajv keyword registered in every ajv the product builds for forms (`addFormRules` in
 * ajv.ts: the server's, rjsf's in the browser, the precompiled validators' generated code).
 *
 * Which day is today: the caller's, when it validates with a context (`validate.call({ today },
 * data)`: the server passes the case clock's date, see `validateFormData`); otherwise the China
 * date of the clock the code runs on (the browser cannot read the server's case clock).
 *
 * A value that is not a date or a year-month passes: `format`, `type` and `required` judge it.
 * The field's `format` keeps the date widget, so the rule is a keyword of its own, not a format.
 * Pure; runs everywhere.
 */
import { _, type CodeKeywordDefinition, type KeywordCxt } from "ajv";
import { chinaDateOf } from "@/runtime/calendar/chinaTime";
import { isIsoDate, type IsoDate } from "@/runtime/calendar/isoDate";
import { isYearMonth } from "./formats";
import { FORMS_MODULE } from "./precompiledNames";

/** The keyword, as written in a field's schema (`true`: checked; `false` or absent: not). */
export const NOT_AFTER_TODAY = "x-notAfterToday";

/** What a validator may be called with (`validate.call(context, data)`): the day that is today. */
export interface FormValidationContext {
  /** Today in China, `YYYY-MM-DD`. */
  today?: IsoDate;
}

/** Whether `value` (a `YYYY-MM-DD` date or a `YYYY-MM` month) is not after `today`; anything else passes. */
export function isNotAfterToday(value: unknown, today: IsoDate): boolean {
  if (typeof value !== "string") return true;
  if (isIsoDate(value)) return value <= today;
  if (isYearMonth(value)) return value <= today.slice(0, 7);
  return true;
}

/** Today: the context's when it gives one, else the China date of this clock. */
export function todayOf(context?: unknown): IsoDate {
  const given = typeof context === "object" && context !== null && context !== globalThis ? (context as FormValidationContext).today : undefined;
  return typeof given === "string" && isIsoDate(given) ? given : chinaDateOf(new Date());
}

/** The rule as the generated validators call it: the value and the validator's `this` (its context). */
export function notAfterToday(value: unknown, context?: unknown): boolean {
  if (typeof value !== "string" || !(isIsoDate(value) || isYearMonth(value))) return true;
  return isNotAfterToday(value, todayOf(context));
}

/** The Chinese problem for a value the rule refuses (the field's title is put before it). */
export function notAfterTodayProblem(value: unknown): string {
  return typeof value === "string" && isYearMonth(value) ? "不能晚于本月" : "不能晚于今天";
}

/**
 * The ajv keyword. Code-generating, so that ajv's standalone code (the precompiled validators)
 * can carry it: there the rule is reached as the page's `require("hrss:forms").notAfterToday`.
 */
export const notAfterTodayKeyword: CodeKeywordDefinition = {
  keyword: NOT_AFTER_TODAY,
  type: "string",
  schemaType: "boolean",
  error: { message: "must not be after today" },
  code(cxt: KeywordCxt) {
    if (cxt.schema !== true) return;
    const rule = cxt.gen.scopeValue("func", { ref: notAfterToday, code: _`require(${FORMS_MODULE}).notAfterToday` });
    cxt.fail(_`!${rule}(${cxt.data}, this)`);
  },
};
