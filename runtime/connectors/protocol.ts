/**
 * The two requests every connector answers, typed (zod), as sent over HTTP and as the platform's
 * own adapters answer them. An answer that does not parse is a malformed answer: the system
 * counts as unavailable, never as passed.
 *
 *   POST <url>/check   { subject, facts: [{ key, question }] } → { facts: { <key>: { passed, detail? } } }
 *   POST <url>/lookup  { subject, need }                        → { found, record: { <field>: text | null } }
 */
import { z } from "zod";

export const subject = z.object({
  idNumber: z.string().max(18).optional(),
  creditCode: z.string().max(18).optional(),
  name: z.string().max(200).optional(),
});
export type Subject = z.infer<typeof subject>;

export const checkRequest = z.object({
  subject,
  facts: z.array(z.object({ key: z.string().max(64), question: z.string().max(1000) })).max(50),
});
export type CheckRequest = z.infer<typeof checkRequest>;

export const checkResponse = z.object({
  facts: z.record(z.string(), z.object({ passed: z.boolean(), detail: z.string().max(2000).optional() })),
});
export type CheckResponse = z.infer<typeof checkResponse>;

export const lookupRequest = z.object({ subject, need: z.string().max(1000) });
export type LookupRequest = z.infer<typeof lookupRequest>;

export const lookupResponse = z.object({
  found: z.boolean(),
  record: z.record(z.string(), z.string().max(2000).nullable()).default({}),
});
export type LookupResponse = z.infer<typeof lookupResponse>;

/** Why a connector gave no answer. */
export type Unavailable = { ok: false; reason: "notConfigured" | "timeout" | "failed" | "malformed" | "circuitOpen"; message: string };
export type Answer<T> = { ok: true; value: T } | Unavailable;

export const unavailableWords: Record<Unavailable["reason"], string> = {
  notConfigured: "接口未配置",
  timeout: "接口响应超时",
  failed: "接口调用失败",
  malformed: "接口返回格式错误",
  circuitOpen: "接口暂停调用（熔断中）",
};
