/**
 * One-time codes sent to a phone: 6 digits, valid 10 minutes, 5 tries, the latest code per phone
 * and purpose only; at most one send a minute and 5 an hour per phone, 30 an hour per address.
 * Only a digest of the code is stored. Issuing and checking run inside the caller's write.
 */
import "server-only";
import { randomInt } from "node:crypto";
import type { Tx } from "@/runtime/db";
import { AppError } from "@/runtime/errors";
import { digest, sameToken } from "@/runtime/auth/tokens";

export type CodePurpose = "register" | "reset";

export const CODE_TTL_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;
export const RESEND_INTERVAL_SECONDS = 60;
export const MAX_SENDS_PER_PHONE_PER_HOUR = 5;
export const MAX_SENDS_PER_ADDRESS_PER_HOUR = 30;

const HOUR_MS = 3_600_000;
const codeDigest = (id: string, code: string) => digest(`${id}:${code}`);

export interface IssuedCode {
  id: string;
  code: string;
  expiresAt: Date;
}

/** A new code for the phone, or TOO_MANY_REQUESTS when the phone or the address asked too often. */
export async function issueCode(tx: Tx, input: { phone: string; purpose: CodePurpose; ip: string }, now = new Date()): Promise<IssuedCode> {
  const hourAgo = new Date(now.getTime() - HOUR_MS);
  const recent = await tx.oneTimeCode.findMany({
    where: { phone: input.phone, createdAt: { gte: hourAgo } },
    select: { createdAt: true },
    orderBy: { createdAt: "desc" },
  });
  const last = recent[0]?.createdAt;
  if (last && now.getTime() - last.getTime() < RESEND_INTERVAL_SECONDS * 1000) {
    const wait = Math.ceil((RESEND_INTERVAL_SECONDS * 1000 - (now.getTime() - last.getTime())) / 1000);
    throw new AppError("TOO_MANY_REQUESTS", `验证码已发送，请 ${wait} 秒后再重新获取`);
  }
  if (recent.length >= MAX_SENDS_PER_PHONE_PER_HOUR) {
    throw new AppError("TOO_MANY_REQUESTS", `该手机号 1 小时内获取验证码已达 ${MAX_SENDS_PER_PHONE_PER_HOUR} 次，请稍后再试`);
  }
  const fromAddress = await tx.oneTimeCode.count({ where: { ip: input.ip, createdAt: { gte: hourAgo } } });
  if (fromAddress >= MAX_SENDS_PER_ADDRESS_PER_HOUR) {
    throw new AppError("TOO_MANY_REQUESTS", "获取验证码过于频繁，请稍后再试");
  }
  const code = String(randomInt(0, 1_000_000)).padStart(6, "0");
  const expiresAt = new Date(now.getTime() + CODE_TTL_MINUTES * 60_000);
  const row = await tx.oneTimeCode.create({
    data: { phone: input.phone, purpose: input.purpose, codeDigest: "", ip: input.ip, createdAt: now, expiresAt },
  });
  await tx.oneTimeCode.update({ where: { id: row.id }, data: { codeDigest: codeDigest(row.id, code) } });
  return { id: row.id, code, expiresAt };
}

export type CodeCheck = { ok: true; id: string } | { ok: false; id: string | null; error: AppError };

const wrongCode = (left: number) =>
  new AppError("BAD_REQUEST", left > 0 ? `验证码不正确，还可尝试 ${left} 次` : "验证码错误次数过多，请重新获取", [{ path: "code", message: "验证码不正确" }]);

/**
 * Checks a code against the phone's latest code for the purpose and, when right, uses it up.
 * Each try counts an attempt (kept even when the caller then refuses: the caller commits before
 * throwing `error`).
 */
export async function consumeCode(tx: Tx, input: { phone: string; purpose: CodePurpose; code: string }, now = new Date()): Promise<CodeCheck> {
  const latest = await tx.oneTimeCode.findFirst({
    where: { phone: input.phone, purpose: input.purpose },
    orderBy: { createdAt: "desc" },
  });
  const fieldError = (message: string) => [{ path: "code", message }];
  if (!latest) return { ok: false, id: null, error: new AppError("BAD_REQUEST", "请先获取验证码", fieldError("请先获取验证码")) };
  if (latest.usedAt) return { ok: false, id: latest.id, error: new AppError("BAD_REQUEST", "验证码已使用，请重新获取", fieldError("验证码已使用")) };
  if (latest.expiresAt.getTime() <= now.getTime()) {
    return { ok: false, id: latest.id, error: new AppError("BAD_REQUEST", `验证码已过期（有效期 ${CODE_TTL_MINUTES} 分钟），请重新获取`, fieldError("验证码已过期")) };
  }
  // Every try is counted before the comparison, in one conditional update: parallel requests
  // cannot together try more than MAX_CODE_ATTEMPTS codes (the row lock orders them).
  const counted = await tx.oneTimeCode.updateMany({
    where: { id: latest.id, usedAt: null, attempts: { lt: MAX_CODE_ATTEMPTS } },
    data: { attempts: { increment: 1 } },
  });
  if (counted.count !== 1) return { ok: false, id: latest.id, error: wrongCode(0) };
  if (!/^\d{6}$/.test(input.code) || !sameToken(codeDigest(latest.id, input.code), latest.codeDigest)) {
    const after = await tx.oneTimeCode.findUniqueOrThrow({ where: { id: latest.id }, select: { attempts: true } });
    return { ok: false, id: latest.id, error: wrongCode(MAX_CODE_ATTEMPTS - after.attempts) };
  }
  // Used only if still unused: two requests with the same code cannot both succeed.
  const used = await tx.oneTimeCode.updateMany({ where: { id: latest.id, usedAt: null }, data: { usedAt: now } });
  if (used.count !== 1) return { ok: false, id: latest.id, error: new AppError("BAD_REQUEST", "验证码已使用，请重新获取", fieldError("验证码已使用")) };
  return { ok: true, id: latest.id };
}

/** 138****1234 */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
