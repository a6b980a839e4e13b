/**
 * 结果送达方式: how the applicant asked, on their form, to receive the result (the injury forms
 * offer 自取 / 网上自助查询 / 短信送达 with the worker's mobile number). Pure: read from the
 * pinned version's forms and the case's form data, honoured when the decision notice is queued
 * (runtime/notify/outbox.ts: 短信送达 sends the decision by SMS to that number, whatever the
 * account's own SMS setting).
 */
import type { FormDefinition } from "@/runtime/definition/schema";
import { isObject } from "@/runtime/definition/json";
import { shownOrder } from "./uiOrder";

export const RESULT_DELIVERY_TITLE = "结果送达方式";
export const SMS_DELIVERY = "短信送达";

export interface ResultDelivery {
  /** The choices ticked, as the form words them (自取, 短信送达 …). */
  choices: string[];
  /** Where 短信送达 sends the result: the mobile number given with the choice; null when not chosen or none given. */
  smsTo: string | null;
}

type Schema = Record<string, unknown>;

const choicesOf = (value: unknown): string[] =>
  (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string" && v.trim() !== "").map((v) => v.trim());

const phoneOf = (value: unknown): string | null => (typeof value === "string" && /^1\d{10}$/.test(value.trim()) ? value.trim() : null);

/** The delivery choice in one object schema and its data, looking into nested sections. */
function inObject(schema: Schema, data: Schema, ui: Schema): ResultDelivery | null {
  const properties = isObject(schema.properties) ? schema.properties : {};
  const keys = shownOrder(properties, ui);
  const at = keys.findIndex((k) => isObject(properties[k]) && String((properties[k] as Schema).title ?? "").trim() === RESULT_DELIVERY_TITLE);
  if (at >= 0) {
    const choices = choicesOf(data[keys[at]]);
    if (!choices.length) return null;
    const phones = (from: string[]) => from.filter((k) => isObject(properties[k]) && (properties[k] as Schema).format === "cn-phone").map((k) => phoneOf(data[k]));
    // The number asked for with the choice (the next phone field), else any phone the form gives.
    const smsTo = choices.includes(SMS_DELIVERY) ? ([...phones(keys.slice(at + 1)), ...phones(keys.slice(0, at))].find((p) => p !== null) ?? null) : null;
    return { choices, smsTo };
  }
  for (const key of keys) {
    const child = properties[key];
    if (isObject(child) && isObject(data[key])) {
      const found = inObject(child, data[key] as Schema, isObject(ui[key]) ? (ui[key] as Schema) : {});
      if (found) return found;
    }
  }
  return null;
}

/** The applicant's 结果送达方式 on the case's forms, or null when no form asks it or it was left blank. */
export function resultDelivery(forms: readonly (Pick<FormDefinition, "id" | "schema"> & { uiSchema?: unknown })[], formData: Record<string, unknown>): ResultDelivery | null {
  for (const form of forms) {
    const data = formData[form.id];
    if (!isObject(form.schema) || !isObject(data)) continue;
    const found = inObject(form.schema as Schema, data, isObject(form.uiSchema) ? form.uiSchema : {});
    if (found) return found;
  }
  return null;
}

/** A line for the decision notice saying how the result reaches the applicant. */
export function deliveryNote(delivery: ResultDelivery | null): string {
  if (!delivery) return "";
  const parts: string[] = [];
  if (delivery.smsTo) parts.push(`已按您选择的“短信送达”发送至 ${delivery.smsTo.slice(0, 3)}****${delivery.smsTo.slice(7)}`);
  else if (delivery.choices.includes(SMS_DELIVERY)) parts.push("您选择了“短信送达”，但未填写有效的手机号码，请在“我的办件”中查看结果");
  if (delivery.choices.includes("自取")) parts.push("选择“自取”的，请携带有效身份证件到办理机构领取结果文书");
  return parts.length ? `\n结果送达：${parts.join("；")}。` : "";
}
