/**
 * Which date fields name an event that has happened (事故发生时间, 受伤时间, 工伤时间, 工亡时间,
 * 出生日期, 死亡时间, 确诊/诊断日期, 离职/失业时间): the seed marks them `x-notAfterToday`, so
 * neither the browser nor the server takes such a date after today. Conservative: a title that
 * may name a day ahead (拟…, 预计…, 计划…, 开班 …) is never marked, nor are the form's own dates
 * (填表日期, 签字日期, 盖章日期) or periods (开始/结束时间). Pure.
 */
import { NOT_AFTER_TODAY } from "@/runtime/forms/notAfterToday";
import type { JsonSchema } from "./build";

/** The event, then 时间 / 日期 / 年月, at the end of the title (a `（2）` made it unique among siblings). */
const PAST_EVENT = /(?:事故发生|受伤|负伤|工伤|工亡|出生|死亡|确诊|诊断|离职|失业)的?(?:时间|日期|年月)(?:（\d+）)?$/;
/** A blank in a sentence: “参保人已于＿年＿月＿日死亡”. */
const PAST_EVENT_BLANK = /于＿年＿月(?:＿日)?(?:死亡|出生)$/;
/** Words of a day that may lie ahead. */
const AHEAD = /拟|预计|预期|计划|预约|预定|开班|届满|到期/;

/** Whether a date field titled `title` names an event that has happened. */
export function namesPastEvent(title: string): boolean {
  if (AHEAD.test(title)) return false;
  return PAST_EVENT.test(title) || PAST_EVENT_BLANK.test(title);
}

/** `schema` (a date or year-month field) with the mark when its title names a past event. */
export function markPastDate(schema: JsonSchema): JsonSchema {
  return typeof schema.title === "string" && namesPastEvent(schema.title) ? { ...schema, [NOT_AFTER_TODAY]: true } : schema;
}
